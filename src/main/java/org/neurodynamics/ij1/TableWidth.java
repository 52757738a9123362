package org.neurodynamics.ij1;

import java.awt.FontMetrics;
import java.awt.Rectangle;
import java.awt.Window;

import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.text.TextPanel;
import ij.text.TextWindow;

/**
 * The width a table's window needs to show every column whole, in the window's font: ImageJ
 * opens tables at a fixed width, which cuts a batch's cell names (the first column) short.
 */
final class TableWidth {

	/** Space around each column's text, and around the columns (border, scroll bar), pixels. */
	private static final int PADDING = 12, FRAME = 40;
	/** Rows measured: enough to see the longest values of a table that is read on screen. */
	private static final int ROWS = 1000;

	private TableWidth() {}

	/** Pixels the columns of {@code table} (with the row numbers) take in {@code font}. */
	static int of(ResultsTable table, FontMetrics font) {
		int rows = Math.min(table.size(), ROWS);
		int width = FRAME + font.stringWidth(Integer.toString(Math.max(1, table.size()))) + PADDING;
		for (String heading : table.getHeadings()) {
			int column = font.stringWidth(heading);
			for (int r = 0; r < rows; r++) column = Math.max(column, font.stringWidth(table.getStringValue(heading, r)));
			width += column + PADDING;
		}
		return width;
	}

	/** Widens the open table window {@code title} to its columns, within the screen; never narrows it. */
	static void fit(String title, ResultsTable table) {
		Window w = WindowManager.getWindow(title);
		if (!(w instanceof TextWindow)) return;
		TextPanel panel = ((TextWindow) w).getTextPanel();
		int wanted = of(table, panel.getFontMetrics(panel.getFont()));
		Rectangle screen = w.getGraphicsConfiguration().getBounds();
		int width = Math.min(Math.max(w.getWidth(), wanted), screen.x + screen.width - w.getX());
		if (width > w.getWidth()) w.setSize(width, w.getHeight());
	}
}
