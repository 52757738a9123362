package org.neurodynamics.results;

import java.util.Arrays;
import java.util.List;

import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.nn.VariationalAutoencoder;
import org.neurodynamics.core.reconstruct.DimensionAnalysis;

/** Table and plots of a {@link DimensionAnalysis}: the evidence for the state dimension it read. */
public final class DimensionResults {

	private DimensionResults() {}

	/** One row per latent size: forecast error and reconstruction error, mean and SD over seeds, and every seed's value. */
	public static ResultsTable table(DimensionAnalysis.Result r) {
		ResultsTable rt = new ResultsTable();
		for (int l = 0; l < r.latentSizes.length; l++) {
			rt.addRow();
			rt.addValue("Latent size", r.latentSizes[l]);
			rt.addValue("Forecast error", r.meanForecastError(l));
			rt.addValue("Forecast error SD", r.sdForecastError(l));
			rt.addValue("Reconstruction MSE", r.meanReconstructionMse(l));
			rt.addValue("Reconstruction MSE SD", r.sdReconstructionMse(l));
			rt.addValue("Below threshold", r.meanForecastError(l) <= r.threshold ? 1 : 0);
			rt.addValue("Bootstrap votes", r.votes[l]);
			for (int s = 0; s < r.runs[l].length; s++) {
				DimensionAnalysis.Run run = r.runs[l][s];
				rt.addValue("Forecast error seed " + run.seed, run.forecastError);
				rt.addValue("Reconstruction MSE seed " + run.seed, run.reconstructionMse);
			}
		}
		return rt;
	}

	/** The reading, its confidence and the settings, one item per row. */
	public static ResultsTable summary(DimensionAnalysis.Result r) {
		ResultsTable rt = new ResultsTable();
		add(rt, "State dimension", r.dimension);
		add(rt, "Confidence (bootstrap fraction)", r.confidence);
		add(rt, "Reading of each seed", Arrays.toString(r.perSeed));
		add(rt, "Bootstrap votes for L = 1..", Arrays.toString(r.votes));
		add(rt, "Forecast-error threshold", r.threshold);
		add(rt, "Forecast horizon (samples after subsampling)", r.horizon);
		add(rt, "Subsampling step", r.embedding.subsampling);
		add(rt, "Embedding dimension", r.embedding.dimension);
		add(rt, "Embedding choice", r.embedding.reason);
		add(rt, "Seconds", r.seconds);
		return rt;
	}

	/**
	 * Forecast error (the decision) and reconstruction error (for comparison) against the
	 * latent size, mean over seeds with the range of the seeds, the threshold and the reading.
	 */
	public static Plot plot(DimensionAnalysis.Result r) {
		Plot plot = new Plot("State dimension", "latent size L", "error (variance units)");
		int n = r.latentSizes.length;
		double[] x = new double[n], f = new double[n], m = new double[n];
		for (int l = 0; l < n; l++) {
			x[l] = r.latentSizes[l];
			f[l] = Math.max(1e-5, r.meanForecastError(l));
			m[l] = Math.max(1e-5, r.meanReconstructionMse(l));
		}
		// The four data sets of the legend first, in its order, so that each entry has its data set's colour.
		// Lines and circles apart: ImageJ draws the line of CONNECTED_CIRCLES in black.
		plot.setLineWidth(2);
		plot.setColor(TracePlots.COLOURS[0]);
		plot.addPoints(x, f, Plot.LINE);
		plot.setColor(TracePlots.COLOURS[4]);
		plot.addPoints(x, m, Plot.LINE);
		plot.setLineWidth(1);
		plot.setColor(java.awt.Color.GRAY);
		plot.addPoints(new double[] { 1, n }, new double[] { r.threshold, r.threshold }, Plot.LINE);
		plot.setColor(java.awt.Color.RED);
		plot.addPoints(new double[] { r.dimension }, new double[] { f[r.dimension - 1] }, Plot.BOX);
		plot.setColor(TracePlots.COLOURS[0]);
		plot.addPoints(x, f, Plot.CIRCLE);
		plot.setColor(TracePlots.COLOURS[4]);
		plot.addPoints(x, m, Plot.CIRCLE);
		for (int l = 0; l < n; l++) {
			for (DimensionAnalysis.Run run : r.runs[l]) {
				plot.setColor(TracePlots.COLOURS[0]);
				plot.addPoints(new double[] { x[l] - 0.05 }, new double[] { Math.max(1e-5, run.forecastError) }, Plot.DOT);
				plot.setColor(TracePlots.COLOURS[4]);
				plot.addPoints(new double[] { x[l] + 0.05 }, new double[] { Math.max(1e-5, run.reconstructionMse) }, Plot.DOT);
			}
		}
		PlotLayout.title(plot, String.format("state dimension %d, confidence %.0f%% (seeds read %s)", r.dimension,
			100 * r.confidence, Arrays.toString(r.perSeed)));
		plot.setLogScaleY();
		PlotLayout.legendAbove(plot, "forecast error of latent neighbours (decides)\nautoencoder reconstruction MSE\nthreshold\nread dimension", 4, true);
		return plot;
	}

	/** KL per latent coordinate over the epochs of the largest latent size, first seed. */
	public static Plot klPlot(DimensionAnalysis.Result r) {
		DimensionAnalysis.Run run = r.runs[r.runs.length - 1][0];
		List<VariationalAutoencoder.Epoch> epochs = run.history.epochs();
		Plot plot = new Plot("KL per latent coordinate (L = " + run.latentSize + ")", "epoch", "KL (nats)");
		double[] x = epochs.stream().mapToDouble(e -> e.epoch).toArray();
		StringBuilder legend = new StringBuilder();
		for (int i = 0; i < run.latentSize; i++) {
			final int c = i;
			plot.setColor(TracePlots.COLOURS[i % TracePlots.COLOURS.length]);
			plot.addPoints(x, epochs.stream().mapToDouble(e -> Math.max(1e-4, e.klPerCoordinate()[c])).toArray(), Plot.LINE);
			legend.append("z").append(i + 1).append('\n');
		}
		plot.setColor(java.awt.Color.BLACK);
		plot.setLogScaleY();
		PlotLayout.legendAbove(plot, legend.toString(), run.latentSize, true);
		return plot;
	}

	private static void add(ResultsTable rt, String name, Object value) {
		rt.addRow();
		rt.addValue("Item", name);
		if (value instanceof Number) rt.addValue("Value", ((Number) value).doubleValue());
		else rt.addValue("Value", String.valueOf(value));
	}
}
