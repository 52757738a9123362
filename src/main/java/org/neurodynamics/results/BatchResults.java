package org.neurodynamics.results;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.batch.CellJob;
import org.neurodynamics.core.batch.CellRow;
import org.neurodynamics.core.batch.Column;

/**
 * The batch's results: its table (one row per cell, as results.csv) and a figure of the
 * population: spike count against step current, one line per cell, for the features job;
 * each cell's fitted conductances relative to the population's median, as a strip plot, for
 * the fit job; the state dimension and the recorded sweeps reproduced per cell for
 * reconstructions.
 */
public final class BatchResults {

	private BatchResults() {}

	public static ResultsTable table(List<Column> columns, List<CellRow> rows) {
		ResultsTable rt = new ResultsTable();
		for (CellRow r : rows) {
			rt.incrementCounter();
			Object[] v = r.values();
			for (int c = 0; c < v.length; c++) {
				String name = columns.get(c).name;
				if (columns.get(c).type == Column.Type.TEXT) rt.addValue(name, v[c] == null ? "" : (String) v[c]);
				else rt.addValue(name, v[c] == null ? Double.NaN : ((Number) v[c]).doubleValue());
			}
		}
		return rt;
	}

	/**
	 * The population figure. {@code curves} holds each cell's {parameters, spike counts} for
	 * the features job (cells without one are left out).
	 */
	public static Plot population(CellJob job, List<Column> columns, List<CellRow> rows, Map<String, double[][]> curves,
		String parameter)
	{
		switch (job) {
			case FEATURES: return spikeCurves(rows, curves, parameter);
			case FIT: return strips("Fitted conductances per cell", "value / median of the cells", rows, numbersBetween(columns,
				"loss_mv2", "recorded_spikes"), true);
			default: return predictedRates(rows, curves);
		}
	}

	/**
	 * The reconstruct job: each sweep's firing rate from the map against the recorded one, a
	 * colour per cell (named in the legend), filled at trained sweeps, open at held-out ones;
	 * on the diagonal the map reproduces or predicts the cell.
	 */
	private static Plot predictedRates(List<CellRow> rows, Map<String, double[][]> curves) {
		Plot plot = new Plot("Firing rate per sweep: map against recording", "recorded spike rate (Hz)", "map spike rate (Hz)");
		double hi = 1;
		StringBuilder legend = new StringBuilder();
		int n = 0;
		for (CellRow r : rows) {
			double[][] c = curves.get(r.cell());
			if (r.failed() || c == null) continue;
			java.awt.Color colour = TracePlots.COLOURS[n++ % TracePlots.COLOURS.length];
			for (int trained = 1; trained >= 0; trained--) {
				List<double[]> points = new ArrayList<>();
				for (int i = 0; i < c[0].length; i++) if ((int) c[2][i] == trained) points.add(new double[] { c[0][i], c[1][i] });
				double[] x = points.stream().mapToDouble(q -> q[0]).toArray(), y = points.stream().mapToDouble(q -> q[1]).toArray();
				for (int i = 0; i < x.length; i++) hi = Math.max(hi, Math.max(x[i], y[i]));
				plot.setColor(colour, trained == 1 ? colour : null);
				plot.addPoints(x, y, Plot.CIRCLE);
			}
			legend.append(legend.length() == 0 ? "" : "\n").append(r.cell());
		}
		plot.setColor(Color.GRAY);
		plot.drawDottedLine(0, 0, 1.05 * hi, 1.05 * hi, 2);
		plot.setLimits(0, 1.05 * hi, 0, 1.05 * hi);
		plot.setColor(Color.BLACK);
		PlotLayout.legendAbove(plot, n == 0 ? null : legend.toString(), Math.max(1, n), false);
		PlotLayout.title(plot, n + " cells; filled: trained sweeps, open: held out (predicted); dotted: map = recording");
		return plot;
	}

	private static Plot spikeCurves(List<CellRow> rows, Map<String, double[][]> curves, String parameter) {
		Plot plot = new Plot("Spike count per cell", parameter, "spikes during the step");
		int n = 0;
		for (CellRow r : rows) {
			double[][] c = curves.get(r.cell());
			if (r.failed() || c == null) continue;
			Integer[] order = new Integer[c[0].length];
			for (int i = 0; i < order.length; i++) order[i] = i;
			Arrays.sort(order, (a, b) -> Double.compare(c[0][a], c[0][b]));
			double[] x = new double[order.length], y = new double[order.length];
			for (int i = 0; i < order.length; i++) {
				x[i] = c[0][order[i]];
				y[i] = c[1][order[i]];
			}
			plot.setColor(TracePlots.COLOURS[n++ % TracePlots.COLOURS.length]);
			plot.addPoints(x, y, Plot.LINE);
			plot.addPoints(x, y, Plot.CIRCLE);
		}
		PlotLayout.legendAbove(plot, null, 1, false);
		PlotLayout.title(plot, n + " cells, one line each");
		return plot;
	}

	/** The fitted parameters: the columns after the loss and before the spike counts. */
	private static List<String> numbersBetween(List<Column> columns, String after, String before) {
		List<String> out = new ArrayList<>();
		boolean in = false;
		for (Column c : columns) {
			if (c.name.equals(before)) break;
			if (in) out.add(c.name);
			if (c.name.equals(after)) in = true;
		}
		return out;
	}

	/** One strip per column at x = 1, 2, ...: a point per cell, spread sideways so that equal values stay visible. */
	private static Plot strips(String title, String yLabel, List<CellRow> rows, List<String> names, boolean relative) {
		Plot plot = new Plot(title, "", yLabel);
		int cells = 0;
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (int k = 0; k < names.size(); k++) {
			List<Double> values = new ArrayList<>();
			for (CellRow r : rows) if (!r.failed() && Double.isFinite(r.number(names.get(k)))) values.add(r.number(names.get(k)));
			cells = Math.max(cells, values.size());
			if (values.isEmpty()) continue;
			double scale = relative ? median(values) : 1;
			double[] x = new double[values.size()], y = new double[values.size()];
			for (int i = 0; i < x.length; i++) {
				x[i] = k + 1 + 0.25 * ((i * 0.618034) % 1 - 0.5);
				y[i] = scale > 0 ? values.get(i) / scale : values.get(i);
				lo = Math.min(lo, y[i]);
				hi = Math.max(hi, y[i]);
			}
			plot.setColor(TracePlots.COLOURS[k % TracePlots.COLOURS.length]);
			plot.addPoints(x, y, Plot.CIRCLE);
		}
		if (!(hi >= lo)) {
			lo = 0;
			hi = 1;
		}
		double span = Math.max(hi - lo, 1e-9 + 0.1 * Math.abs(hi));
		// room below the points for the column names
		plot.setLimits(0.4, names.size() + 0.6, lo - 0.25 * span, hi + 0.1 * span);
		plot.setXTicks(false);
		plot.setColor(Color.BLACK);
		for (int k = 0; k < names.size(); k++) plot.addLabel((k + 0.6 - 0.2) / (names.size() + 0.2), 0.97, names.get(k));
		PlotLayout.title(plot, cells + " cells");
		return plot;
	}

	private static double median(List<Double> values) {
		double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
	}
}
