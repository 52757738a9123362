package org.neurodynamics.command;

import java.io.File;

import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.reconstruct.DimensionAnalysis;
import org.neurodynamics.results.DimensionResults;
import org.neurodynamics.service.ReconstructionService;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Reads the state-space dimension of the recorded dynamics: trains small autoencoders at
 * latent sizes 1..max with several seeds and finds the smallest latent size whose
 * coordinates determine the trace's future (see {@link DimensionAnalysis}).
 */
@Plugin(type = Command.class, label = "Estimate State Dimension")
public class EstimateStateDimension extends TraceInputCommand {

	private static final DimensionAnalysis.Settings DEFAULTS = new DimensionAnalysis.Settings();

	@Parameter
	private ReconstructionService reconstruction;

	@Parameter(label = "Largest latent size", description = "Latent sizes 1..this are trained.", min = "1")
	private int max_latent = DEFAULTS.maxLatent;

	@Parameter(label = "Seeds", description = "Autoencoders trained per latent size; their spread is shown.", min = "1")
	private int seeds = DEFAULTS.seeds;

	@Parameter(label = "Epochs", min = "1")
	private int epochs = DEFAULTS.epochs;

	@Parameter(label = "Samples per epoch", description = "Training rows drawn per epoch; 0 uses all.", min = "0")
	private long samples_per_epoch = DEFAULTS.samplesPerEpoch;

	@Parameter(label = "Hidden layers", description = "Autoencoder hidden layer sizes, comma-separated.")
	private String hidden = ReconstructDynamics.join(DEFAULTS.hidden);

	@Parameter(label = "Beta", description = "Weight of the KL term (small: every coordinate is used).", min = "0")
	private double beta = DEFAULTS.beta;

	@Parameter(label = "Forecast horizon", description = "Samples (after subsampling) ahead at which neighbours' futures are compared; 0 = half the embedding window.", min = "0")
	private int horizon = DEFAULTS.horizon;

	@Parameter(label = "Relative tolerance", description = "A latent size is enough when its forecast error is within this fraction of the best one...")
	private double relative_tolerance = DEFAULTS.relativeTolerance;

	@Parameter(label = "Absolute tolerance", description = "...plus this much (variance units).")
	private double absolute_tolerance = DEFAULTS.absoluteTolerance;

	@Parameter(label = "Embedding dimension", description = "Delay-embedding dimension De; 0 chooses it as Reconstruct Dynamics does.", min = "0")
	private int embedding = DEFAULTS.reconstruction.embeddingDimension;

	@Parameter(label = "Delay", description = "Delay between embedding coordinates, in samples (after subsampling).", min = "1")
	private int delay = DEFAULTS.reconstruction.delay;

	@Parameter(label = "Subsampling", description = "Keep every s-th sample; 0 chooses s so spikes stay resolved.", min = "0")
	private int subsampling = DEFAULTS.reconstruction.subsampling;

	@Parameter(label = "Seed")
	private long seed = DEFAULTS.reconstruction.seed;

	@Parameter(label = "Output folder", required = false, style = "directory", description = "Folder for the tables (CSV) and plots (PNG); empty to save none.")
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "State dimension")
	private int dimension;

	@Parameter(type = ItemIO.OUTPUT, label = "State dimension summary")
	private ResultsTable summary;

	@Parameter(type = ItemIO.OUTPUT, label = "Errors per latent size")
	private ResultsTable dimension_table;

	@Parameter(type = ItemIO.OUTPUT, label = "Errors per latent size plot")
	private Plot dimension_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "KL per latent coordinate plot")
	private Plot kl_plot;

	@Override
	public void run() {
		requireWritableFolder(output);
		DimensionAnalysis.Settings s = new DimensionAnalysis.Settings();
		s.maxLatent = max_latent;
		s.seeds = seeds;
		s.epochs = epochs;
		s.samplesPerEpoch = samples_per_epoch;
		s.hidden = ReconstructDynamics.sizes(hidden, "hidden layers");
		s.beta = beta;
		s.horizon = horizon;
		s.relativeTolerance = relative_tolerance;
		s.absoluteTolerance = absolute_tolerance;
		s.reconstruction.embeddingDimension = embedding;
		s.reconstruction.delay = delay;
		s.reconstruction.subsampling = subsampling;
		s.reconstruction.seed = seed;
		DimensionAnalysis.Result r = reconstruction.analyseDimension(readTraces(), s, progress());
		dimension = r.dimension;
		log().info("Estimate State Dimension: " + r.summary() + String.format(", %.1f s", r.seconds));
		summary = DimensionResults.summary(r);
		dimension_table = DimensionResults.table(r);
		dimension_plot = DimensionResults.plot(r);
		kl_plot = DimensionResults.klPlot(r);
		save(output, "state-dimension-summary", summary);
		save(output, "state-dimension", dimension_table);
		save(output, "state-dimension", dimension_plot);
		save(output, "state-dimension-kl", kl_plot);
	}
}
