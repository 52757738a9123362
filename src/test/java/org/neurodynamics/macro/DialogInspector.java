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

	/**
	 * Like {@link #inspect} but accepts the dialog: presses "Advanced..." when
	 * {@code advanced} is "true" and then OK on the advanced page, else OK on the first page.
	 */
	public static String accept(String folder, String advanced) {
		Thread t = new Thread(() -> {
			try {
				GenericDialog first = await(null);
				Button more = button(first, "Advanced...");
				if ("true".equals(advanced) && more != null) {
					press(more);
					press(button(await(first), "OK"));
				}
				else press(button(first, "OK"));
			}
			catch (Throwable e) {
				append(Path.of(folder), "accept failed: " + e);
			}
		}, "dialog acceptor");
		t.setDaemon(true);
		t.start();
		return "";
	}

	/** Starts the macro recorder, recording commands that macros run too. */
	public static String startRecorder() {
		ij.IJ.run("Record...");
		ij.plugin.frame.Recorder.recordInMacros = true;
		return "";
	}

	/** What the macro recorder has recorded so far. */
	public static String recorded() {
		ij.plugin.frame.Recorder r = ij.plugin.frame.Recorder.getInstance();
		return r == null ? "" : r.getText();
	}

	/** Takes a picture of the window titled {@code title} (a result plot or image; ImageJ may append the zoom) as folder/name.png. */
	public static String window(String folder, String title, String name) throws Exception {
		for (Window w : Window.getWindows())
			if (w.isShowing() && w instanceof java.awt.Frame && (((java.awt.Frame) w).getTitle().equals(title) || ((java.awt.Frame) w).getTitle().startsWith(title + " ("))) {
				w.toFront();
				Thread.sleep(500);
				// The canvas only: the window's info line follows the mouse, and the picture should not change between runs.
				Component canvas = w instanceof ij.gui.ImageWindow ? ((ij.gui.ImageWindow) w).getCanvas() : w;
				Rectangle r = new Rectangle(canvas.getLocationOnScreen(), canvas.getSize());
				ImageIO.write(new Robot().createScreenCapture(r), "png", new File(Path.of(folder, name + ".png").toString()));
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
	private static GenericDialog await(GenericDialog previous) throws Exception {
		long end = System.currentTimeMillis() + 60_000;
		while (System.currentTimeMillis() < end) {
			for (Window w : Window.getWindows())
				if (w instanceof GenericDialog && w != previous && w.isShowing() && w.getHeight() > 0) {
					// Laid out and no longer changing; then placed in the middle of the screen and on top
					// (without a window manager a dialog may stay at 0,0 under the ImageJ bar).
					Rectangle last = null;
					for (int stable = 0; stable < 3 && System.currentTimeMillis() < end; ) {
						Thread.sleep(200);
						Rectangle now = w.getBounds();
						stable = now.equals(last) ? stable + 1 : 0;
						last = now;
					}
					java.awt.EventQueue.invokeAndWait(() -> {
						Rectangle screen = w.getGraphicsConfiguration().getBounds();
						w.setLocation(screen.x + (screen.width - w.getWidth()) / 2, screen.y + (screen.height - w.getHeight()) / 2);
						w.toFront();
					});
					Thread.sleep(700);
					java.awt.EventQueue.invokeAndWait(() -> {});
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
		// Focus on a button, so that no blinking text cursor makes the picture differ between runs.
		Button ok = w instanceof Container ? button((Container) w, "OK") : null;
		if (ok != null) {
			java.awt.EventQueue.invokeAndWait(ok::requestFocus);
			Thread.sleep(300);
		}
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
