package org.neurodynamics.ij1;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;

import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;

/**
 * Shows a command's results the ImageJ 1 way: tables and plots as windows, then images.
 * Run from a menu entry (and so from a macro), the command's main table is the "Results"
 * table, with a display and headless alike.
 */
public final class ResultWindows {

	/** The title of ImageJ's system results table, the one macros read with nResults and getResult(). */
	public static final String RESULTS = "Results";

	private ResultWindows() {}

	/**
	 * The results of a menu entry: the command's main (first) table is the "Results" table,
	 * with a display and without, so that a recorded macro reads the same nResults and
	 * getResult() everywhere; the other tables get windows of their own in the GUI.
	 */
	public static void showWithResultsTable(CommandModule module) {
		show(module, true);
	}

	/**
	 * Every table in a window of its own titled after it (several commands' results side by
	 * side, as in the demo); headless, where there are no table windows, the main table
	 * becomes the "Results" table.
	 */
	public static void show(CommandModule module) {
		show(module, false);
	}

	/**
	 * Tiles the open result windows (plots, images, tables; not the Log) in a grid below the
	 * ImageJ bar, so that none hides another: plots are redrawn at the tile's size, images
	 * zoomed to fit it.
	 */
	public static void tile() {
		if (GraphicsEnvironment.isHeadless()) return;
		java.util.List<java.awt.Frame> windows = new java.util.ArrayList<>();
		for (java.awt.Frame f : java.awt.Frame.getFrames())
			if (f.isShowing() && (f instanceof ij.gui.ImageWindow || f instanceof ij.text.TextWindow && !"Log".equals(f.getTitle())))
				windows.add(f);
		if (windows.isEmpty()) return;
		java.awt.Rectangle area = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
		java.awt.Frame bar = ij.IJ.getInstance();
		if (bar != null) {
			int top = Math.max(area.y, bar.getY() + bar.getHeight());
			area = new java.awt.Rectangle(area.x, top, area.width, area.y + area.height - top);
		}
		int n = windows.size();
		int cols = Math.max(1, (int) Math.ceil(Math.sqrt(n * area.width / (1.4 * area.height))));
		int rows = (n + cols - 1) / cols;
		int w = area.width / cols, h = area.height / rows;
		for (int i = 0; i < n; i++) {
			java.awt.Frame f = windows.get(i);
			int x = area.x + (i % cols) * w, y = area.y + (i / cols) * h;
			if (f instanceof ij.gui.ImageWindow) ((ij.gui.ImageWindow) f).setLocationAndSize(x, y, w, h);
			else f.setBounds(x, y, w, h);
		}
	}

	/** Images come last, so that the command's image is the current one for the next step. */
	private static void show(CommandModule module, boolean mainIsResults) {
		boolean headless = GraphicsEnvironment.isHeadless();
		boolean firstTable = true;
		for (ModuleItem<?> item : module.getInfo().outputs()) {
			Object value = module.getOutput(item.getName());
			String title = item.getLabel() != null && !item.getLabel().isEmpty() ? item.getLabel() : item.getName();
			if (value instanceof ResultsTable) {
				ResultsTable table = (ResultsTable) value;
				if (firstTable && (mainIsResults || headless)) {
					Analyzer.setResultsTable(table);
					if (!headless) {
						table.show(RESULTS);
						TableWidth.fit(RESULTS, table);
					}
				}
				else if (!headless) {
					table.show(title);
					TableWidth.fit(title, table);
				}
				firstTable = false;
			}
			else if (value instanceof Plot) ((Plot) value).show();
			else if (value instanceof String && !((String) value).isEmpty()) IJ.log((String) value);
		}
		for (ModuleItem<?> item : module.getInfo().outputs())
			if (module.getOutput(item.getName()) instanceof ImagePlus) ((ImagePlus) module.getOutput(item.getName())).show();
	}
}
