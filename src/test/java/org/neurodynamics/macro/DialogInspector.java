package org.neurodynamics.macro;

import java.awt.Button;
import java.awt.Choice;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.ItemEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import ij.gui.GenericDialog;

/**
 * For the GUI tests: watches for a command's dialog, takes a picture of it, measures its
 * height with every choice set to the value that shows the most fields, presses
 * "Advanced..." and does the same for the second page, then cancels. Called from a macro
 * with call("org.neurodynamics.macro.DialogInspector.inspect", folder, name) just before
 * run("Command...") without options, which opens the dialog. Writes one line
 * "name first-page-height tallest-first-page advanced-height" to folder/dialogs.txt and
 * name.png (and name-advanced.png) into the folder. Loaded from the test jar in ImageJ's
 * plugins folder (see {@link Display}).
 */
public final class DialogInspector {

	private DialogInspector() {}

	public static String inspect(String folder, String name) {
		Thread t = new Thread(() -> {
			try {
				run(Path.of(folder), name);
			}
			catch (Throwable e) {
				append(Path.of(folder), name + " failed: " + e);
			}
		}, "dialog inspector");
		t.setDaemon(true);
		t.start();
		return "";
	}

	/** Takes a picture of the window titled {@code title} (a result plot or image; ImageJ may append the zoom) as folder/name.png. */
	public static String window(String folder, String title, String name) throws Exception {
		for (Window w : Window.getWindows())
			if (w.isShowing() && w instanceof java.awt.Frame && (((java.awt.Frame) w).getTitle().equals(title) || ((java.awt.Frame) w).getTitle().startsWith(title + " ("))) {
				w.toFront();
				Thread.sleep(500);
				capture(w, Path.of(folder, name + ".png"));
				return "";
			}
		return "no window " + title;
	}

	private static void run(Path folder, String name) throws Exception {
		GenericDialog first = await(null);
		int height = first.getHeight();
		capture(first, folder.resolve(name + ".png"));
		int tallest = tallest(first);
		String line = name + " " + height + " " + tallest;
		Button advanced = button(first, "Advanced...");
		if (advanced != null) {
			press(advanced);
			GenericDialog second = await(first);
			capture(second, folder.resolve(name + "-advanced.png"));
			line += " " + Math.max(second.getHeight(), tallest(second));
			append(folder, line);
			press(button(second, "Cancel"));
		}
		else {
			append(folder, line + " 0");
			press(button(first, "Cancel"));
		}
	}

	/** The visible GenericDialog other than {@code previous}, once it has been shown and laid out. */
	private static GenericDialog await(GenericDialog previous) throws InterruptedException {
		long end = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < end) {
			for (Window w : Window.getWindows())
				if (w instanceof GenericDialog && w != previous && w.isShowing() && w.getHeight() > 0) {
					Thread.sleep(700);
					return (GenericDialog) w;
				}
			Thread.sleep(100);
		}
		throw new IllegalStateException("no dialog appeared");
	}

	/** The height with each choice in turn set to the item that makes the dialog tallest. */
	private static int tallest(Dialog d) throws Exception {
		int max = d.getHeight();
		for (Choice c : components(d, Choice.class)) {
			int best = c.getSelectedIndex(), bestHeight = -1;
			for (int i = 0; i < c.getItemCount(); i++) {
				select(c, i);
				if (d.getHeight() > bestHeight) {
					bestHeight = d.getHeight();
					best = i;
				}
			}
			select(c, best);
			max = Math.max(max, d.getHeight());
		}
		return max;
	}

	private static void select(Choice c, int i) throws Exception {
		java.awt.EventQueue.invokeAndWait(() -> {
			c.select(i);
			c.dispatchEvent(new ItemEvent(c, ItemEvent.ITEM_STATE_CHANGED, c.getItem(i), ItemEvent.SELECTED));
		});
		Thread.sleep(150);
		java.awt.EventQueue.invokeAndWait(() -> {});
	}

	private static void press(Button b) throws Exception {
		java.awt.EventQueue.invokeLater(() -> b.dispatchEvent(new ActionEvent(b, ActionEvent.ACTION_PERFORMED, b.getLabel())));
	}

	private static Button button(Container c, String label) {
		for (Button b : components(c, Button.class)) if (b.getLabel().trim().equals(label)) return b;
		return null;
	}

	private static <T extends Component> List<T> components(Container c, Class<T> type) {
		List<T> found = new ArrayList<>();
		for (Component child : c.getComponents()) {
			if (type.isInstance(child)) found.add(type.cast(child));
			if (child instanceof Container) found.addAll(components((Container) child, type));
		}
		return found;
	}

	private static void capture(Window w, Path file) throws Exception {
		Rectangle r = w.getBounds();
		BufferedImage image = new Robot().createScreenCapture(r);
		ImageIO.write(image, "png", new File(file.toString()));
	}

	private static synchronized void append(Path folder, String line) {
		try {
			Files.write(folder.resolve("dialogs.txt"), (line + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
