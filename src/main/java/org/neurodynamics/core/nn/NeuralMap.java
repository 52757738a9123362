package org.neurodynamics.core.nn;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.data.StateSequence;

/**
 * A discrete-time map u(n+1) = u(n) + F(u(n), p) (or u(n+1) = F(u(n), p)) learnt from
 * consecutive recovered states of traces recorded at several values p of a control
 * parameter. F is an MLP on standardised (u, p); the standardisation statistics come from
 * the training data and are part of the model.
 * <p>
 * Training minimises a multi-step (rollout) loss: from a state u(n), perturbed by Gaussian
 * input noise, the map is iterated {@code rolloutSteps} times (with small state noise
 * added after every step) and the squared distance of every iterate to the true state is
 * averaged; gradients flow back through all unrolled steps (backpropagation through
 * time, hand-written and checked against finite differences in the tests). Windows never
 * cross sequences; the tail of each sequence is held out to measure a multi-step
 * validation error, on which training stops early, keeping the best weights.
 * <p>
 * For iteration, the standardisation is folded into the weights, so one step of a batch
 * is a few matrix products ({@link #step(INDArray, INDArray)}).
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

		private Config(int stateSize, int[] hidden, Activation activation, boolean increment, double inputNoise,
			double stateNoise, int rolloutSteps, double learningRate, int epochs, int batchSize, long seed,
			double weightDecay, double validationFraction, int validationSteps, int patience, long maxSamplesPerEpoch) {
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
		 * Defaults: hidden 128-128-128 tanh, increment form, input noise 0.05, 8-step
		 * rollout with state noise 0.02, lr 1e-3, 40 epochs, batch 256, seed 0, no weight
		 * decay, 10% validation tail, 8-step validation error, patience 10.
		 */
		public static Config of(int stateSize) {
			return new Config(stateSize, new int[] { 128, 128, 128 }, Activation.TANH, true, 0.05, 0.02, 8, 1e-3, 40, 256,
				0, 0, 0.1, 8, 10, 0);
		}

		public int[] hidden() { return hidden.clone(); }

		private Config copy(java.util.function.Consumer<Object[]> f) {
			Object[] v = { stateSize, hidden, activation, increment, inputNoise, stateNoise, rolloutSteps, learningRate,
				epochs, batchSize, seed, weightDecay, validationFraction, validationSteps, patience, maxSamplesPerEpoch };
			f.accept(v);
			return new Config((Integer) v[0], (int[]) v[1], (Activation) v[2], (Boolean) v[3], (Double) v[4], (Double) v[5],
				(Integer) v[6], (Double) v[7], (Integer) v[8], (Integer) v[9], (Long) v[10], (Double) v[11], (Double) v[12],
				(Integer) v[13], (Integer) v[14], (Long) v[15]);
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

		void validate() {
			if (stateSize < 1) throw new UserInputException("The map's state size must be at least 1 (got " + stateSize + ").");
			for (int h : hidden)
				if (h < 1) throw new UserInputException("Hidden layer sizes must be at least 1 (got " + Arrays.toString(hidden) + ").");
			if (!(inputNoise >= 0) || !(stateNoise >= 0)) throw new UserInputException("Noise levels must be >= 0.");
			if (rolloutSteps < 1) throw new UserInputException("Rollout steps must be at least 1 (got " + rolloutSteps + ").");
			if (!(learningRate > 0)) throw new UserInputException("The learning rate must be > 0 (got " + learningRate + ").");
			if (epochs < 0) throw new UserInputException("The number of epochs must be >= 0.");
			if (batchSize < 1) throw new UserInputException("The batch size must be at least 1.");
			if (!(weightDecay >= 0)) throw new UserInputException("Weight decay must be >= 0.");
			if (!(validationFraction >= 0 && validationFraction < 1)) throw new UserInputException("The validation fraction must be in [0, 1) (got " + validationFraction + ").");
			if (validationSteps < 1) throw new UserInputException("Validation steps must be at least 1.");
			if (patience < 0) throw new UserInputException("Patience must be >= 0.");
			if (maxSamplesPerEpoch < 0) throw new UserInputException("Samples per epoch must be >= 0 (0 = all).");
		}

		@Override
		public String toString() {
			return "Map[d=" + stateSize + ", hidden=" + Arrays.toString(hidden) + ", " + activation + ", "
				+ (increment ? "increment" : "direct") + ", inputNoise=" + inputNoise + ", rollout=" + rolloutSteps
				+ ", stateNoise=" + stateNoise + ", lr=" + learningRate + ", epochs=" + epochs + ", batch=" + batchSize
				+ ", seed=" + seed + ", weightDecay=" + weightDecay + ", validation=" + validationFraction + "/"
				+ validationSteps + " steps, patience=" + patience + ", samples/epoch="
				+ (maxSamplesPerEpoch == 0 ? "all" : maxSamplesPerEpoch) + "]";
		}
	}

	/** One training epoch. */
	public static final class Epoch {
		public final int epoch;
		/** Mean rollout loss over the epoch's minibatches (standardised units, with noise). */
		public final double trainingLoss;
		/** Multi-step validation MSE in standardised units (NaN without validation data). */
		public final double validationError;

		Epoch(int epoch, double trainingLoss, double validationError) {
			this.epoch = epoch;
			this.trainingLoss = trainingLoss;
			this.validationError = validationError;
		}
	}

	/** What training did. */
	public static final class History {
		private final List<Epoch> epochs;
		/** Epoch whose weights were kept (1-based; the last one without validation data). */
		public final int bestEpoch;
		public final boolean stoppedEarly;
		public final int trainingWindows;
		public final int validationWindows;
		public final long samplesSeen;
		public final double seconds;
		public final String threads;

		History(List<Epoch> epochs, int bestEpoch, boolean stoppedEarly, int trainingWindows, int validationWindows,
			long samplesSeen, double seconds, String threads) {
			this.epochs = Collections.unmodifiableList(new ArrayList<>(epochs));
			this.bestEpoch = bestEpoch;
			this.stoppedEarly = stoppedEarly;
			this.trainingWindows = trainingWindows;
			this.validationWindows = validationWindows;
			this.samplesSeen = samplesSeen;
			this.seconds = seconds;
			this.threads = threads;
		}

		public List<Epoch> epochs() { return epochs; }

		public Epoch last() {
			if (epochs.isEmpty()) throw new IllegalStateException("No epoch was trained");
			return epochs.get(epochs.size() - 1);
		}

		/** Training windows per second of wall time. */
		public double samplesPerSecond() { return seconds > 0 ? samplesSeen / seconds : 0; }
	}

	private static final String KIND = "NeuralMap";
	private static final int FORMAT_VERSION = 1;

	private final Config config;
	private final DataType dtype;
	/** F on standardised inputs [s, p~] -> standardised increment (or next state). */
	private volatile Mlp net;
	private volatile Normalisation norm;
	private volatile Folded folded;

	/** Standardisation of states and parameter. */
	static final class Normalisation {
		final double[] mean, std;
		final double pMean, pStd;

		Normalisation(double[] mean, double[] std, double pMean, double pStd) {
			this.mean = mean;
			this.std = std;
			this.pMean = pMean;
			this.pStd = pStd;
		}
	}

	/** A new, untrained map with weights initialised from {@code config.seed}. */
	public NeuralMap(Config config) {
		this(config, DataType.FLOAT);
	}

	NeuralMap(Config config, DataType dtype) {
		config.validate();
		NetworkThreads.ensureConfigured();
		this.config = config;
		this.dtype = dtype;
		net = new Mlp(netSizes(config), config.activation, dtype);
		net.initialise(new Random(config.seed));
	}

	private NeuralMap(Config config, Mlp net, Normalisation norm) {
		NetworkThreads.ensureConfigured();
		this.config = config;
		this.dtype = net.dtype;
		this.net = net;
		this.norm = norm;
		this.folded = norm == null ? null : new Folded(net, norm, config.increment);
	}

	private static int[] netSizes(Config c) {
		int[] s = new int[c.hidden.length + 2];
		s[0] = c.stateSize + 1;
		System.arraycopy(c.hidden, 0, s, 1, c.hidden.length);
		s[s.length - 1] = c.stateSize;
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

	private Normalisation requireNorm() {
		Normalisation n = norm;
		if (n == null) throw new IllegalStateException("The map has not been trained");
		return n;
	}

	Mlp network() { return net; }

	// ---------------------------------------------------------------- training

	/** Buffers of one rollout minibatch. */
	static final class Rollout {
		final int n, d, k;
		final Mlp.Cache[] caches;
		final INDArray[] states; // k+1 targets, standardised (states[0] is the start)
		final INDArray[] noise; // k: noise[0] on the input, noise[j] after step j
		final INDArray[] pred; // k predictions
		final INDArray p;
		final INDArray carry, grad;
		final float[] hostState, hostP, hostNoise;
		private final INDArray[] stateIn, paramIn, dStateIn;

		Rollout(Mlp net, int n, int d, int k) {
			this.n = n;
			this.d = d;
			this.k = k;
			caches = new Mlp.Cache[k];
			states = new INDArray[k + 1];
			noise = new INDArray[k];
			pred = new INDArray[k];
			for (int j = 0; j < k; j++) {
				caches[j] = net.newCache(n);
				noise[j] = Nd4j.create(net.dtype, n, d);
				pred[j] = Nd4j.create(net.dtype, n, d);
			}
			for (int j = 0; j <= k; j++)
				states[j] = Nd4j.create(net.dtype, n, d);
			p = Nd4j.create(net.dtype, n, 1);
			carry = Nd4j.create(net.dtype, n, d);
			grad = Nd4j.create(net.dtype, n, d);
			hostState = new float[n * d];
			hostP = new float[n];
			hostNoise = new float[n * d];
			stateIn = new INDArray[k];
			paramIn = new INDArray[k];
			dStateIn = new INDArray[k];
			for (int j = 0; j < k; j++) {
				stateIn[j] = caches[j].input().get(NDArrayIndex.all(), NDArrayIndex.interval(0, d));
				paramIn[j] = caches[j].input().get(NDArrayIndex.all(), NDArrayIndex.interval(d, d + 1));
				dStateIn[j] = caches[j].d[0].get(NDArrayIndex.all(), NDArrayIndex.interval(0, d));
			}
		}

		INDArray stateInput(int j) {
			return stateIn[j];
		}

		INDArray parameterInput(int j) {
			return paramIn[j];
		}
	}

	/**
	 * Rollout loss and its gradient (added into {@code net.grads}) for the windows in
	 * {@code r.states}, {@code r.p} with noise {@code r.noise}.
	 */
	static double rolloutLossAndGradient(Mlp net, Rollout r, boolean increment) {
		int k = r.k;
		double scale = 1.0 / ((double) k * r.n * r.d);
		// forward
		r.stateInput(0).assign(r.states[0]).addi(r.noise[0]);
		for (int j = 0; j < k; j++) {
			r.parameterInput(j).assign(r.p);
			INDArray out = net.forward(r.caches[j]);
			if (increment) r.pred[j].assign(r.stateInput(j)).addi(out);
			else r.pred[j].assign(out);
			if (j + 1 < k) r.stateInput(j + 1).assign(r.pred[j]).addi(r.noise[j + 1]);
		}
		// loss; backward through time
		double loss = 0;
		r.carry.assign(0);
		for (int j = k - 1; j >= 0; j--) {
			r.grad.assign(r.pred[j]).subi(r.states[j + 1]);
			double norm = r.grad.norm2Number().doubleValue();
			loss += norm * norm;
			r.grad.muli(2 * scale).addi(r.carry);
			net.backward(r.caches[j], r.grad, j > 0);
			if (j > 0) {
				INDArray dState = r.dStateIn[j];
				if (increment) r.carry.assign(r.grad).addi(dState);
				else r.carry.assign(dState);
			}
		}
		return loss * scale;
	}

	/** Rollout loss without gradients (for tests). */
	static double rolloutLoss(Mlp net, INDArray[] states, INDArray p, INDArray[] noise, boolean increment) {
		int k = states.length - 1;
		INDArray s = states[0].add(noise[0]);
		double loss = 0;
		for (int j = 0; j < k; j++) {
			INDArray out = net.output(Nd4j.hstack(s, p));
			INDArray next = increment ? s.add(out) : out;
			INDArray e = next.sub(states[j + 1]);
			double nn = e.norm2Number().doubleValue();
			loss += nn * nn;
			s = j + 1 < k ? next.add(noise[j + 1]) : next;
		}
		return loss / ((double) k * states[0].length());
	}

	static double gradientForTest(Mlp net, INDArray[] states, INDArray p, INDArray[] noise, boolean increment) {
		int n = states[0].rows(), d = states[0].columns(), k = states.length - 1;
		Rollout r = new Rollout(net, n, d, k);
		for (int j = 0; j <= k; j++)
			r.states[j].assign(states[j]);
		for (int j = 0; j < k; j++)
			r.noise[j].assign(noise[j]);
		r.p.assign(p);
		net.grads.assign(0);
		return rolloutLossAndGradient(net, r, increment);
	}

	/**
	 * Trains on consecutive states of the given sequences. The normalisation is computed
	 * from the training part of the data on the first call and kept afterwards. The
	 * weights of this object change only if training completes; if {@code progress}
	 * cancels, {@link org.neurodynamics.core.CancelledException} is thrown and this object
	 * is unchanged.
	 */
	public History train(List<StateSequence> sequences, Progress progress) {
		final int d = config.stateSize, k = config.rolloutSteps, v = config.validationSteps;
		if (sequences.isEmpty()) throw new UserInputException("There are no state sequences to train the map on.");
		int[] trainLen = new int[sequences.size()];
		for (int s = 0; s < sequences.size(); s++) {
			StateSequence q = sequences.get(s);
			if (q.length() > 0 && q.dimension() != d)
				throw new UserInputException("The map expects states of dimension " + d + " but sequence " + (s + 1) + " has dimension " + q.dimension() + ".");
			if (!Double.isFinite(q.parameter())) throw new UserInputException("Sequence " + (s + 1) + " has a non-finite parameter value.");
			int held = (int) Math.round(config.validationFraction * q.length());
			trainLen[s] = q.length() - held;
		}
		NetworkThreads.ensureConfigured();
		String stage = "Training map";
		Normalisation nz = norm != null ? norm : normalisation(sequences, trainLen);
		// standardised copies, row-major per sequence
		float[][] std = new float[sequences.size()][];
		float[] pStd = new float[sequences.size()];
		for (int s = 0; s < sequences.size(); s++) {
			StateSequence q = sequences.get(s);
			float[] a = new float[q.length() * d];
			for (int t = 0; t < q.length(); t++) {
				float[] u = q.state(t);
				for (int i = 0; i < d; i++) {
					if (!Float.isFinite(u[i])) throw new UserInputException("Sequence " + (s + 1) + " has a non-finite state at step " + t + ".");
					a[t * d + i] = (float) ((u[i] - nz.mean[i]) / nz.std[i]);
				}
			}
			std[s] = a;
			pStd[s] = (float) ((q.parameter() - nz.pMean) / nz.pStd);
		}
		// windows: (sequence << 32) | start
		List<Long> trainW = new ArrayList<>(), valW = new ArrayList<>();
		for (int s = 0; s < sequences.size(); s++) {
			for (int t = 0; t + k <= trainLen[s] - 1; t++)
				trainW.add(((long) s << 32) | t);
			for (int t = trainLen[s]; t + v <= sequences.get(s).length() - 1; t++)
				valW.add(((long) s << 32) | t);
		}
		if (trainW.isEmpty())
			throw new UserInputException("The state sequences are too short for a " + k + "-step training window (after holding out "
				+ Math.round(config.validationFraction * 100) + "% for validation).");
		long[] windows = trainW.stream().mapToLong(Long::longValue).toArray();
		long[] validation = evenSubset(valW, 1024);

		Mlp work = net.copy();
		AdamOptimiser opt = new AdamOptimiser(work, config.learningRate, config.weightDecay);
		Random rnd = new Random(config.seed * 0x9E3779B97F4A7C15L + 2);
		int perEpoch = (int) (config.maxSamplesPerEpoch > 0 ? Math.min(windows.length, config.maxSamplesPerEpoch) : windows.length);
		Map<Integer, Rollout> buffers = new HashMap<>();
		List<Epoch> epochs = new ArrayList<>();
		double best = Double.POSITIVE_INFINITY;
		int bestEpoch = 0;
		INDArray bestParams = null;
		boolean stoppedEarly = false;
		long seen = 0;
		long t0 = System.nanoTime();
		int batchesPerEpoch = (perEpoch + config.batchSize - 1) / config.batchSize;
		progress.report(stage, 0, config.toString());
		for (int e = 0; e < config.epochs; e++) {
			for (int i = 0; i < perEpoch; i++) {
				int j = i + rnd.nextInt(windows.length - i);
				long t = windows[i];
				windows[i] = windows[j];
				windows[j] = t;
			}
			double lossSum = 0;
			for (int from = 0, bi = 0; from < perEpoch; from += config.batchSize, bi++) {
				progress.checkCancelled(stage);
				int n = Math.min(config.batchSize, perEpoch - from);
				Rollout r = buffers.computeIfAbsent(n, m -> new Rollout(work, m, d, k));
				fillWindows(r, windows, from, std, pStd, rnd);
				lossSum += rolloutLossAndGradient(work, r, config.increment) * n;
				opt.step(e);
				seen += n;
				if ((bi & 15) == 15)
					progress.report(stage, (e + (bi + 1.0) / batchesPerEpoch) / config.epochs, "epoch " + (e + 1) + "/" + config.epochs);
			}
			double loss = lossSum / perEpoch;
			if (!Double.isFinite(loss))
				throw new UserInputException("Map training diverged at epoch " + (e + 1) + "; try a smaller learning rate.");
			double val = validation.length == 0 ? Double.NaN : validationError(work, validation, std, pStd, d, v, config.increment);
			epochs.add(new Epoch(e + 1, loss, val));
			progress.report(stage, (e + 1.0) / config.epochs, String.format("epoch %d/%d: loss %.4g, validation %.4g", e + 1, config.epochs, loss, val));
			if (validation.length > 0) {
				if (val < best) {
					best = val;
					bestEpoch = e + 1;
					bestParams = work.params.dup();
				}
				else if (config.patience > 0 && e + 1 - bestEpoch >= config.patience) {
					stoppedEarly = true;
					break;
				}
			}
			else bestEpoch = e + 1;
		}
		if (bestParams != null) work.params.assign(bestParams);
		double seconds = (System.nanoTime() - t0) * 1e-9;
		Folded f = new Folded(work, nz, config.increment);
		net = work;
		norm = nz;
		folded = f;
		return new History(epochs, bestEpoch, stoppedEarly, windows.length, validation.length, seen, seconds, NetworkThreads.describe());
	}

	private static long[] evenSubset(List<Long> all, int max) {
		int n = Math.min(all.size(), max);
		long[] r = new long[n];
		for (int i = 0; i < n; i++)
			r[i] = all.get((int) ((long) i * all.size() / n));
		return r;
	}

	private Normalisation normalisation(List<StateSequence> sequences, int[] trainLen) {
		int d = config.stateSize;
		double[] sum = new double[d], sum2 = new double[d];
		double ps = 0, ps2 = 0;
		long count = 0;
		for (int s = 0; s < sequences.size(); s++) {
			StateSequence q = sequences.get(s);
			for (int t = 0; t < trainLen[s]; t++) {
				float[] u = q.state(t);
				for (int i = 0; i < d; i++) {
					sum[i] += u[i];
					sum2[i] += (double) u[i] * u[i];
				}
				ps += q.parameter();
				ps2 += q.parameter() * q.parameter();
				count++;
			}
		}
		if (count == 0) throw new UserInputException("There are no training states (all sequences are empty).");
		double[] mean = new double[d], sd = new double[d];
		for (int i = 0; i < d; i++) {
			mean[i] = sum[i] / count;
			double var = sum2[i] / count - mean[i] * mean[i];
			sd[i] = var > 1e-24 * Math.max(1, mean[i] * mean[i]) ? Math.sqrt(var) : 1;
		}
		double pm = ps / count;
		double pv = ps2 / count - pm * pm;
		double psd = pv > 1e-24 * Math.max(1, pm * pm) ? Math.sqrt(pv) : 1;
		return new Normalisation(mean, sd, pm, psd);
	}

	private void fillWindows(Rollout r, long[] windows, int from, float[][] std, float[] pStd, Random rnd) {
		int n = r.n, d = r.d, k = r.k;
		for (int j = 0; j <= k; j++) {
			for (int i = 0; i < n; i++) {
				long w = windows[from + i];
				int s = (int) (w >>> 32), t = (int) w;
				System.arraycopy(std[s], (t + j) * d, r.hostState, i * d, d);
			}
			Mlp.put(r.states[j], r.hostState, n * d);
		}
		for (int i = 0; i < n; i++)
			r.hostP[i] = pStd[(int) (windows[from + i] >>> 32)];
		Mlp.put(r.p, r.hostP, n);
		for (int j = 0; j < k; j++) {
			double sigma = j == 0 ? config.inputNoise : config.stateNoise;
			for (int i = 0; i < n * d; i++)
				r.hostNoise[i] = (float) (sigma * rnd.nextGaussian());
			Mlp.put(r.noise[j], r.hostNoise, n * d);
		}
	}

	/** Mean squared error over {@code steps} iterates from the validation windows, noise-free. */
	private static double validationError(Mlp net, long[] windows, float[][] std, float[] pStd, int d, int steps, boolean increment) {
		int n = windows.length;
		float[] host = new float[n * (d + 1)];
		for (int i = 0; i < n; i++) {
			int s = (int) (windows[i] >>> 32), t = (int) windows[i];
			System.arraycopy(std[s], t * d, host, i * (d + 1), d);
			host[i * (d + 1) + d] = pStd[s];
		}
		INDArray x = Nd4j.create(net.dtype, n, d + 1);
		Mlp.put(x, host, host.length);
		INDArray sView = x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, d));
		float[] target = new float[n * d];
		INDArray tgt = Nd4j.create(net.dtype, n, d);
		double sse = 0;
		for (int j = 1; j <= steps; j++) {
			INDArray out = net.output(x);
			if (increment) sView.addi(out);
			else sView.assign(out);
			for (int i = 0; i < n; i++) {
				int s = (int) (windows[i] >>> 32), t = (int) windows[i];
				System.arraycopy(std[s], (t + j) * d, target, i * d, d);
			}
			Mlp.put(tgt, target, target.length);
			double e = tgt.subi(sView).norm2Number().doubleValue();
			sse += e * e;
		}
		return sse / ((double) steps * n * d);
	}

	// ---------------------------------------------------------------- inference

	/**
	 * The trained map with the standardisation folded into the first and last layers:
	 * raw (u, p) in, raw next state out. Kept as ND4J arrays for batched steps and as
	 * double arrays for single-point evaluation and Jacobians.
	 */
	static final class Folded {
		final int d;
		final boolean increment;
		final Activation act;
		final INDArray wU, wP; // first layer: d x H1 and 1 x H1
		final INDArray[] w, b; // w[0] unused (see wU, wP)
		final double[][][] wd; // wd[l][in][out]; wd[0] has d+1 rows (state rows, then parameter row)
		final double[][] bd;

		Folded(Mlp net, Normalisation nz, boolean increment) {
			this.d = nz.mean.length;
			this.increment = increment;
			this.act = net.activation;
			int layers = net.layers();
			wd = new double[layers][][];
			bd = new double[layers][];
			for (int l = 0; l < layers; l++) {
				wd[l] = net.w[l].castTo(DataType.DOUBLE).toDoubleMatrix();
				bd[l] = net.b[l].castTo(DataType.DOUBLE).toDoubleVector();
			}
			// first layer: s_i = (u_i - m_i)/sd_i, p~ = (p - pm)/psd
			double[][] w0 = wd[0];
			int h1 = bd[0].length;
			for (int j = 0; j < h1; j++) {
				double shift = 0;
				for (int i = 0; i < d; i++) {
					shift += nz.mean[i] / nz.std[i] * w0[i][j];
					w0[i][j] /= nz.std[i];
				}
				shift += nz.pMean / nz.pStd * w0[d][j];
				w0[d][j] /= nz.pStd;
				bd[0][j] -= shift;
			}
			// last layer: raw = sd * out (+ mean for the direct form)
			int last = layers - 1;
			for (int i = 0; i < wd[last].length; i++)
				for (int j = 0; j < d; j++)
					wd[last][i][j] *= nz.std[j];
			for (int j = 0; j < d; j++)
				bd[last][j] = bd[last][j] * nz.std[j] + (increment ? 0 : nz.mean[j]);
			w = new INDArray[layers];
			b = new INDArray[layers];
			for (int l = 0; l < layers; l++) {
				w[l] = Nd4j.create(wd[l]).castTo(DataType.FLOAT);
				b[l] = Nd4j.create(new double[][] { bd[l] }).castTo(DataType.FLOAT);
			}
			wU = w[0].get(NDArrayIndex.interval(0, d), NDArrayIndex.all()).dup();
			wP = w[0].get(NDArrayIndex.interval(d, d + 1), NDArrayIndex.all()).dup();
		}
	}

	private Folded requireFolded() {
		Folded f = folded;
		if (f == null) throw new IllegalStateException("The map has not been trained");
		return f;
	}

	/**
	 * One step of the map for a batch: u (n x d) and p (n x 1, or a length-n vector) in
	 * the units of the training data; returns the next states (n x d, float).
	 */
	public INDArray step(INDArray u, INDArray p) {
		Folded f = requireFolded();
		INDArray uf = u.dataType() == DataType.FLOAT ? u : u.castTo(DataType.FLOAT);
		INDArray pf = p.dataType() == DataType.FLOAT ? p : p.castTo(DataType.FLOAT);
		if (uf.rank() != 2 || uf.columns() != f.d)
			throw new IllegalArgumentException("Expected states of shape n x " + f.d + ", got " + Arrays.toString(u.shape()));
		long n = uf.rows();
		if (pf.length() != n) throw new IllegalArgumentException("Expected " + n + " parameter values, got " + pf.length());
		if (pf.rank() != 2 || pf.columns() != 1) pf = pf.reshape(n, 1);
		int layers = f.w.length;
		INDArray h = Nd4j.create(DataType.FLOAT, n, f.wU.columns());
		Nd4j.gemm(uf, f.wU, h, false, false, 1.0, 0.0);
		Nd4j.gemm(pf, f.wP, h, false, false, 1.0, 1.0);
		h.addiRowVector(f.b[0]);
		for (int l = 1; l < layers; l++) {
			f.act.applyInPlace(h);
			h = h.mmul(f.w[l]).addiRowVector(f.b[l]);
		}
		if (f.increment) h.addi(uf);
		return h;
	}

	/** One step of the map for a single state, in double precision. */
	public double[] step(double[] u, double p) {
		Folded f = requireFolded();
		checkState(u, f.d);
		double[][] hs = forwardDouble(f, u, p);
		double[] out = hs[hs.length - 1];
		if (f.increment)
			for (int i = 0; i < f.d; i++)
				out[i] += u[i];
		return out;
	}

	private static void checkState(double[] u, int d) {
		if (u.length != d) throw new IllegalArgumentException("Expected a state of dimension " + d + ", got " + u.length);
	}

	/** Activations of every layer for one input (the last entry is the network output). */
	private static double[][] forwardDouble(Folded f, double[] u, double p) {
		int layers = f.wd.length;
		double[][] hs = new double[layers][];
		double[] in = Arrays.copyOf(u, f.d + 1);
		in[f.d] = p;
		for (int l = 0; l < layers; l++) {
			double[][] w = f.wd[l];
			double[] out = f.bd[l].clone();
			for (int i = 0; i < in.length; i++) {
				double x = in[i];
				if (x == 0) continue;
				double[] row = w[i];
				for (int j = 0; j < out.length; j++)
					out[j] += x * row[j];
			}
			if (l + 1 < layers)
				for (int j = 0; j < out.length; j++)
					out[j] = f.act.apply(out[j]);
			hs[l] = out;
			in = out;
		}
		return hs;
	}

	/** Jacobian d u(n+1) / d u(n) (d x d) at a single state, computed analytically. */
	public double[][] jacobian(double[] u, double p) {
		Folded f = requireFolded();
		checkState(u, f.d);
		int d = f.d, layers = f.wd.length;
		double[][] hs = forwardDouble(f, u, p);
		// rows: input direction i; forward-mode through the layers
		double[][] jt = new double[d][];
		for (int i = 0; i < d; i++) {
			double[] t = f.wd[0][i].clone();
			for (int l = 1; l < layers; l++) {
				double[] h = hs[l - 1];
				for (int j = 0; j < t.length; j++)
					t[j] *= f.act.derivativeFromOutput(h[j]);
				double[][] w = f.wd[l];
				double[] next = new double[w[0].length];
				for (int a = 0; a < t.length; a++) {
					double x = t[a];
					if (x == 0) continue;
					double[] row = w[a];
					for (int j = 0; j < next.length; j++)
						next[j] += x * row[j];
				}
				t = next;
			}
			jt[i] = t;
		}
		double[][] jac = new double[d][d];
		for (int r = 0; r < d; r++)
			for (int c = 0; c < d; c++)
				jac[r][c] = jt[c][r] + (f.increment && r == c ? 1 : 0);
		return jac;
	}

	/**
	 * Jacobians at a batch of states: u (n x d), p (n x 1); returns n x d x d with
	 * [k, r, c] = d u_r(n+1) / d u_c(n) at state k.
	 */
	public INDArray jacobian(INDArray u, INDArray p) {
		Folded f = requireFolded();
		INDArray uf = u.castTo(DataType.FLOAT);
		long n = uf.rows();
		INDArray pf = p.castTo(DataType.FLOAT).reshape(n, 1);
		int layers = f.w.length;
		INDArray[] g = new INDArray[layers - 1];
		INDArray h = uf.mmul(f.wU).addi(pf.mmul(f.wP)).addiRowVector(f.b[0]);
		for (int l = 1; l < layers; l++) {
			f.act.applyInPlace(h);
			g[l - 1] = h.ulike();
			f.act.derivativeFromOutput(h, g[l - 1]);
			if (l + 1 < layers) h = h.mmul(f.w[l]).addiRowVector(f.b[l]);
		}
		INDArray jac = Nd4j.create(DataType.FLOAT, n, f.d, f.d);
		for (int i = 0; i < f.d; i++) {
			INDArray t = g[0].mulRowVector(f.wU.getRow(i));
			for (int l = 1; l < layers; l++) {
				t = t.mmul(f.w[l]);
				if (l + 1 < layers) t.muli(g[l]);
			}
			if (f.increment) t.getColumn(i).addi(1.0);
			jac.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(i)).assign(t);
		}
		return jac;
	}

	// ---------------------------------------------------------------- persistence

	/** Writes configuration, normalisation and weights; does not close {@code out}. */
	public void save(OutputStream out) throws IOException {
		Mlp m = net;
		Normalisation nz = norm;
		ModelStreams.write(out, KIND, FORMAT_VERSION, o -> {
			o.writeInt(config.stateSize);
			ModelStreams.writeSizes(o, config.hidden);
			o.writeUTF(config.activation.name());
			o.writeBoolean(config.increment);
			o.writeDouble(config.inputNoise);
			o.writeDouble(config.stateNoise);
			o.writeInt(config.rolloutSteps);
			o.writeDouble(config.learningRate);
			o.writeInt(config.epochs);
			o.writeInt(config.batchSize);
			o.writeLong(config.seed);
			o.writeDouble(config.weightDecay);
			o.writeDouble(config.validationFraction);
			o.writeInt(config.validationSteps);
			o.writeInt(config.patience);
			o.writeLong(config.maxSamplesPerEpoch);
			o.writeBoolean(nz != null);
			if (nz != null) {
				for (int i = 0; i < config.stateSize; i++) {
					o.writeDouble(nz.mean[i]);
					o.writeDouble(nz.std[i]);
				}
				o.writeDouble(nz.pMean);
				o.writeDouble(nz.pStd);
			}
			m.write(o);
		});
	}

	/**
	 * Reads a map written by {@link #save(OutputStream)}, consuming exactly its bytes.
	 *
	 * @throws UserInputException if the stream does not hold an intact saved map
	 */
	public static NeuralMap load(InputStream in) throws IOException {
		return ModelStreams.read(in, KIND, "neural network map", FORMAT_VERSION, o -> {
			int d = o.readInt();
			int[] hidden = ModelStreams.readSizes(o);
			Activation act = Activation.valueOf(o.readUTF());
			Config c = new Config(d, hidden, act, o.readBoolean(), o.readDouble(), o.readDouble(), o.readInt(), o.readDouble(),
				o.readInt(), o.readInt(), o.readLong(), o.readDouble(), o.readDouble(), o.readInt(), o.readInt(), o.readLong());
			c.validate();
			if (d > 1 << 16) throw new IOException("implausible state size " + d);
			Normalisation nz = null;
			if (o.readBoolean()) {
				double[] mean = new double[d], sd = new double[d];
				for (int i = 0; i < d; i++) {
					mean[i] = o.readDouble();
					sd[i] = o.readDouble();
					if (!Double.isFinite(mean[i]) || !(sd[i] > 0) || !Double.isFinite(sd[i])) throw new IOException("invalid normalisation");
				}
				double pm = o.readDouble(), psd = o.readDouble();
				if (!Double.isFinite(pm) || !(psd > 0) || !Double.isFinite(psd)) throw new IOException("invalid normalisation");
				nz = new Normalisation(mean, sd, pm, psd);
			}
			Mlp m = Mlp.read(o, DataType.FLOAT);
			if (!Arrays.equals(m.sizes, netSizes(c))) throw new IOException("layer sizes do not match the configuration");
			if (m.activation != c.activation) throw new IOException("activation does not match the configuration");
			return new NeuralMap(c, m, nz);
		});
	}
}
