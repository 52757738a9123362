package org.neurodynamics.core.nn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.data.StateSequence;

/**
 * A discrete-time map u(n+1) = u(n) + F(u(n), p) (or u(n+1) = F(u(n), p)) learnt from
 * consecutive recovered states of traces recorded at several values p of a control
 * parameter. F is an MLP on standardised (u, p); the standardisation statistics come from
 * the training data and are part of the model.
 * <p>
 * Training ({@link MapTrainer}) minimises a {@link MapLoss}: by default the multi-step
 * {@link RolloutMapLoss} of {@code rolloutSteps} steps ({@link OneStepMapLoss} for one
 * step), with Gaussian noise on the input state and on the map's own state after every
 * step. Windows never cross sequences; the tail of each sequence is held out to measure
 * a multi-step validation error, on which training stops early, keeping the best weights.
 * <p>
 * For iteration, the standardisation is folded into the weights ({@link FoldedMap}), so
 * one step of a batch is a few matrix products ({@link #stepper(int)}).
 */
public final class NeuralMap {

	/** Hyper-parameters; immutable, change with the {@code with...} methods. */
	public static final class Config {
		public final int stateSize;
		private final int[] hidden;
		public final Activation activation;
		/** Predict the increment: u(n+1) = u(n) + F(u(n), p). */
		public final boolean increment;
		/** Std of Gaussian noise on the map's input state, in standardised units. */
		public final double inputNoise;
		/** Std of Gaussian noise added to the map's own state after each unrolled step. */
		public final double stateNoise;
		/** Unrolled steps of the training loss (1 = one-step loss). */
		public final int rolloutSteps;
		public final double learningRate;
		public final int epochs;
		public final int batchSize;
		public final long seed;
		/** L2 penalty on the weights (not the biases). */
		public final double weightDecay;
		/** Fraction of every sequence, at its end, held out for validation. */
		public final double validationFraction;
		/** Steps of the multi-step validation error. */
		public final int validationSteps;
		/** Epochs without improvement of the validation error before stopping; 0 = never stop early. */
		public final int patience;
		/** Training windows drawn per epoch (a fresh random subset each epoch); 0 = all. */
		public final long maxSamplesPerEpoch;
		/**
		 * Generalized teacher forcing alpha over windows of {@link #rolloutSteps} steps (see
		 * {@link TeacherForcedMapLoss}); 0 = a free rollout.
		 */
		public final double teacherForcing;
		/**
		 * The network predicts each coordinate's step in units of the RMS of that coordinate's
		 * one-step increments (standardised states), and the loss measures each error in the same
		 * units, so a slow coordinate's drift weighs as much as a fast one's (see
		 * {@link MapBatch#scale}); after training the scale is folded into the output layer.
		 * Increment form only.
		 */
		public final boolean incrementScaling;
		/**
		 * The teacher-forcing alpha of the last epoch: alpha goes geometrically from
		 * {@link #teacherForcing} to this (equal to it = no annealing).
		 */
		public final double teacherForcingEnd;
		/**
		 * The learning rate of the last epoch as a fraction of {@link #learningRate}: the rate
		 * follows a cosine from one to the other (1 = constant). Late epochs at a small rate
		 * settle the weights, so the kept map is not one random step of a noisy walk.
		 */
		public final double learningRateEnd;
		/**
		 * F(u, p) = G(u) + p H(u), two outputs of one network on u, instead of one network on
		 * (u, p): the map stays affine in the parameter at every state (see {@link Mlp}).
		 */
		public final boolean controlAffine;
		/**
		 * Weight of the penalty on the map's curvature along the parameter at the recorded
		 * states (see {@link ParameterCurvaturePenalty}); 0 = none.
		 */
		public final double curvaturePenalty;

		private Config(int stateSize, int[] hidden, Activation activation, boolean increment, double inputNoise,
			double stateNoise, int rolloutSteps, double learningRate, int epochs, int batchSize, long seed,
			double weightDecay, double validationFraction, int validationSteps, int patience, long maxSamplesPerEpoch,
			double teacherForcing, boolean incrementScaling, double teacherForcingEnd, double learningRateEnd, boolean controlAffine,
			double curvaturePenalty) {
			this.controlAffine = controlAffine;
			this.curvaturePenalty = curvaturePenalty;
			this.learningRateEnd = learningRateEnd;
			this.teacherForcing = teacherForcing;
			this.teacherForcingEnd = teacherForcingEnd;
			this.incrementScaling = incrementScaling;
			this.stateSize = stateSize;
			this.hidden = hidden.clone();
			this.activation = activation;
			this.increment = increment;
			this.inputNoise = inputNoise;
			this.stateNoise = stateNoise;
			this.rolloutSteps = rolloutSteps;
			this.learningRate = learningRate;
			this.epochs = epochs;
			this.batchSize = batchSize;
			this.seed = seed;
			this.weightDecay = weightDecay;
			this.validationFraction = validationFraction;
			this.validationSteps = validationSteps;
			this.patience = patience;
			this.maxSamplesPerEpoch = maxSamplesPerEpoch;
		}

		/**
		 * Defaults for a map built directly (tests, benchmarks, experiments): hidden
		 * 128-128-128 tanh, increment form, input noise 0.05, 8-step rollout with state noise
		 * 0.02, lr 1e-3, 40 epochs, batch 256, seed 0, no weight decay, 10% validation tail,
		 * 8-step validation error, patience 10. They are not the reconstruction's: its maps
		 * take every hyper-parameter from {@code ReconstructionSettings}, the one home of the
		 * pipeline's defaults (this package sits below the pipeline and does not import it).
		 */
		public static Config of(int stateSize) {
			return new Config(stateSize, new int[] { 128, 128, 128 }, Activation.TANH, true, 0.05, 0.02, 8, 1e-3, 40, 256,
				0, 0, 0.1, 8, 10, 0, 0, false, 0, 1, false, 0.0);
		}

		public int[] hidden() { return hidden.clone(); }

		private Config copy(java.util.function.Consumer<Object[]> f) {
			Object[] v = { stateSize, hidden, activation, increment, inputNoise, stateNoise, rolloutSteps, learningRate,
				epochs, batchSize, seed, weightDecay, validationFraction, validationSteps, patience, maxSamplesPerEpoch, teacherForcing, incrementScaling, teacherForcingEnd, learningRateEnd, controlAffine, curvaturePenalty };
			f.accept(v);
			return new Config((Integer) v[0], (int[]) v[1], (Activation) v[2], (Boolean) v[3], (Double) v[4], (Double) v[5],
				(Integer) v[6], (Double) v[7], (Integer) v[8], (Integer) v[9], (Long) v[10], (Double) v[11], (Double) v[12],
				(Integer) v[13], (Integer) v[14], (Long) v[15], (Double) v[16], (Boolean) v[17], (Double) v[18], (Double) v[19], (Boolean) v[20], (Double) v[21]);
		}

		public Config withHidden(int... h) { return copy(v -> v[1] = h.clone()); }
		public Config withActivation(Activation a) { return copy(v -> v[2] = a); }
		public Config withIncrement(boolean inc) { return copy(v -> v[3] = inc); }
		public Config withInputNoise(double s) { return copy(v -> v[4] = s); }
		public Config withStateNoise(double s) { return copy(v -> v[5] = s); }
		public Config withRolloutSteps(int k) { return copy(v -> v[6] = k); }
		public Config withLearningRate(double lr) { return copy(v -> v[7] = lr); }
		public Config withEpochs(int e) { return copy(v -> v[8] = e); }
		public Config withBatchSize(int b) { return copy(v -> v[9] = b); }
		public Config withSeed(long s) { return copy(v -> v[10] = s); }
		public Config withWeightDecay(double w) { return copy(v -> v[11] = w); }
		public Config withValidationFraction(double f) { return copy(v -> v[12] = f); }
		public Config withValidationSteps(int k) { return copy(v -> v[13] = k); }
		public Config withPatience(int p) { return copy(v -> v[14] = p); }
		public Config withMaxSamplesPerEpoch(long m) { return copy(v -> v[15] = m); }
		public Config withTeacherForcing(double alpha) { return withTeacherForcing(alpha, alpha); }
		/** Teacher forcing annealed geometrically from {@code start} in the first epoch to {@code end} in the last. */
		public Config withTeacherForcing(double start, double end) { return copy(v -> { v[16] = start; v[18] = end; }); }
		public Config withIncrementScaling(boolean on) { return copy(v -> v[17] = on); }
		/** Cosine learning-rate schedule to {@code fraction} of the initial rate in the last epoch (1 = constant). */
		public Config withLearningRateEnd(double fraction) { return copy(v -> v[19] = fraction); }
		/** The control-affine form G(u) + p H(u) (true) or one network on (u, p) (false). */
		public Config withControlAffine(boolean on) { return copy(v -> v[20] = on); }
		/** A penalty of this weight on the curvature along the parameter (0 = none; see {@link ParameterCurvaturePenalty}). */
		public Config withCurvaturePenalty(double weight) { return copy(v -> v[21] = weight); }

		void validate() {
			if (stateSize < 1) throw new UserInputException("The map's state size must be at least 1 (got " + stateSize + ").");
			for (int h : hidden)
				if (h < 1) throw new UserInputException("Hidden layer sizes must be at least 1 (got " + Arrays.toString(hidden) + ").");
			if (!(inputNoise >= 0) || !(stateNoise >= 0)) throw new UserInputException("Noise levels must be >= 0.");
			if (rolloutSteps < 1) throw new UserInputException("Rollout steps must be at least 1 (got " + rolloutSteps + ").");
			if (!(learningRateEnd > 0 && learningRateEnd <= 1)) throw new UserInputException("The final learning-rate fraction must lie in (0, 1] (got " + learningRateEnd + ").");
			if (!(learningRate > 0)) throw new UserInputException("The learning rate must be > 0 (got " + learningRate + ").");
			if (epochs < 0) throw new UserInputException("The number of epochs must be >= 0.");
			if (batchSize < 1) throw new UserInputException("The batch size must be at least 1.");
			if (!(weightDecay >= 0)) throw new UserInputException("Weight decay must be >= 0.");
			if (!(validationFraction >= 0 && validationFraction < 1)) throw new UserInputException("The validation fraction must be in [0, 1) (got " + validationFraction + ").");
			if (validationSteps < 1) throw new UserInputException("Validation steps must be at least 1.");
			if (patience < 0) throw new UserInputException("Patience must be >= 0.");
			if (!(curvaturePenalty >= 0)) throw new UserInputException("The curvature penalty must be >= 0 (got " + curvaturePenalty + ").");
			if (maxSamplesPerEpoch < 0) throw new UserInputException("Samples per epoch must be >= 0 (0 = all).");
			if (!(teacherForcing >= 0 && teacherForcing < 1)) throw new UserInputException("The teacher-forcing alpha must lie in [0, 1) (got " + teacherForcing + ").");
			if (!(teacherForcingEnd >= 0 && teacherForcingEnd < 1) || (teacherForcing == 0) != (teacherForcingEnd == 0))
				throw new UserInputException("The final teacher-forcing alpha must lie in (0, 1) when forcing is on, and be 0 when it is off (got " + teacherForcingEnd + ").");
		}

		@Override
		public String toString() {
			return "Map[d=" + stateSize + ", hidden=" + Arrays.toString(hidden) + ", " + activation + ", "
				+ (increment ? "increment" : "direct") + ", inputNoise=" + inputNoise + ", rollout=" + rolloutSteps
				+ ", stateNoise=" + stateNoise + ", lr=" + learningRate + ", epochs=" + epochs + ", batch=" + batchSize
				+ ", seed=" + seed + ", weightDecay=" + weightDecay + ", validation=" + validationFraction + "/"
				+ validationSteps + " steps, patience=" + patience + ", samples/epoch="
				+ (maxSamplesPerEpoch == 0 ? "all" : maxSamplesPerEpoch) + (teacherForcing > 0 ? ", teacher forcing " + teacherForcing + (teacherForcingEnd != teacherForcing ? " -> " + teacherForcingEnd : "") : "")
				+ (incrementScaling ? ", increment scaling" : "") + (controlAffine ? ", control-affine G(u) + p H(u)" : "") + (curvaturePenalty > 0 ? ", curvature penalty " + curvaturePenalty : "") + (learningRateEnd < 1 ? ", cosine lr to " + learningRateEnd : "") + "]";
		}
	}

	/** One training epoch. */
	public static final class Epoch extends TrainingEpoch {
		/** Mean training loss over the epoch's minibatches (standardised units, with noise). */
		public final double trainingLoss;
		/** Multi-step validation MSE in standardised units (NaN without validation data). */
		public final double validationError;

		Epoch(int epoch, double trainingLoss, double validationError) {
			super(epoch);
			this.trainingLoss = trainingLoss;
			this.validationError = validationError;
		}
	}

	/** What training did. */
	public static final class History extends TrainingHistory<Epoch> {
		/** Epoch whose weights were kept (1-based; the last one without validation data). */
		public final int bestEpoch;
		public final boolean stoppedEarly;
		public final int trainingWindows;
		public final int validationWindows;

		History(List<Epoch> epochs, int bestEpoch, boolean stoppedEarly, int trainingWindows, int validationWindows,
			long samplesSeen, double seconds, String threads) {
			super(epochs, samplesSeen, seconds, threads);
			this.bestEpoch = bestEpoch;
			this.stoppedEarly = stoppedEarly;
			this.trainingWindows = trainingWindows;
			this.validationWindows = validationWindows;
		}
	}

	private final Config config;
	/** F on standardised inputs [s, p~] -> standardised increment (or next state). */
	private volatile Mlp net;
	private volatile MapNormalisation norm;
	private volatile FoldedMap folded;

	/** A new, untrained map with weights initialised from {@code config.seed}. */
	public NeuralMap(Config config) {
		config.validate();
		NetworkThreads.ensureConfigured();
		this.config = config;
		net = new Mlp(netSizes(config), config.activation, config.controlAffine);
		net.initialise(new Random(config.seed));
	}

	/** A map with these weights; trained when {@code norm} is not null. */
	NeuralMap(Config config, Mlp net, MapNormalisation norm) {
		NetworkThreads.ensureConfigured();
		this.config = config;
		this.net = net;
		this.norm = norm;
		this.folded = norm == null ? null : new FoldedMap(net, norm, config.increment);
	}

	static int[] netSizes(Config c) {
		int[] s = new int[c.hidden.length + 2];
		s[0] = c.stateSize + (c.controlAffine ? 0 : 1);
		System.arraycopy(c.hidden, 0, s, 1, c.hidden.length);
		s[s.length - 1] = c.stateSize * (c.controlAffine ? 2 : 1);
		return s;
	}

	public Config config() { return config; }
	public int stateSize() { return config.stateSize; }
	public boolean isTrained() { return norm != null; }

	/** Mean of every state coordinate over the training data. */
	public double[] stateMean() { return requireNorm().mean.clone(); }
	/** Standard deviation of every state coordinate over the training data. */
	public double[] stateStd() { return requireNorm().std.clone(); }
	public double parameterMean() { return requireNorm().pMean; }
	/** Standard deviation of the parameter over the training data (1 if it is constant). */
	public double parameterStd() { return requireNorm().pStd; }

	private MapNormalisation requireNorm() {
		MapNormalisation n = norm;
		if (n == null) throw new IllegalStateException("The map has not been trained");
		return n;
	}

	Mlp network() { return net; }

	// ---------------------------------------------------------------- training

	/** The loss the configuration asks for: the rollout loss of {@code rolloutSteps} steps. */
	static MapLoss lossFor(Config c) {
		MapLoss loss = c.teacherForcing > 0 ? new TeacherForcedMapLoss(c.rolloutSteps, c.teacherForcing, c.teacherForcingEnd)
			: c.rolloutSteps == 1 ? new OneStepMapLoss() : new RolloutMapLoss(c.rolloutSteps);
		return c.curvaturePenalty > 0 ? new ParameterCurvaturePenalty(loss, c.curvaturePenalty) : loss;
	}

	/**
	 * Trains on consecutive states of the given sequences with the configured loss. The
	 * normalisation is computed from the training part of the data on the first call and
	 * kept afterwards. The weights of this object change only if training completes; if
	 * {@code progress} cancels, {@link org.neurodynamics.core.CancelledException} is thrown
	 * and this object is unchanged.
	 */
	public History train(List<StateSequence> sequences, Progress progress) {
		return train(sequences, lossFor(config), progress);
	}

	/** {@link #train(List, Progress)} with another loss. */
	History train(List<StateSequence> sequences, MapLoss loss, Progress progress) {
		MapTrainer.Result r = MapTrainer.train(config, net, norm, sequences, loss, progress);
		FoldedMap f = new FoldedMap(r.net, r.norm, config.increment);
		net = r.net;
		norm = r.norm;
		folded = f;
		return r.history;
	}

	// ---------------------------------------------------------------- inference

	private FoldedMap requireFolded() {
		FoldedMap f = folded;
		if (f == null) throw new IllegalStateException("The map has not been trained");
		return f;
	}

	/** A {@link MapStepper} for batches of n states. */
	public MapStepper stepper(int n) {
		if (n < 1) throw new IllegalArgumentException("A batch needs at least one state");
		return requireFolded().new BatchStepper(n);
	}

	/** One step of the map for a single state, in double precision. */
	public double[] step(double[] u, double p) {
		return requireFolded().step(u, p);
	}

	/** Jacobian d u(n+1) / d u(n) (d x d) at a single state, computed analytically. */
	public double[][] jacobian(double[] u, double p) {
		return requireFolded().jacobian(u, p);
	}

	// ---------------------------------------------------------------- persistence

	/** Writes configuration, normalisation and weights ({@link MapFile}); does not close {@code out}. */
	public void save(OutputStream out) throws IOException {
		MapFile.write(out, config, norm, net);
	}

	/**
	 * Reads a map written by {@link #save(OutputStream)}, consuming exactly its bytes.
	 *
	 * @throws UserInputException if the stream does not hold an intact saved map
	 */
	public static NeuralMap load(InputStream in) throws IOException {
		return MapFile.read(in);
	}
}
