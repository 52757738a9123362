package org.neurodynamics.results;

import ij.gui.Plot;

/** Room for a plot's legend and title, so that neither covers the data. */
final class PlotLayout {

	private PlotLayout() {}

	/**
	 * Fits the limits to the data, leaves empty space above it for a legend of
	 * {@code lines} lines in the top-right corner (on a log axis, in decades) and a margin
	 * on every side, then adds the legend.
	 */
	static void legendAbove(Plot plot, String legend, int lines, boolean logY) {
		plot.setLimitsToFit(false);
		double[] l = plot.getLimits();
		double room = 0.1 + 0.08 * lines;
		double xMargin = 0.02 * (l[1] - l[0]);
		if (logY && l[2] > 0 && l[3] > l[2]) {
			double decades = Math.log10(l[3] / l[2]);
			plot.setLimits(l[0] - xMargin, l[1] + xMargin, l[2] / Math.pow(10, 0.03 * decades), l[3] * Math.pow(10, room * decades));
		}
		else {
			double span = l[3] > l[2] ? l[3] - l[2] : Math.max(1e-9, Math.abs(l[3]));
			plot.setLimits(l[0] - xMargin, l[1] + xMargin, l[2] - 0.03 * span, l[3] + room * span);
		}
		if (legend != null) plot.addLegend(legend, "top-right");
	}

	/** A margin of a few percent on every side, so that an orbit does not touch the frame. */
	static void margins(Plot plot) {
		plot.setLimitsToFit(false);
		double[] l = plot.getLimits();
		double dx = 0.05 * Math.max(1e-9, l[1] - l[0]), dy = 0.05 * Math.max(1e-9, l[3] - l[2]);
		plot.setLimits(l[0] - dx, l[1] + dx, l[2] - dy, l[3] + dy);
	}

	/** A title inside the saved image (a plot's window title is not part of its PNG), just above the frame. */
	static void title(Plot plot, String title) {
		plot.setColor(java.awt.Color.BLACK);
		plot.addLabel(0, 0, title);
	}
}
