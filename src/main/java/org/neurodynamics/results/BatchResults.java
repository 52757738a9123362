package org.neurodynamics.results;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.util.Tools;

import org.neurodynamics.core.analysis.Percentiles;
import org.neurodynamics.core.batch.BatchColumns;
import org.neurodynamics.core.batch.CellJob;
import org.neurodynamics.core.batch.CellRow;
import org.neurodynamics.core.batch.Column;
import org.neurodynamics.core.batch.SpikeCurves;

/**
 * The batch's results: its table (one row per cell, as results.csv) and a figure of the
 * population (population.png, the same from the Fiji batch and the Spark job): spike count
 * against step current in pA for the features job; each cell's fitted conductances relative
 * to the cells' median for the fit job; each sweep's firing rate from the map against the
 * recorded one for reconstructions. Up to {@link #NAMED_CELLS} cells each get a colour and
 * their name in the legend; more are drawn as their median and interquartile range.
 */
public final class BatchResults {

	/** Up to this many cells are drawn one by one, each named; more as the population's median and quartiles. */
	public static final int NAMED_CELLS = 10;
	/** Fewer cells than this at a current give no median there. */
	private static final int MIN_CELLS_PER_POINT = 3;
	private static final Color BAND = new Color(0xc6dbef), BAND_EDGE = new Color(0x6baed6), MEDIAN = new Color(0x08519c);

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

	/** The population figure of the cells of {@code rows}, with the per-sweep curves read from their folders under {@code output}. */
	public static Plot population(CellJob job, Path output, List<CellRow> rows) {
		Map<String, double[][]> curves = new HashMap<>();
		if (job != CellJob.FIT)
			for (CellRow r : rows) {
				if (r.failed()) continue;
				double[][] c = job == CellJob.FEATURES ? SpikeCurves.of(output, r.cell()) : SpikeCurves.ratesOf(output, r.cell());
				if (c != null) curves.put(r.cell(), c);
			}
		return population(job, BatchColumns.of(job), rows, curves);
	}

	/**
	 * The population figure. {@code curves} holds each cell's {step currents in pA (NaN where
	 * unknown), spike counts} for the features job, its {recorded rates, map rates, trained}
	 * for reconstructions (cells without one are left out).
	 */
	public static Plot population(CellJob job, List<Column> columns, List<CellRow> rows, Map<String, double[][]> curves) {
		switch (job) {
			case FEATURES: return spikeCurves(rows, curves);
			case FIT: return conductances(rows, numbersBetween(columns, "loss_mv2", "recorded_spikes"));
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

	/**
	 * Spike count against step current (pA). Cells whose sweeps have no current (a CSV file
	 * without I=... headers) cannot share the axis: they are left out, named in a note.
	 */
	private static Plot spikeCurves(List<CellRow> rows, Map<String, double[][]> curves) {
		Plot plot = new Plot("Spike count per cell", "step current (pA)", "spikes during the step");
		plot.setSize(720, 480);
		List<String> names = new ArrayList<>(), noCurrent = new ArrayList<>();
		List<double[][]> cells = new ArrayList<>();
		int failed = 0;
		for (CellRow r : rows) {
			double[][] c = curves.get(r.cell());
			if (r.failed()) failed++;
			if (r.failed() || c == null) continue;
			double[][] byCurrent = byCurrent(c);
			if (byCurrent[0].length == 0) noCurrent.add(r.cell());
			else {
				names.add(r.cell());
				cells.add(byCurrent);
			}
		}
		String title;
		if (cells.size() <= NAMED_CELLS) {
			for (int k = 0; k < cells.size(); k++)
				namedLine(plot, k, Tools.toFloat(cells.get(k)[0]), Tools.toFloat(cells.get(k)[1]), names.get(k));
			title = cells.size() + (cells.size() == 1 ? " cell" : " cells") + ", one line each";
		}
		else title = band(plot, cells) + " cells: median and interquartile range (each cell's row is in the results table)";
		plot.setLineWidth(1);
		PlotLayout.legendAbove(plot, null, cells.size() <= NAMED_CELLS ? Math.max(1, cells.size()) : 2, false);
		if (!cells.isEmpty()) plot.addLegend(null, "top-right");
		if (failed > 0) title += "; " + failed + " failed, not drawn (their rows say why)";
		// under the axis they cannot share: the cells it leaves out
		if (!noCurrent.isEmpty()) plot.setXYLabels("step current (pA)    (not drawn, without step currents in pA: " +
			named(noCurrent, 3) + ")", "spikes during the step");
		PlotLayout.title(plot, title);
		return plot;
	}

	/**
	 * The median of the cells' spike counts and their interquartile range, at each step current
	 * of the cells (linearly interpolated within each cell's own currents, never beyond them)
	 * reached by at least {@link #MIN_CELLS_PER_POINT} cells; the number of cells drawn.
	 */
	private static int band(Plot plot, List<double[][]> cells) {
		TreeSet<Double> currents = new TreeSet<>();
		for (double[][] c : cells) for (double x : c[0]) currents.add((double) Math.round(x));
		double[] grid = currents.stream().mapToDouble(Double::doubleValue).toArray();
		if (grid.length > 100) {
			// many distinct protocols: an even grid over the range
			double lo = grid[0], hi = grid[grid.length - 1];
			grid = new double[101];
			for (int i = 0; i < grid.length; i++) grid[i] = lo + (hi - lo) * i / 100;
		}
		List<double[]> points = new ArrayList<>();
		for (double x : grid) {
			double[] at = new double[cells.size()];
			int n = 0;
			for (double[][] c : cells) {
				double y = interpolate(c, x);
				if (!Double.isNaN(y)) at[n++] = y;
			}
			if (n >= MIN_CELLS_PER_POINT) points.add(new double[] { x, Percentiles.linear(at, 0, n, 25), Percentiles.linear(at, 0, n,
				50), Percentiles.linear(at, 0, n, 75) });
		}
		float[][] p = new float[4][points.size()];
		for (int i = 0; i < points.size(); i++) for (int k = 0; k < 4; k++) p[k][i] = (float) points.get(i)[k];
		// the band: its upper edge filled down to 0, then the area below its lower edge cleared (counts are never negative)
		plot.setColor(BAND_EDGE, BAND);
		plot.addPoints(p[0], p[3], null, Plot.FILLED, "interquartile range (middle half of the cells)");
		plot.setColor(Color.WHITE, Color.WHITE);
		plot.addPoints(p[0], p[1], Plot.FILLED);
		plot.setColor(MEDIAN);
		plot.setLineWidth(2.5f);
		plot.addPoints(p[0], p[2], null, Plot.LINE, "median of " + cells.size() + " cells");
		return cells.size();
	}

	/** A cell's spike count at current {@code x} (pA), linearly between its steps; NaN outside them. */
	private static double interpolate(double[][] c, double x) {
		double[] xs = c[0];
		if (x < xs[0] || x > xs[xs.length - 1]) return Double.NaN;
		int i = Arrays.binarySearch(xs, x);
		if (i >= 0) return c[1][i];
		int hi = -i - 1, lo = hi - 1;
		return c[1][lo] + (c[1][hi] - c[1][lo]) * (x - xs[lo]) / (xs[hi] - xs[lo]);
	}

	/** {currents, counts} of the sweeps with a known current, in the order of the currents. */
	private static double[][] byCurrent(double[][] c) {
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < c[0].length; i++) if (Double.isFinite(c[0][i]) && Double.isFinite(c[1][i])) order.add(i);
		order.sort((a, b) -> Double.compare(c[0][a], c[0][b]));
		double[][] out = new double[2][order.size()];
		for (int i = 0; i < order.size(); i++) {
			out[0][i] = c[0][order.get(i)];
			out[1][i] = c[1][order.get(i)];
		}
		return out;
	}

	/** The first {@code shown} names, and how many more. */
	private static String named(List<String> names, int shown) {
		String list = String.join(", ", names.subList(0, Math.min(shown, names.size())));
		return names.size() > shown ? list + " and " + (names.size() - shown) + " more" : list;
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

	/**
	 * The fit job: each fitted conductance of each cell divided by the cells' median of it, one
	 * column per conductance. Up to {@link #NAMED_CELLS} cells, each cell is a line across the
	 * columns in its colour, named in the legend; more cells are points, with each column's
	 * interquartile range as a bar and the median at 1.
	 */
	private static Plot conductances(List<CellRow> rows, List<String> names) {
		// names in braces: ImageJ writes them at x = 0, 1, ... in place of numbers
		Plot plot = new Plot("Fitted conductances per cell", "{" + String.join(",", names) + "}", "value / median of the cells");
		plot.setSize(720, 480);
		List<CellRow> cells = new ArrayList<>();
		for (CellRow r : rows) if (!r.failed() && names.stream().anyMatch(n -> Double.isFinite(r.number(n)))) cells.add(r);
		double[] medians = new double[names.size()];
		for (int k = 0; k < names.size(); k++) {
			List<Double> values = new ArrayList<>();
			for (CellRow r : cells) if (Double.isFinite(r.number(names.get(k)))) values.add(r.number(names.get(k)));
			medians[k] = values.isEmpty() ? Double.NaN : median(values);
		}
		float[] x = new float[names.size()];
		for (int k = 0; k < x.length; k++) x[k] = k;
		if (cells.size() <= NAMED_CELLS) {
			for (int c = 0; c < cells.size(); c++) {
				float[] y = new float[names.size()];
				for (int k = 0; k < y.length; k++) y[k] = (float) relative(cells.get(c).number(names.get(k)), medians[k]);
				namedLine(plot, c, x, y, cells.get(c).cell());
			}
		}
		else {
			for (int k = 0; k < names.size(); k++) {
				List<Double> column = new ArrayList<>();
				for (CellRow r : cells) {
					double v = relative(r.number(names.get(k)), medians[k]);
					if (Double.isFinite(v)) column.add(v);
				}
				double[] px = new double[column.size()], py = column.stream().mapToDouble(Double::doubleValue).toArray();
				// spread sideways, so that equal values stay visible
				for (int i = 0; i < px.length; i++) px[i] = k + 0.25 * ((i * 0.618034) % 1 - 0.5);
				plot.setColor(Color.GRAY);
				plot.setLineWidth(1);
				plot.addPoints(px, py, Plot.CIRCLE);
				plot.setColor(MEDIAN);
				plot.setLineWidth(4);
				plot.drawLine(k, Percentiles.linear(py, 25), k, Percentiles.linear(py, 75));
			}
			plot.setLineWidth(1);
		}
		plot.setColor(Color.BLACK);
		plot.drawDottedLine(-0.5, 1, names.size() - 0.5, 1, 3);
		PlotLayout.legendAbove(plot, null, cells.size() <= NAMED_CELLS ? Math.max(1, cells.size()) : 1, false);
		if (!cells.isEmpty() && cells.size() <= NAMED_CELLS) plot.addLegend(null, "top-right");
		double[] l = plot.getLimits();
		plot.setLimits(-0.5, names.size() - 0.5, l[2], l[3]);
		PlotLayout.title(plot, cells.size() <= NAMED_CELLS ? cells.size() + (cells.size() == 1 ? " cell" : " cells") +
			", one line each; dotted: the cells' median" : cells.size() + " cells (each in the results table); bars: " +
			"interquartile range, dotted: median");
		return plot;
	}

	/** Marker shapes that stay told apart where two cells' lines lie on each other. */
	private static final int[] SHAPES = { Plot.CIRCLE, Plot.BOX, Plot.TRIANGLE, Plot.DIAMOND, Plot.X, Plot.CROSS };

	/** Cell {@code k}'s line in its colour, and its points in its marker, named in the legend with both. */
	private static void namedLine(Plot plot, int k, float[] x, float[] y, String name) {
		plot.setColor(TracePlots.COLOURS[k % TracePlots.COLOURS.length]);
		plot.setLineWidth(1.5f);
		plot.addPoints(x, y, Plot.LINE);
		plot.addPoints(x, y, null, SHAPES[k % SHAPES.length], name);
		plot.setLineWidth(1);
	}

	private static double relative(double value, double median) {
		return median > 0 ? value / median : value;
	}

	private static double median(List<Double> values) {
		double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
	}
}
