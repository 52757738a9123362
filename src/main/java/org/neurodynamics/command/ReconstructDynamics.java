package org.neurodynamics.command;

import java.io.File;

import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;
import org.neurodynamics.results.DimensionResults;
import org.neurodynamics.results.HeldOutResults;
import org.neurodynamics.results.ReconstructionResults;
import org.neurodynamics.service.ReconstructionService;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Trains a reconstruction from traces recorded at a few values of a control parameter:
 * delay embedding, autoencoder (state dimension read off its KL per coordinate) and
 * neural-network map; saves the model file and shows how training went.
 */
@Plugin(type = Command.class, label = "Reconstruct Dynamics")
public class ReconstructDynamics extends TraceInputCommand {

	private static final ReconstructionSettings DEFAULTS = new ReconstructionSettings();

	@Parameter
	private ReconstructionService reconstruction;

	@Parameter(label = "Model file", style = "save", description = "Where to save the trained model (.ndmodel).")
	private File model;

	@Parameter(label = "Embedding dimension", description = "Delay-embedding dimension De; 0 chooses it so the window covers an inter-spike interval.", min = "0")
	private int embedding = DEFAULTS.embeddingDimension;

	@Parameter(label = "Slow bins", description = "Averaged blocks behind the fine samples of each window, reaching back over a burst cycle so the states see the slow variable; 0 = a window of one inter-spike interval.", min = "0")
	private int slow_bins = DEFAULTS.slowBins;

	@Parameter(label = "Delay", description = "Delay between embedding coordinates, in samples (after subsampling).", min = "1")
	private int delay = DEFAULTS.delay;

	@Parameter(label = "Subsampling", description = "Keep every s-th sample; 0 chooses s so spikes stay resolved.", min = "0")
	private int subsampling = DEFAULTS.subsampling;

	@Parameter(label = "Latent size", description = "Latent coordinates of the autoencoder; the active ones are kept.", min = "1")
	private int latent = DEFAULTS.latentSize;

	@Parameter(label = "Beta", description = "Weight of the KL term of the autoencoder.", min = "0")
	private double beta = DEFAULTS.beta;

	@Parameter(label = "State dimension", description = "0 reads it off training (see Dimension analysis); otherwise keep this many coordinates.", min = "0")
	private int state_dimension = DEFAULTS.stateDimension;

	@Parameter(label = "Dimension analysis", description = "With state dimension 0: read the dimension with the latent-size analysis of Estimate State Dimension and keep one coordinate more (slower, reliable); off: keep coordinates whose KL exceeds the threshold.")
	private boolean dimension_analysis = DEFAULTS.analyseDimension;

	@Parameter(label = "Autoencoder hidden layers", description = "Sizes, comma-separated.")
	private String vae_hidden = join(DEFAULTS.autoencoderHidden);

	@Parameter(label = "Map hidden layers", description = "Sizes, comma-separated.")
	private String map_hidden = join(DEFAULTS.mapHidden);

	@Parameter(label = "Autoencoder epochs", min = "1")
	private int vae_epochs = DEFAULTS.autoencoderEpochs;

	@Parameter(label = "Map epochs", min = "1")
	private int map_epochs = DEFAULTS.mapEpochs;

	@Parameter(label = "Rollout steps", description = "Steps of the multi-step map loss (1 = one-step training); long enough to span a burst cycle. Shortened to half the shortest trace if that is shorter.", min = "1")
	private int rollout = DEFAULTS.rolloutSteps;

	@Parameter(label = "Teacher forcing", description = "Generalized teacher forcing alpha: during training the map's state is pulled this fraction back to the data after every step, so training windows (rollout steps) can span a burst cycle; 0 = a free rollout.", min = "0")
	private double teacher_forcing = DEFAULTS.teacherForcing;

	@Parameter(label = "Maps", description = "Members of the ensemble, each an autoencoder and a map of its own (seeds seed, seed+1, ...): the one that best reproduces the recordings is kept, and every member votes on the regime at each value.", min = "1")
	private int maps = DEFAULTS.mapCandidates;

	@Parameter(label = "Autoencoder learning rate")
	private double vae_learning_rate = DEFAULTS.autoencoderLearningRate;

	@Parameter(label = "Map learning rate")
	private double learning_rate = DEFAULTS.learningRate;

	@Parameter(label = "Samples per epoch", description = "Autoencoder training rows drawn per epoch; 0 uses all.", min = "0")
	private long samples_per_epoch = DEFAULTS.samplesPerEpoch;

	@Parameter(label = "Map windows per epoch", description = "Map training windows (rollout steps + 1 states each) drawn per epoch; 0 uses all.", min = "0")
	private long map_windows = DEFAULTS.mapWindowsPerEpoch;

	@Parameter(label = "Hold out every other trace", description = "Train on the 1st, 3rd, 5th ... trace only and predict the others " +
		"from the map: a table and a firing-rate plot show, on your own recording, what the reconstruction predicts at values it never saw.")
	private boolean hold_out = DEFAULTS.holdOutEveryOther;

	@Parameter(label = "Seed")
	private long seed = DEFAULTS.seed;

	@Parameter(label = "Output folder", required = false, style = "directory", description = "Folder for the tables (CSV) and plots (PNG); empty to save none.")
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Reconstruction summary")
	private ResultsTable summary;

	@Parameter(type = ItemIO.OUTPUT, label = "Self-check at the recorded values")
	private ResultsTable self_check;

	@Parameter(type = ItemIO.OUTPUT, label = "KL per latent coordinate")
	private ResultsTable kl_table;

	@Parameter(type = ItemIO.OUTPUT, label = "KL per latent coordinate plot")
	private Plot kl_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Training losses")
	private Plot loss_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Held-out traces")
	private ResultsTable held_out;

	@Parameter(type = ItemIO.OUTPUT, label = "Firing rate, recorded and map")
	private Plot rate_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "State dimension analysis")
	private ResultsTable dimension_table;

	@Parameter(type = ItemIO.OUTPUT, label = "State dimension analysis plot")
	private Plot dimension_plot;

	@Override
	public void run() {
		if (model == null) throw new UserInputException("Choose where to save the model file (model=...).");
		// Before training, not after: a path that cannot be written would lose the whole run.
		requireWritableFile(model, "model file");
		requireWritableFolder(output);
		ReconstructionSettings s = new ReconstructionSettings();
		s.embeddingDimension = embedding;
		s.slowBins = slow_bins;
		s.delay = delay;
		s.subsampling = subsampling;
		s.latentSize = latent;
		s.beta = beta;
		s.stateDimension = state_dimension;
		s.analyseDimension = dimension_analysis;
		s.autoencoderHidden = sizes(vae_hidden, "autoencoder hidden layers");
		s.mapHidden = sizes(map_hidden, "map hidden layers");
		s.autoencoderEpochs = vae_epochs;
		s.mapEpochs = map_epochs;
		s.rolloutSteps = rollout;
		s.mapCandidates = maps;
		s.teacherForcing = teacher_forcing;
		s.learningRate = learning_rate;
		s.autoencoderLearningRate = vae_learning_rate;
		s.samplesPerEpoch = samples_per_epoch;
		s.mapWindowsPerEpoch = map_windows;
		s.seed = seed;
		s.holdOutEveryOther = hold_out;
		Reconstruction.Result r = reconstruction.reconstruct(readTraces(), s, progress());
		reconstruction.save(r.model, model);
		log().info("Saved the reconstructed model to " + model + " (state dimension " + r.active.length + ", " +
			String.format("%.1f", r.seconds) + " s)");
		summary = ReconstructionResults.summary(r);
		self_check = ReconstructionResults.selfCheckTable(r);
		kl_table = ReconstructionResults.klTable(r);
		kl_plot = ReconstructionResults.klPlot(r);
		loss_plot = ReconstructionResults.lossPlot(r);
		save(output, "reconstruction-summary", summary);
		save(output, "self-check", self_check);
		save(output, "kl-per-coordinate", kl_table);
		save(output, "kl-per-coordinate", kl_plot);
		save(output, "training-losses", loss_plot);
		if (r.heldOut != null) {
			held_out = HeldOutResults.table(r);
			rate_plot = HeldOutResults.firingRatePlot(r);
			save(output, "held-out", held_out);
			save(output, "firing-rate", rate_plot);
		}
		if (r.dimensionAnalysis != null) {
			dimension_table = DimensionResults.table(r.dimensionAnalysis);
			dimension_plot = DimensionResults.plot(r.dimensionAnalysis);
			save(output, "state-dimension", dimension_table);
			save(output, "state-dimension", dimension_plot);
		}
	}

	static int[] sizes(String text, String what) {
		double[] v = org.neurodynamics.core.trace.ParameterList.parse(text, what);
		int[] out = new int[v.length];
		for (int i = 0; i < v.length; i++) {
			out[i] = (int) v[i];
			if (out[i] < 1 || out[i] != v[i]) throw new UserInputException("The " + what + " must be positive whole numbers, got '" + text + "'.");
		}
		if (out.length == 0) throw new UserInputException("Give at least one size for the " + what + ".");
		return out;
	}

	static String join(int[] v) {
		StringBuilder sb = new StringBuilder();
		for (int x : v) sb.append(sb.length() == 0 ? "" : ",").append(x);
		return sb.toString();
	}
}
