package org.neurodynamics.results;

import java.awt.Color;
import java.util.List;

import ij.gui.Plot;

import org.neurodynamics.core.trace.Trace;

/** Line plots of traces against time, in their own units. */
public final class TracePlots {

	/** Distinct colours for overlaid traces. */
	static final Color[] COLOURS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
		new Color(0xff7f0e), new Color(0x17becf), new Color(0x8c564b), new Color(0xe377c2), new Color(0xbcbd22),
		new Color(0x7f7f7f) };

	/** At most this many traces are drawn in one plot, so it stays readable. */
	static final int MAX_TRACES = 8;

	private TracePlots() {}

	public static Plot of(String title, List<Trace> traces) {
		Trace first = traces.get(0);
		String time = first.timeUnit().isEmpty() ? "time" : "time (" + first.timeUnit() + ")";
		String value = first.valueUnit().isEmpty() ? "value" : first.valueUnit();
		Plot plot = new Plot(title, time, value);
		int n = Math.min(MAX_TRACES, traces.size());
		StringBuilder legend = new StringBuilder();
		for (int k = 0; k < n; k++) {
			Trace t = traces.get(k);
			double[] x = new double[t.length()], y = new double[t.length()];
			for (int i = 0; i < x.length; i++) {
				x[i] = i * t.dt();
				y[i] = t.sample(i);
			}
			plot.setColor(COLOURS[k % COLOURS.length]);
			plot.addPoints(x, y, Plot.LINE);
			legend.append(t.name()).append('\n');
		}
		plot.setColor(Color.BLACK);
		if (traces.size() > n) plot.addLabel(0.02, 0.05, "first " + n + " of " + traces.size() + " traces");
		PlotLayout.legendAbove(plot, n > 1 ? legend.toString() : null, n, false);
		return plot;
	}
}
