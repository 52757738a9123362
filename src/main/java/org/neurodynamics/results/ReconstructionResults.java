package org.neurodynamics.results;

import java.util.Arrays;
import java.util.List;

import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.nn.NeuralMap;
import org.neurodynamics.core.nn.VariationalAutoencoder;
import org.neurodynamics.core.reconstruct.EmbeddingEstimate;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.SelfCheck;
import org.neurodynamics.core.trace.ParameterList;

/** Tables and plots that show how a reconstruction was trained and why its dimension was chosen. */
public final class ReconstructionResults {

	private ReconstructionResults() {}

	/** KL of every latent coordinate per epoch (one column per coordinate), with the active ones marked in the headings. */
	public static ResultsTable klTable(Reconstruction.Result r) {
		ResultsTable rt = new ResultsTable();
		for (VariationalAutoencoder.Epoch e : r.autoencoderHistory.epochs()) {
			rt.addRow();
			rt.addValue("Epoch", e.epoch);
			float[] kl = e.klPerCoordinate();
			for (int i = 0; i < kl.length; i++) rt.addValue(klColumn(i, r.active), kl[i]);
		}
		return rt;
	}

	private static String klColumn(int coordinate, int[] active) {
		return "KL z" + (coordinate + 1) + (contains(active, coordinate) ? " (active)" : "");
	}

	public static Plot klPlot(Reconstruction.Result r) {
		List<VariationalAutoencoder.Epoch> epochs = r.autoencoderHistory.epochs();
		Plot plot = new Plot("KL per latent coordinate", "epoch", "KL (nats)");
		int latent = epochs.get(0).klPerCoordinate().length;
		double[] x = epochs.stream().mapToDouble(e -> e.epoch).toArray();
		StringBuilder legend = new StringBuilder();
		for (int i = 0; i < latent; i++) {
			final int c = i;
			double[] y = epochs.stream().mapToDouble(e -> Math.max(1e-4, e.klPerCoordinate()[c])).toArray();
			boolean active = contains(r.active, i);
			plot.setColor(active ? TracePlots.COLOURS[i % TracePlots.COLOURS.length] : java.awt.Color.GRAY);
			plot.setLineWidth(active ? 2 : 1);
			plot.addPoints(x, y, Plot.LINE);
			legend.append("z").append(i + 1).append(active ? " active" : "").append('\n');
		}
		plot.setLineWidth(1);
		plot.setColor(java.awt.Color.BLACK);
		PlotLayout.title(plot, "state dimension " + r.active.length + (r.dimensionAnalysis != null
			? " (the dimension analysis read " + r.dimensionAnalysis.dimension + ")" : " (coordinates with KL above the threshold)"));
		plot.setLogScaleY();
		PlotLayout.legendAbove(plot, legend.toString(), latent, true);
		return plot;
	}

	/** Autoencoder loss and reconstruction error, map training loss and multi-step validation error, per epoch. */
	public static Plot lossPlot(Reconstruction.Result r) {
		Plot plot = new Plot("Training losses", "epoch", "loss");
		List<VariationalAutoencoder.Epoch> ve = r.autoencoderHistory.epochs();
		double[] vx = ve.stream().mapToDouble(e -> e.epoch).toArray();
		plot.setColor(TracePlots.COLOURS[0]);
		plot.addPoints(vx, ve.stream().mapToDouble(e -> e.loss).toArray(), Plot.LINE);
		plot.setColor(TracePlots.COLOURS[4]);
		plot.addPoints(vx, ve.stream().mapToDouble(e -> e.reconstructionMse).toArray(), Plot.LINE);
		List<NeuralMap.Epoch> me = r.mapHistory.epochs();
		double[] mx = me.stream().mapToDouble(e -> e.epoch).toArray();
		plot.setColor(TracePlots.COLOURS[1]);
		plot.addPoints(mx, me.stream().mapToDouble(e -> e.trainingLoss).toArray(), Plot.LINE);
		boolean validated = r.mapHistory.validationWindows > 0;
		if (validated) {
			plot.setColor(TracePlots.COLOURS[2]);
			plot.addPoints(mx, me.stream().mapToDouble(e -> e.validationError).toArray(), Plot.LINE);
		}
		plot.setColor(java.awt.Color.BLACK);
		plot.setLogScaleY();
		PlotLayout.legendAbove(plot, "autoencoder loss\nautoencoder reconstruction MSE\nmap training loss"
			+ (validated ? "\nmap multi-step validation error" : ""), validated ? 4 : 3, true);
		return plot;
	}

	/** One row per setting and outcome of the reconstruction. */
	public static ResultsTable summary(Reconstruction.Result r) {
		ResultsTable rt = new ResultsTable();
		add(rt, "Training parameter values", ParameterList.format(r.model.trainingParameters()));
		add(rt, "Parameter name", r.model.parameterName());
		add(rt, "Parameter input", r.driven ? "the recorded stimulus at every map step (command waveform); each trace judged over its step"
			: "one value per trace");
		add(rt, "Subsampling step", r.embedding.subsampling);
		add(rt, "Embedding dimension", r.embedding.dimension);
		add(rt, "Embedding delay", r.model.delay());
		add(rt, "Embedding choice", r.embedding.reason);
		add(rt, "Window", r.model.layout().toString());
		add(rt, "Map time step", r.model.dt() + " " + r.model.timeUnit());
		add(rt, "State dimension", r.active.length);
		add(rt, "State dimension chosen", r.dimensionReason);
		if (r.dimensionAnalysis != null) {
			add(rt, "State dimension read by", "dimension analysis: " + r.dimensionAnalysis.summary());
			add(rt, "State dimension confidence", r.dimensionAnalysis.confidence);
		}
		add(rt, "Active latent coordinates", Arrays.toString(Arrays.stream(r.active).map(i -> i + 1).toArray()));
		add(rt, "Final KL per coordinate", Arrays.toString(r.autoencoderHistory.last().klPerCoordinate()));
		add(rt, "Autoencoder reconstruction MSE", r.autoencoderHistory.last().reconstructionMse);
		add(rt, "Spike thresholds", r.model.spikeThresholds() == null ? "none (no spikes recorded)" : r.model.spikeThresholds().toString());
		add(rt, "Self-check", r.selfCheck.summary() + " (maps trained: " + r.candidateChecks.size() + ", kept the best)");
		if (r.heldOut != null) add(rt, "Held-out traces", r.heldOut.summary());
		add(rt, "Map best epoch", r.mapHistory.bestEpoch);
		if (r.mapHistory.validationWindows > 0)
			add(rt, "Map validation error", r.mapHistory.epochs().get(Math.max(0, r.mapHistory.bestEpoch - 1)).validationError);
		add(rt, "Autoencoder samples/s", r.autoencoderHistory.samplesPerSecond());
		add(rt, "Map samples/s", r.mapHistory.samplesPerSecond());
		add(rt, "Network threads", r.autoencoderHistory.threads);
		add(rt, "Seconds", r.seconds);
		return rt;
	}

	/**
	 * The self-check: at every recorded value, the recording and the map's orbits started from
	 * its recovered states, judged by the same spike detector (rates in spikes per time unit).
	 */
	public static ResultsTable selfCheckTable(Reconstruction.Result r) {
		ResultsTable rt = new ResultsTable();
		for (SelfCheck.TraceCheck c : r.selfCheck.traces()) {
			rt.addRow();
			rt.addValue("Trace", c.name);
			rt.addValue(r.model.parameterName(), c.parameter);
			rt.addValue("Recorded regime", c.recorded.label());
			rt.addValue("Map regime", c.reconstructed.label());
			rt.addValue("Recorded spike peak", c.recordedPeak);
			rt.addValue("Map spike peak", c.mapPeak);
			rt.addValue("Recorded trough", c.recordedTrough);
			rt.addValue("Map trough", c.mapTrough);
			rt.addValue("Recorded mean ISI", c.recorded.meanIsi());
			rt.addValue("Map mean ISI", c.reconstructed.meanIsi());
			rt.addValue("Recorded spike rate", c.recordedRate);
			rt.addValue("Map spike rate", c.mapRate);
			rt.addValue("Result", c.passed() ? "pass" : "fail: " + c.failure);
		}
		return rt;
	}

	public static Plot mutualInformationPlot(EmbeddingEstimate e) {
		double[] lag = new double[e.mutualInformation.length];
		for (int i = 0; i < lag.length; i++) lag[i] = i;
		Plot plot = new Plot("Average mutual information", "delay (samples)", "mutual information (nats)");
		plot.addPoints(lag, e.mutualInformation, Plot.LINE);
		plot.setColor(java.awt.Color.RED);
		plot.addPoints(new double[] { e.delay }, new double[] { e.mutualInformation[e.delay] }, Plot.CIRCLE);
		plot.addLabel(0.5, 0.1, "first minimum: delay " + e.delay);
		return plot;
	}

	public static Plot falseNeighboursPlot(EmbeddingEstimate e) {
		double[] dim = new double[e.falseNeighbours.length];
		for (int i = 0; i < dim.length; i++) dim[i] = i + 1;
		Plot plot = new Plot("False nearest neighbours", "embedding dimension", "fraction of false neighbours");
		plot.addPoints(dim, e.falseNeighbours, Plot.CONNECTED_CIRCLES);
		plot.setColor(java.awt.Color.RED);
		plot.addLabel(0.5, 0.1, "suggested dimension " + e.dimension);
		return plot;
	}

	public static ResultsTable embeddingTable(EmbeddingEstimate e) {
		ResultsTable rt = new ResultsTable();
		int n = Math.max(e.mutualInformation.length, e.falseNeighbours.length);
		for (int i = 0; i < n; i++) {
			rt.addRow();
			rt.addValue("Delay", i);
			rt.addValue("Mutual information", i < e.mutualInformation.length ? e.mutualInformation[i] : Double.NaN);
			rt.addValue("Dimension", i + 1);
			rt.addValue("False neighbours", i < e.falseNeighbours.length ? e.falseNeighbours[i] : Double.NaN);
			rt.addValue("Suggested delay", e.delay);
			rt.addValue("Suggested dimension", e.dimension);
		}
		return rt;
	}

	private static void add(ResultsTable rt, String name, Object value) {
		rt.addRow();
		rt.addValue("Item", name);
		if (value instanceof Number) rt.addValue("Value", ((Number) value).doubleValue());
		else rt.addValue("Value", String.valueOf(value));
	}

	private static boolean contains(int[] a, int v) {
		for (int x : a)
			if (x == v) return true;
		return false;
	}
}
