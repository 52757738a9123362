package org.neurodynamics.macro;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

import ij.ImageJ;

/**
 * Records every text ImageJ's status bar shows while a macro runs, for the GUI tests:
 * call("org.neurodynamics.macro.StatusBarRecorder.start") before a command and
 * call("org.neurodynamics.macro.StatusBarRecorder.stop", file) after it. Loaded from a
 * jar in ImageJ's plugins folder (see {@link Display}).
 */
public final class StatusBarRecorder {

	private static final Set<String> TEXTS = new LinkedHashSet<>();
	private static volatile Thread thread;

	private StatusBarRecorder() {}

	public static synchronized String start() {
		TEXTS.clear();
		Thread t = new Thread(new Runnable() {
			@Override
			public void run() {
				while (thread == Thread.currentThread()) {
					String text = ImageJ.getStatusBarText();
					if (text != null && !text.isEmpty()) synchronized (TEXTS) {
						TEXTS.add(text);
					}
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException e) {
						return;
					}
				}
			}
		}, "status bar recorder");
		t.setDaemon(true);
		thread = t;
		t.start();
		return "";
	}

	public static synchronized String stop(String file) {
		Thread t = thread;
		thread = null;
		try {
			if (t != null) t.join(1000);
			synchronized (TEXTS) {
				String text = ImageJ.getStatusBarText();
				if (text != null && !text.isEmpty()) TEXTS.add(text);
				Files.writeString(Path.of(file), String.join("\n", TEXTS) + "\n", StandardCharsets.UTF_8);
			}
		}
		catch (Exception e) {
			return e.toString();
		}
		return "";
	}
}
