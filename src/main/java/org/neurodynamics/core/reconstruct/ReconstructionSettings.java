package org.neurodynamics.core.reconstruct;

import org.neurodynamics.core.UserInputException;

/**
 * Every setting of a reconstruction (METHODS.md section 1), with the defaults a user gets
 * without tuning: the one home of the pipeline's defaults. Commands fill it from their
 * parameters; {@link Reconstruction} sets every hyper-parameter of its networks from it (the
 * {@code Config.of} defaults of {@code core.nn} are for networks built directly and do not
 * reach a reconstruction), and {@link DimensionAnalysis.Settings#forReconstruction} takes the
 * embedding, seed and batch size from it.
 */
public final class ReconstructionSettings {

	/** Delay-embedding dimension De (0 chooses it from the data: the window must cover an inter-spike interval). */
	public int embeddingDimension = 0;
	/**
	 * Averaged blocks behind the fine samples of each window, covering the slow time scale
	 * (a burst cycle) so that the recovered state sees the slow variable; 0 = a uniform
	 * window of one inter-spike interval.
	 */
	public int slowBins = 24;
	/** Samples (subsampled) the whole window reaches back; 0 chooses {@link #slowSpanIsis} times the 95th-percentile ISI by time. */
	public int slowSpan = 0;
	/** With {@link #slowSpan} 0, how many 95th-percentile ISIs by time (the silences between bursts) the window reaches back. */
	public double slowSpanIsis = 2.0;
	/** Delay tau between embedding coordinates, in (subsampled) samples. */
	public int delay = 1;
	/** Keep every s-th sample; 0 chooses s from the data (see {@link EmbeddingChoice}). */
	public int subsampling = 0;

	/** Latent size L of the autoencoder: generous, the active coordinates are read off training. */
	public int latentSize = 8;
	/**
	 * Weight of the KL term of the autoencoder that produces the recovered states: small, so
	 * that the states keep the fast oscillation (with {@link #dimensionBeta} 0 it also
	 * decides how many coordinates stay active).
	 */
	public double beta = 3e-4;
	/** KL (nats, averaged over the data) above which a latent coordinate is active. */
	public double activeKl = 0.1;
	/**
	 * beta of a first autoencoder (latent size {@link #latentSize}) that only reads the state
	 * dimension off its active coordinates; the recovered states then come from a second
	 * autoencoder with exactly that many coordinates, trained at the smaller {@link #beta}
	 * so that they keep the fast oscillation. 0 reads the dimension off the state
	 * autoencoder itself (one stage).
	 */
	public double dimensionBeta = 0.1;
	/** Epochs of the dimension-reading autoencoder. */
	public int dimensionEpochs = 10;
	/**
	 * Fixed state dimension; 0 reads it: with {@link #analyseDimension}, else off the KL of
	 * the {@link #dimensionBeta} autoencoder, else off the state autoencoder's own KL.
	 */
	public int stateDimension = 0;
	/**
	 * With {@link #stateDimension} 0: true reads the dimension with {@link DimensionAnalysis}
	 * (latent forecast test over latent sizes and seeds); false reads it off the KL of
	 * the autoencoders (see {@link #dimensionBeta}).
	 */
	public boolean analyseDimension = true;
	/**
	 * Coordinates the recovered state gets beyond the dimension the analysis reads (with
	 * {@link #analyseDimension}, at most {@link #latentSize}): the analysis finds how many
	 * coordinates forecast the trace, while a map iterated on them must also keep apart
	 * states that the encoder folds together. On Hindmarsh-Rose trained at eight currents
	 * (analysis 3 or 4) one more reproduced a median 6 of 8 recorded regime classes and 10 of
	 * 16 held-out ones, against 4 and 8 (bench/results/swap-8-currents-2026-12-07.md). A
	 * recording whose analysis reads 1 gets 2, as the spiking floor gives it anyway.
	 */
	public int stateDimensionMargin = 1;
	public int[] autoencoderHidden = { 256, 128 };
	/**
	 * Epochs of the state autoencoder: its decoder must draw a spike from the states. On
	 * Hindmarsh-Rose the error of the decoded newest sample fell from 0.25-0.42 (30 epochs at
	 * beta 0.003, learning rate 1e-3) to 0.06-0.16 (200 epochs at beta 3e-4, learning rate
	 * 2e-3), in units of the trace's standard deviation (bench/results).
	 */
	public int autoencoderEpochs = 200;
	/** Learning rate of the state autoencoder (Adam). */
	public double autoencoderLearningRate = 2e-3;

	public int[] mapHidden = { 128, 128, 128 };
	/**
	 * The parameter's way into the map: true is the control-affine form F(u, p) = G(u) +
	 * p H(u), which stays affine in p at every state as injected current enters a membrane
	 * equation; false is one network on (u, p).
	 */
	public boolean controlAffineMap = false;
	/**
	 * Weight of a penalty on the map's curvature along the parameter at the recorded states:
	 * the map at p must lie on the chord of the map at p -+ a quarter of the parameter's
	 * standard deviation, as injected current enters a membrane equation linearly; 0 = none.
	 */
	public double curvaturePenalty = 0;
	/**
	 * When the kept map fails at more than half of the firing recordings with a state of
	 * fewer than three coordinates, one coordinate more is tried (as at a bursting recording)
	 * and the better kept: room for a slow process such as adaptation.
	 */
	public boolean slowCoordinateForFiring = false;
	public int mapEpochs = 40;
	/** The map predicts the increment, u(n+1) = u(n) + F(u(n), p); false predicts u(n+1) directly. */
	public boolean mapIncrement = true;
	/**
	 * Steps of the unrolled (multi-step) map loss; 1 = one-step training. Over 32 of its own
	 * steps the map, not the data, must carry the state up to the spike threshold, so a map
	 * that stalls below it pays in training: on recorded step families the map fired at 18 of
	 * 22 trained spiking sweeps against 13 with 8 steps, and on Hindmarsh-Rose trained at three
	 * random sets of four currents it reproduced 9 recorded regimes and 28 of 48 held-out
	 * values against 7 and 22 (bench/results/reconstruction-steps-2026-12-07.md). Shortened to
	 * half the shortest training sequence when that is shorter.
	 */
	public int rolloutSteps = 32;
	/**
	 * Gaussian noise on the map's input state, in standardised units: the map learns to bring
	 * perturbed states back to the data, which keeps its free orbits on the attractor. With
	 * the increment-scaled loss, 0.01 (with state noise 0.005) reproduced the recorded
	 * regimes at 2 of 4 values where 0.05 (with 0.02) reproduced 4 (bench/results/reconstruction-2026-12-04.md).
	 */
	public double inputNoise = 0.05;
	/**
	 * Generalized teacher forcing: after every step of a training window the map's state is
	 * pulled this fraction of the way back to the data, so windows of {@link #rolloutSteps}
	 * can span a burst cycle with stable gradients; 0 = a free rollout.
	 */
	public double teacherForcing = 0;
	/**
	 * The map predicts each coordinate's step in units of that coordinate's own step spread,
	 * and its error is measured there, so the slow coordinate's drift weighs as much in the
	 * loss as the fast spike: without it maps lost the bursts they were trained on (1 of 4
	 * recorded regimes against 4, bench/results/reconstruction-2026-12-04.md).
	 */
	public boolean incrementScaling = true;
	/** Gaussian noise added to the map's own state after each unrolled step. */
	public double stateNoise = 0.02;

	/**
	 * Members of the ensemble (seeds seed, seed + 1, ...), each with an autoencoder and a map
	 * of its own: the member whose iterated orbits best reproduce the recordings (the
	 * {@link SelfCheck}) is kept, and every member votes on the regime at each explored value.
	 */
	public int mapCandidates = 3;
	/** Learning rate of the map (Adam). */
	public double learningRate = 1e-3;
	/** The map's learning rate in its last epoch, as a fraction of {@link #learningRate} (cosine schedule; 1 = constant). */
	public double learningRateEnd = 0.02;
	/** L2 penalty on the map's weights (not its biases). */
	public double mapWeightDecay = 0;
	/**
	 * Fraction of every state sequence, at its end, held out to validate the map (and stop
	 * early on it); 0 = train on all, with the learning rate annealed instead.
	 */
	public double mapValidationFraction = 0;
	/** Steps of the map's multi-step validation error. */
	public int mapValidationSteps = 8;
	/** Epochs without a better validation error before the map's training stops (best weights kept); 0 = never early. */
	public int mapPatience = 10;
	public int batchSize = 256;
	/**
	 * Training rows of the autoencoder drawn per epoch, a fresh random subset each epoch
	 * (0 = all): bounds the training time whatever the length of the recordings.
	 */
	public long samplesPerEpoch = 16384;
	/**
	 * Training windows of the map ({@link #rolloutSteps} + 1 states each) drawn per epoch (0 =
	 * all): every window of 8 traces of 8000 samples, and a bound on the training time of
	 * longer recordings.
	 */
	public long mapWindowsPerEpoch = 65536;
	public long seed = 0;
	/**
	 * Train on the 1st, 3rd, 5th ... trace only and predict the others, as a user checks a
	 * reconstruction on their own cell ({@link HeldOutCheck}).
	 */
	public boolean holdOutEveryOther = false;

	void validate() {
		if (embeddingDimension == 1 || embeddingDimension < 0) throw new UserInputException("The embedding dimension must be 0 (automatic) or at least 2, got " + embeddingDimension + ".");
		if (!(slowSpanIsis > 0)) throw new UserInputException("The window must reach back a positive number of inter-spike intervals, got " + slowSpanIsis + ".");
		if (slowBins < 0 || slowSpan < 0) throw new UserInputException("The slow part of the window needs 0 (none or automatic) or more bins and samples, got " + slowBins + " and " + slowSpan + ".");
		if (delay < 1) throw new UserInputException("The embedding delay must be at least 1 sample, got " + delay + ".");
		if (subsampling < 0) throw new UserInputException("The subsampling step must be 0 (automatic) or more, got " + subsampling + ".");
		if (latentSize < 1) throw new UserInputException("The latent size must be at least 1, got " + latentSize + ".");
		if (stateDimensionMargin < 0) throw new UserInputException("The state dimension margin must be 0 or more, got " + stateDimensionMargin + ".");
		if (stateDimension < 0 || stateDimension > latentSize) throw new UserInputException("The state dimension must be 0 (automatic) or between 1 and the latent size " + latentSize + ", got " + stateDimension + ".");
		if (!(dimensionBeta >= 0)) throw new UserInputException("The dimension-reading beta must be 0 (one stage) or more, got " + dimensionBeta + ".");
		if (autoencoderEpochs < 1 || mapEpochs < 1 || (dimensionBeta > 0 && dimensionEpochs < 1)) throw new UserInputException("Give at least one training epoch for each network.");
		if (mapCandidates < 1) throw new UserInputException("Train at least one map, got " + mapCandidates + ".");
		if (!(teacherForcing >= 0 && teacherForcing < 1)) throw new UserInputException("The teacher-forcing alpha must lie in [0, 1), got " + teacherForcing + ".");
		if (mapWindowsPerEpoch < 0) throw new UserInputException("Map windows per epoch must be 0 (all) or more, got " + mapWindowsPerEpoch + ".");
		if (!(curvaturePenalty >= 0)) throw new UserInputException("The curvature penalty must be 0 (none) or more, got " + curvaturePenalty + ".");
		if (rolloutSteps < 1) throw new UserInputException("The rollout must be at least 1 step, got " + rolloutSteps + ".");
	}
}
