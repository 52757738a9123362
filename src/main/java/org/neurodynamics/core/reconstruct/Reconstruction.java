package org.neurodynamics.core.reconstruct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.analysis.LocalMaxima;
import org.neurodynamics.core.analysis.SpikeThresholds;
import org.neurodynamics.core.data.StateSequence;
import org.neurodynamics.core.embed.DelayEmbedding;
import org.neurodynamics.core.embed.Normalisation;
import org.neurodynamics.core.nn.NeuralMap;
import org.neurodynamics.core.nn.VariationalAutoencoder;
import org.neurodynamics.core.trace.Trace;

/**
 * Reconstructs dynamics from scalar traces (Kuptsov and Stankevich 2024): delay
 * embedding inside each trace, a variational autoencoder whose active latent
 * coordinates are the recovered states, and a neural-network map trained on
 * consecutive states and the control parameter of their trace.
 */
public final class Reconstruction {

	/** Recovered states kept in the model file as initial states for exploration. */
	static final int INITIAL_STATES = 64;
	/** Maxima kept per training trace in the model file, for bifurcation diagrams. */
	static final int MAXIMA_PER_TRACE = 400;
	/** Samples kept per training trace in the model file, to overlay on reconstructed traces. */
	static final int EXCERPT_LENGTH = 2000;
	/**
	 * Smallest state dimension read off the data: a map needs two coordinates to oscillate
	 * smoothly, and a recording that spikes needs a state that can leave its resting point
	 * and come back (one coordinate passes the same voltage rising and falling).
	 */
	static final int MIN_STATE_DIMENSION = 2;
	/**
	 * Coordinates a flow needs to burst: two fast ones that spike and a slow one that starts
	 * and stops the bursts. A state with fewer whose map fails at a bursting recording gets
	 * one more coordinate (the Sherman-Rinzel recordings read 2).
	 */
	static final int BURSTING_DIMENSION = 3;

	/** What a reconstruction produced: the model and the evidence users need to trust it. */
	public static final class Result {
		public final ReconstructedModel model;
		public final EmbeddingChoice embedding;
		/**
		 * Training of the autoencoder that read the state dimension (KL per coordinate at
		 * {@link ReconstructionSettings#dimensionBeta}); null when the dimension was fixed
		 * or read off the state autoencoder itself.
		 */
		public final VariationalAutoencoder.History dimensionHistory;
		/** Training of the autoencoder whose means are the recovered states. */
		public final VariationalAutoencoder.History autoencoderHistory;
		public final NeuralMap.History mapHistory;
		public final int[] active;
		/** The dimension analysis that chose the state dimension, or null when none ran. */
		public final DimensionAnalysis.Result dimensionAnalysis;
		/** The kept map's self-check at the recorded values. */
		public final SelfCheck.Result selfCheck;
		/** The self-check of every trained map, in training order. */
		public final List<SelfCheck.Result> candidateChecks;
		public final double seconds;
		/** Predictions at the traces left out of training ({@link ReconstructionSettings#holdOutEveryOther}), or null. */
		public final HeldOutCheck.Result heldOut;
		/** Why the state dimension is what it is, for the summary. */
		public final String dimensionReason;
		/** Whether the map was trained on the stimulus of every step (a command waveform) rather than one value per trace. */
		public final boolean driven;

		Result(ReconstructedModel model, EmbeddingChoice embedding, DimensionAnalysis.Result dimensionAnalysis, String dimensionReason,
			VariationalAutoencoder.History dimensionHistory, VariationalAutoencoder.History autoencoderHistory,
			NeuralMap.History mapHistory, int[] active, SelfCheck.Result selfCheck, List<SelfCheck.Result> candidateChecks,
			HeldOutCheck.Result heldOut, boolean driven, double seconds)
		{
			this.driven = driven;
			this.heldOut = heldOut;
			this.dimensionReason = dimensionReason;
			this.selfCheck = selfCheck;
			this.candidateChecks = candidateChecks;
			this.dimensionAnalysis = dimensionAnalysis;
			this.model = model;
			this.embedding = embedding;
			this.dimensionHistory = dimensionHistory;
			this.autoencoderHistory = autoencoderHistory;
			this.mapHistory = mapHistory;
			this.active = active;
			this.seconds = seconds;
		}
	}

	private Reconstruction() {}

	public static Result run(List<Trace> traces, ReconstructionSettings settings, Progress progress) {
		long start = System.nanoTime();
		settings.validate();
		List<Trace> all = check(traces), checked = all, heldOutTraces = new ArrayList<>();
		if (settings.holdOutEveryOther) {
			if (all.size() < 2) throw new UserInputException("Holding out every other trace needs at least two traces; " +
				"give more traces, or train on all of them (hold_out off).");
			checked = new ArrayList<>();
			for (int k = 0; k < all.size(); k++) (k % 2 == 0 ? checked : heldOutTraces).add(all.get(k));
			progress.report("Embedding", 0, "training on " + checked.size() + " traces, holding out " + heldOutTraces.size());
		}
		// One embedding for every stage: the dimension analysis and both networks. Its time
		// scales come from the stretches at each trace's own parameter (the steps of a
		// command waveform): a rebound spike before a step is no inter-spike interval of it.
		List<Trace> atParameter = new ArrayList<>();
		for (Trace t : checked) {
			int[] step = t.atParameter();
			atParameter.add(t.slice(step[0], step[1]));
		}
		EmbeddingChoice choice = EmbeddingChoice.choose(atParameter, settings);
		DelayEmbedding embedding = new DelayEmbedding(checked, choice.layout, choice.subsampling,
			Normalisation.fit(checked));
		progress.report("Embedding", 1, embedding.rows() + " delay vectors of dimension " + choice.dimension + " (" + choice + ")");
		List<Trace> subsampledTraces = new ArrayList<>();
		List<float[]> subsampled = new ArrayList<>();
		for (Trace t : checked) {
			subsampledTraces.add(t.subsample(choice.subsampling));
			subsampled.add(subsampledTraces.get(subsampledTraces.size() - 1).samples());
		}
		// a recording under a command waveform drives every map step with the current of that moment
		boolean driven = checked.stream().anyMatch(Trace::hasStimulus);
		SpikeThresholds thresholds = SpikeThresholds.fromRecordings(subsampled);
		if (thresholds != null) progress.report("Self-check", 0, thresholds.toString());
		DimensionAnalysis.Result dimension = null;
		if (settings.stateDimension == 0 && settings.analyseDimension) {
			dimension = DimensionAnalysis.run(embedding, choice, DimensionAnalysis.Settings.forReconstruction(settings), progress);
			progress.report("Dimension analysis", 1, dimension.summary());
		}

		// The state dimension: fixed by the user, read by the dimension analysis, read off a
		// first autoencoder's KL (two stages), or off the state autoencoder's own KL (one stage).
		VariationalAutoencoder.History dimensionHistory = null;
		int latent = settings.latentSize;
		boolean twoStage = settings.dimensionBeta > 0;
		String reason;
		if (settings.stateDimension > 0) {
			latent = settings.stateDimension;
			reason = "set by hand";
		}
		else if (dimension != null) {
			latent = Math.min(settings.latentSize, dimension.dimension + settings.stateDimensionMargin);
			reason = latent == dimension.dimension ? "read by the dimension analysis"
				: "the dimension analysis's " + dimension.dimension + " plus " + (latent - dimension.dimension);
		}
		else if (twoStage) {
			// stage 1: read the state dimension off a generous latent space at a beta large
			// enough for unneeded coordinates to collapse
			VariationalAutoencoder probe = new VariationalAutoencoder(autoencoderConfig(choice.dimension, settings)
				.withBeta(settings.dimensionBeta).withEpochs(settings.dimensionEpochs));
			dimensionHistory = probe.train(embedding, progress);
			int found = dimensionHistory.activeCoordinates(settings.activeKl).length;
			latent = Math.max(MIN_STATE_DIMENSION, Math.min(settings.latentSize, found));
			reason = found + " active coordinates at beta " + settings.dimensionBeta + (found < latent ? ", raised to " + latent : "");
			progress.report("Autoencoder", 1, found + " active coordinates at beta " + settings.dimensionBeta + "; state dimension " + latent);
		}
		else reason = "active coordinates of the autoencoder";
		if (settings.stateDimension == 0 && thresholds != null && latent < MIN_STATE_DIMENSION) {
			reason += ", which found " + latent + "; raised to " + MIN_STATE_DIMENSION + " because the recordings spike and a " +
				"one-dimensional state cannot rise into a spike and fall back";
			latent = MIN_STATE_DIMENSION;
			progress.report("Dimension analysis", 1, "state dimension " + latent + " (" + reason + ")");
		}
		// Shared by every member: what the self-check compares with, and what the model file keeps.
		Trace first = checked.get(0);
		double[] parameters = checked.stream().mapToDouble(Reconstruction::parameterOf).toArray();
		String[] names = new String[checked.size()];
		float[][] recorded = new float[checked.size()][], drives = driven ? new float[checked.size()][] : null;
		for (int k = 0; k < names.length; k++) {
			names[k] = checked.get(k).name();
			float[] x = subsampled.get(k);
			recorded[k] = Arrays.copyOfRange(x, embedding.span() + 1, x.length); // from the map's first step on
			// row w's newest sample is x(w + span); the step to row w + 1 is driven by the stimulus from there
			if (driven) drives[k] = Arrays.copyOfRange(subsampledTraces.get(k).stimulus(), embedding.span(), embedding.span() + embedding.windows(k));
		}
		float[][] maxima = maxima(subsampled), excerpts = excerpts(subsampled);
		Ensemble.Shared shared = new Ensemble.Shared(embedding, choice, parameters, names, recorded, drives, maxima, excerpts, thresholds,
			first.dt() * choice.subsampling, first.timeUnit(), first.valueUnit(), first.parameterName().isEmpty() ? "p" : first.parameterName());
		boolean oneStage = settings.stateDimension == 0 && dimension == null && !twoStage;
		Ensemble ensemble = Ensemble.train(latent, oneStage, shared, settings, progress);
		// The dimension answers to the self-check: a map cannot burst in too few coordinates, so when
		// the kept map fails at a bursting recording, one coordinate more is tried and the better kept.
		String failure = ensemble.failsAtBursting() ? "a bursting recording"
			: settings.slowCoordinateForFiring && ensemble.failsAtMostFiring() ? "most firing recordings" : null;
		if (settings.stateDimension == 0 && !oneStage && latent < Math.min(settings.latentSize, BURSTING_DIMENSION) && failure != null) {
			progress.report("Self-check", 1, "the map fails at " + failure + " with " + latent + " coordinates; trying " + (latent + 1));
			Ensemble larger = Ensemble.train(latent + 1, false, shared, settings, progress);
			boolean better = larger.best().check.betterThan(ensemble.best().check);
			reason += better ? "; raised to " + (latent + 1) + " because the map failed at " + failure + " with " + latent
				+ " and reproduced the recordings better with " + (latent + 1)
				: "; " + (latent + 1) + " was tried because the map failed at " + failure + ", and reproduced the recordings no better";
			if (better) ensemble = larger;
		}
		ReconstructedModel model = ensemble.model();
		MapCandidates.Candidate kept = ensemble.best();
		HeldOutCheck.Result heldOut = null;
		if (!heldOutTraces.isEmpty()) {
			float[][] firsts = new float[names.length][];
			for (int k = 0; k < firsts.length; k++) firsts[k] = ensemble.kept().recovered[k][0];
			heldOut = HeldOutCheck.run(model, parameters, names, firsts, heldOutTraces);
			progress.report("Self-check", 1, heldOut.summary());
		}
		List<SelfCheck.Result> candidates = new ArrayList<>();
		for (MapCandidates.Candidate c : ensemble.candidates) candidates.add(c.check);
		return new Result(model, choice, dimension, reason, dimensionHistory, ensemble.kept().history, kept.history, ensemble.active,
			kept.check, candidates, heldOut, driven, (System.nanoTime() - start) / 1e9);
	}

	/**
	 * One-stage reading of the state dimension: the coordinates whose KL stays above the
	 * threshold (collapsed coordinates carry no information).
	 */
	static int[] activeCoordinates(VariationalAutoencoder.History history, ReconstructionSettings settings) {
		int[] active = history.activeCoordinates(settings.activeKl);
		if (active.length == 0) throw new UserInputException("Every latent coordinate of the autoencoder collapsed (KL below " +
			settings.activeKl + "): the traces carry too little signal for this beta. Lower beta, or set the state dimension.");
		return active;
	}

	/** The configuration of a map of the reconstruction: every hyper-parameter from {@code settings}. */
	public static NeuralMap.Config mapConfig(ReconstructionSettings settings, int stateSize, int rollout, long seed) {
		return NeuralMap.Config.of(stateSize)
			.withHidden(settings.mapHidden).withIncrement(settings.mapIncrement).withRolloutSteps(rollout)
			.withTeacherForcing(settings.teacherForcing).withIncrementScaling(settings.incrementScaling).withInputNoise(settings.inputNoise)
			.withStateNoise(settings.stateNoise).withLearningRate(settings.learningRate).withLearningRateEnd(settings.learningRateEnd).withEpochs(settings.mapEpochs)
			.withBatchSize(settings.batchSize).withSeed(seed).withMaxSamplesPerEpoch(settings.mapWindowsPerEpoch)
			.withWeightDecay(settings.mapWeightDecay).withValidationFraction(settings.mapValidationFraction)
			.withValidationSteps(settings.mapValidationSteps).withPatience(settings.mapPatience).withControlAffine(settings.controlAffineMap)
			.withCurvaturePenalty(settings.curvaturePenalty);
	}

	static VariationalAutoencoder.Config autoencoderConfig(int inputSize, ReconstructionSettings settings) {
		return VariationalAutoencoder.Config.of(inputSize).withHidden(settings.autoencoderHidden).withLatentSize(settings.latentSize)
			.withBeta(settings.beta).withLearningRate(settings.autoencoderLearningRate).withBatchSize(settings.batchSize)
			.withEpochs(settings.autoencoderEpochs).withSeed(settings.seed).withMaxSamplesPerEpoch(settings.samplesPerEpoch);
	}

	private static List<Trace> check(List<Trace> traces) {
		if (traces.isEmpty()) throw new UserInputException("No traces were given; choose at least one recorded trace.");
		double dt = traces.get(0).dt();
		boolean anyParameter = false, allParameters = true;
		for (Trace t : traces) {
			t.requireUsable(32);
			if (Math.abs(t.dt() - dt) > 1e-6 * dt) throw new UserInputException("Trace '" + t.name() + "' is sampled every " + t.dt() +
				" but '" + traces.get(0).name() + "' every " + dt + "; all traces of one reconstruction need the same sampling interval.");
			anyParameter |= t.hasParameter();
			allParameters &= t.hasParameter();
		}
		if (anyParameter && !allParameters) throw new UserInputException("Some traces have a control-parameter value and some do not; give one value per trace.");
		return traces;
	}

	private static double parameterOf(Trace t) {
		return t.hasParameter() ? t.parameter() : 0;
	}

	/** The last local maxima of every (subsampled) trace. */
	private static float[][] maxima(List<float[]> traces) {
		float[][] out = new float[traces.size()][];
		for (int k = 0; k < traces.size(); k++) {
			float[] x = traces.get(k);
			double[] d = new double[x.length];
			for (int i = 0; i < x.length; i++) d[i] = x[i];
			int[] idx = LocalMaxima.indices(d);
			int from = Math.max(0, idx.length - MAXIMA_PER_TRACE);
			out[k] = new float[idx.length - from];
			for (int i = from; i < idx.length; i++) out[k][i - from] = x[idx[i]];
		}
		return out;
	}

	/** The start of every (subsampled) trace. */
	private static float[][] excerpts(List<float[]> traces) {
		float[][] out = new float[traces.size()][];
		for (int k = 0; k < out.length; k++) {
			float[] x = traces.get(k);
			out[k] = Arrays.copyOf(x, Math.min(x.length, EXCERPT_LENGTH));
		}
		return out;
	}

	static float[][] sampleStates(float[][] states, long seed) {
		Random random = new Random(seed);
		float[][] out = new float[Math.min(INITIAL_STATES, states.length)][];
		for (int i = 0; i < out.length; i++) out[i] = states[random.nextInt(states.length)].clone();
		return out;
	}

	/** The rollout of the settings, shortened to half the shortest sequence's training part if that is shorter. */
	static int feasibleRollout(ReconstructionSettings settings, List<StateSequence> sequences) {
		int shortest = Integer.MAX_VALUE;
		for (StateSequence q : sequences)
			shortest = Math.min(shortest, q.length() - (int) Math.round(settings.mapValidationFraction * q.length()));
		return Math.max(1, Math.min(settings.rolloutSteps, shortest / 2));
	}
}
