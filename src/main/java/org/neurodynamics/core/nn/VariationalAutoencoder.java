package org.neurodynamics.core.nn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.data.RowSource;

/**
 * Variational autoencoder with Gaussian encoder and decoder (Kingma and Welling), used to
 * compress delay vectors R in R^De to latent states in R^L.
 * <p>
 * Encoder: MLP De -> hidden -> (mu, log sigma^2) in R^L; z = mu + sigma * eps; decoder:
 * MLP L -> reversed hidden -> De (the Gaussian mean). Loss per minibatch = mean squared
 * reconstruction error over all De elements + beta * KL(q(z|R) || N(0, I)) summed over
 * the latent coordinates and averaged over the batch. Training records the KL of every
 * latent coordinate at every epoch: coordinates whose KL collapses to ~0 carry no
 * information (see {@link History#activeCoordinates(double)}).
 * <p>
 * The loss with its hand-written backward pass is {@link VaeLoss} (checked against finite
 * differences in its test), the training loop {@link VaeTrainer}; the networks are
 * {@link Mlp}s.
 */
public final class VariationalAutoencoder {

	/** Hyper-parameters; immutable, change with the {@code with...} methods. */
	public static final class Config {
		public final int inputSize;
		private final int[] hidden;
		public final int latentSize;
		public final double beta;
		public final double learningRate;
		public final int batchSize;
		public final int epochs;
		public final long seed;
		/** Samples drawn per epoch (a fresh random subset each epoch); 0 = all rows. */
		public final long maxSamplesPerEpoch;
		public final Activation activation;

		private Config(int inputSize, int[] hidden, int latentSize, double beta, double learningRate, int batchSize,
			int epochs, long seed, long maxSamplesPerEpoch, Activation activation) {
			this.inputSize = inputSize;
			this.hidden = hidden.clone();
			this.latentSize = latentSize;
			this.beta = beta;
			this.learningRate = learningRate;
			this.batchSize = batchSize;
			this.epochs = epochs;
			this.seed = seed;
			this.maxSamplesPerEpoch = maxSamplesPerEpoch;
			this.activation = activation;
		}

		/** Defaults for an autoencoder built directly (tests, benchmarks): 256-128 tanh, L = 8, beta 0.01, lr 1e-3, batch 256, 50 epochs, seed 0; a reconstruction's come from ReconstructionSettings. */
		public static Config of(int inputSize) {
			return new Config(inputSize, new int[] { 256, 128 }, 8, 0.01, 1e-3, 256, 50, 0, 0, Activation.TANH);
		}
		public int[] hidden() { return hidden.clone(); }

		public Config withHidden(int... h) { return new Config(inputSize, h, latentSize, beta, learningRate, batchSize, epochs, seed, maxSamplesPerEpoch, activation); }
		public Config withLatentSize(int l) { return new Config(inputSize, hidden, l, beta, learningRate, batchSize, epochs, seed, maxSamplesPerEpoch, activation); }
		public Config withBeta(double b) { return new Config(inputSize, hidden, latentSize, b, learningRate, batchSize, epochs, seed, maxSamplesPerEpoch, activation); }
		public Config withLearningRate(double lr) { return new Config(inputSize, hidden, latentSize, beta, lr, batchSize, epochs, seed, maxSamplesPerEpoch, activation); }
		public Config withBatchSize(int bs) { return new Config(inputSize, hidden, latentSize, beta, learningRate, bs, epochs, seed, maxSamplesPerEpoch, activation); }
		public Config withEpochs(int e) { return new Config(inputSize, hidden, latentSize, beta, learningRate, batchSize, e, seed, maxSamplesPerEpoch, activation); }
		public Config withSeed(long s) { return new Config(inputSize, hidden, latentSize, beta, learningRate, batchSize, epochs, s, maxSamplesPerEpoch, activation); }
		public Config withMaxSamplesPerEpoch(long m) { return new Config(inputSize, hidden, latentSize, beta, learningRate, batchSize, epochs, seed, m, activation); }
		public Config withActivation(Activation a) { return new Config(inputSize, hidden, latentSize, beta, learningRate, batchSize, epochs, seed, maxSamplesPerEpoch, a); }

		void validate() {
			if (inputSize < 1) throw new UserInputException("The autoencoder input size must be at least 1 (got " + inputSize + ").");
			if (latentSize < 1) throw new UserInputException("The latent size must be at least 1 (got " + latentSize + ").");
			for (int h : hidden)
				if (h < 1) throw new UserInputException("Hidden layer sizes must be at least 1 (got " + Arrays.toString(hidden) + ").");
			if (!(beta >= 0)) throw new UserInputException("beta must be >= 0 (got " + beta + ").");
			if (!(learningRate > 0)) throw new UserInputException("The learning rate must be > 0 (got " + learningRate + ").");
			if (batchSize < 1) throw new UserInputException("The batch size must be at least 1 (got " + batchSize + ").");
			if (epochs < 0) throw new UserInputException("The number of epochs must be >= 0 (got " + epochs + ").");
			if (maxSamplesPerEpoch < 0) throw new UserInputException("Samples per epoch must be >= 0 (0 = all).");
		}

		/** Writes every field. */
		void write(DataOutputStream d) throws IOException {
			d.writeInt(inputSize);
			ModelStreams.writeSizes(d, hidden);
			d.writeInt(latentSize);
			d.writeDouble(beta);
			d.writeDouble(learningRate);
			d.writeInt(batchSize);
			d.writeInt(epochs);
			d.writeLong(seed);
			d.writeLong(maxSamplesPerEpoch);
			d.writeUTF(activation.name());
		}

		/** Reads what {@link #write} wrote and validates it. */
		static Config read(DataInputStream d) throws IOException {
			int inputSize = d.readInt();
			int[] hidden = ModelStreams.readSizes(d);
			int latent = d.readInt();
			double beta = d.readDouble(), lr = d.readDouble();
			int bs = d.readInt(), epochs = d.readInt();
			long seed = d.readLong(), maxSamples = d.readLong();
			Activation act = Activation.valueOf(d.readUTF());
			Config c = new Config(inputSize, hidden, latent, beta, lr, bs, epochs, seed, maxSamples, act);
			c.validate();
			return c;
		}

		@Override
		public String toString() {
			return "VAE[De=" + inputSize + ", hidden=" + Arrays.toString(hidden) + ", L=" + latentSize + ", beta=" + beta
				+ ", lr=" + learningRate + ", batch=" + batchSize + ", epochs=" + epochs + ", seed=" + seed
				+ ", samples/epoch=" + (maxSamplesPerEpoch == 0 ? "all" : maxSamplesPerEpoch) + ", " + activation + "]";
		}
	}

	/** Statistics of one training epoch (averages over the minibatches of the epoch). */
	public static final class Epoch extends TrainingEpoch {
		public final double loss;
		public final double reconstructionMse;
		/** Total KL (sum over coordinates), averaged over the samples. */
		public final double kl;
		private final float[] klPerCoordinate;
		private final float[] meanVariance;

		Epoch(int epoch, double loss, double reconstructionMse, double kl, float[] klPerCoordinate, float[] meanVariance) {
			super(epoch);
			this.loss = loss;
			this.reconstructionMse = reconstructionMse;
			this.kl = kl;
			this.klPerCoordinate = klPerCoordinate;
			this.meanVariance = meanVariance;
		}

		/** KL(q(z_j|R) || N(0,1)) of every latent coordinate j, averaged over the samples. */
		public float[] klPerCoordinate() { return klPerCoordinate.clone(); }

		/** Variance over the samples of the encoder mean mu_j of every latent coordinate. */
		public float[] meanVariance() { return meanVariance.clone(); }
	}

	/** What training did, epoch by epoch. */
	public static final class History extends TrainingHistory<Epoch> {

		History(List<Epoch> epochs, long samplesSeen, double seconds, String threads) {
			super(epochs, samplesSeen, seconds, threads);
		}

		/**
		 * Latent coordinates whose KL in the last epoch exceeds {@code minKl} nats, in
		 * decreasing order of KL.
		 */
		public int[] activeCoordinates(double minKl) {
			float[] kl = last().klPerCoordinate;
			Integer[] order = new Integer[kl.length];
			for (int i = 0; i < kl.length; i++)
				order[i] = i;
			Arrays.sort(order, (a, b) -> Float.compare(kl[b], kl[a]));
			return Arrays.stream(order).filter(i -> kl[i] > minKl).mapToInt(Integer::intValue).toArray();
		}

		/** {@link #activeCoordinates(double)} with the default threshold {@value #DEFAULT_ACTIVE_KL} nats. */
		public int[] activeCoordinates() {
			return activeCoordinates(DEFAULT_ACTIVE_KL);
		}
	}

	/** Default KL (nats) above which a latent coordinate counts as active. */
	public static final double DEFAULT_ACTIVE_KL = 0.1;

	private static final String KIND = "VariationalAutoencoder";
	private static final int FORMAT_VERSION = 1;

	private final Config config;
	private volatile Mlp encoder;
	private volatile Mlp decoder;

	/** A new autoencoder with weights initialised from {@code config.seed}. */
	public VariationalAutoencoder(Config config) {
		config.validate();
		NetworkThreads.ensureConfigured();
		this.config = config;
		encoder = new Mlp(encoderSizes(config), config.activation);
		decoder = new Mlp(decoderSizes(config), config.activation);
		Random rnd = new Random(config.seed);
		encoder.initialise(rnd);
		decoder.initialise(rnd);
	}

	private VariationalAutoencoder(Config config, Mlp encoder, Mlp decoder) {
		NetworkThreads.ensureConfigured();
		this.config = config;
		this.encoder = encoder;
		this.decoder = decoder;
	}

	private static int[] encoderSizes(Config c) {
		int[] s = new int[c.hidden.length + 2];
		s[0] = c.inputSize;
		System.arraycopy(c.hidden, 0, s, 1, c.hidden.length);
		s[s.length - 1] = 2 * c.latentSize;
		return s;
	}

	private static int[] decoderSizes(Config c) {
		int[] s = new int[c.hidden.length + 2];
		s[0] = c.latentSize;
		for (int i = 0; i < c.hidden.length; i++)
			s[i + 1] = c.hidden[c.hidden.length - 1 - i];
		s[s.length - 1] = c.inputSize;
		return s;
	}

	public Config config() { return config; }
	public int inputSize() { return config.inputSize; }
	public int latentSize() { return config.latentSize; }

	// ---------------------------------------------------------------- training

	// package-private access for tests
	Mlp encoderNet() { return encoder; }
	Mlp decoderNet() { return decoder; }

	/**
	 * Trains on the rows of {@code data} (each of width {@link #inputSize()}), streaming
	 * shuffled minibatches. The weights of this object change only if training completes;
	 * if {@code progress} cancels, {@link org.neurodynamics.core.CancelledException} is
	 * thrown and this object is unchanged.
	 */
	public History train(RowSource data, Progress progress) {
		if (data.width() != config.inputSize)
			throw new UserInputException("The autoencoder expects rows of width " + config.inputSize + " but the data has width " + data.width() + ".");
		Mlp enc = encoder.copy(), dec = decoder.copy();
		History h = VaeTrainer.train(config, enc, dec, data, progress);
		encoder = enc;
		decoder = dec;
		return h;
	}

	// ---------------------------------------------------------------- inference

	/** Encoder means mu of a batch of rows (n x De -> n x L). */
	public float[][] encodeMean(float[][] x) {
		return encoderColumns(x, 0);
	}

	/** Encoder log-variances log sigma^2 of a batch of rows (n x De -> n x L). */
	public float[][] encodeLogVariance(float[][] x) {
		return encoderColumns(x, config.latentSize);
	}

	/** Encoder means restricted to the chosen latent coordinates (n x coords.length). */
	public float[][] encodeMean(float[][] x, int[] coordinates) {
		checkCoordinates(coordinates);
		float[][] mu = encodeMean(x), r = new float[mu.length][coordinates.length];
		for (int i = 0; i < mu.length; i++)
			for (int j = 0; j < coordinates.length; j++)
				r[i][j] = mu[i][coordinates[j]];
		return r;
	}

	private float[][] encoderColumns(float[][] x, int from) {
		int l = config.latentSize;
		float[] out = encoder.output(flatten(x, config.inputSize, "input"), x.length);
		float[][] r = new float[x.length][];
		for (int i = 0; i < x.length; i++)
			r[i] = Arrays.copyOfRange(out, i * 2 * l + from, i * 2 * l + from + l);
		return r;
	}

	/** Decoder mean of a batch of latent vectors (n x L -> n x De). */
	public float[][] decodeMean(float[][] z) {
		return rows(decoder.output(flatten(z, config.latentSize, "latent"), z.length), z.length, config.inputSize);
	}

	/**
	 * Decoder mean of latent vectors given only at the chosen coordinates
	 * (n x coords.length); the other coordinates are set to 0, the prior mean.
	 */
	public float[][] decodeMean(float[][] zActive, int[] coordinates) {
		float[] flat = flatten(zActive, coordinates.length, "latent");
		return rows(decoder.output(embedLatent(flat, zActive.length, coordinates), zActive.length), zActive.length, config.inputSize);
	}

	/**
	 * One component of the decoder mean, e.g. the newest sample of the delay vector, for n
	 * latent vectors given at the chosen coordinates (row-major, n x coords.length):
	 * cheaper than decoding the whole vector when only that component is needed.
	 */
	public float[] decodeMeanComponent(float[] zActive, int n, int[] coordinates, int component) {
		if (component < 0 || component >= config.inputSize) throw new IllegalArgumentException("component " + component);
		if (zActive.length < n * coordinates.length) throw new IllegalArgumentException("Expected " + n + " x " + coordinates.length + " latent values");
		return decoder.outputColumn(embedLatent(zActive, n, coordinates), n, component);
	}

	/** Latent vectors (n x L) with the chosen coordinates set from {@code zActive} and the others 0. */
	private float[] embedLatent(float[] zActive, int n, int[] coordinates) {
		checkCoordinates(coordinates);
		int l = config.latentSize, k = coordinates.length;
		float[] z = new float[n * l];
		for (int i = 0; i < n; i++)
			for (int j = 0; j < k; j++)
				z[i * l + coordinates[j]] = zActive[i * k + j];
		return z;
	}

	/**
	 * Encoder means of all rows of {@code data}, in order, restricted to
	 * {@code coordinates} (null = all), computed in batches.
	 */
	public float[][] encodeMean(RowSource data, int[] coordinates, Progress progress) {
		if (data.width() != config.inputSize)
			throw new UserInputException("The autoencoder expects rows of width " + config.inputSize + " but the data has width " + data.width() + ".");
		if (coordinates != null) checkCoordinates(coordinates);
		NetworkThreads.ensureConfigured();
		long rows = data.rows();
		if (rows > Integer.MAX_VALUE - 8) throw new UserInputException("Too many rows to encode at once (" + rows + ").");
		int l = config.latentSize;
		int[] coords = coordinates != null ? coordinates : java.util.stream.IntStream.range(0, l).toArray();
		float[][] result = new float[(int) rows][];
		int bs = 2048;
		long[] idx = new long[bs];
		Mlp.Cache c = encoder.newCache(bs);
		for (long from = 0; from < rows; from += bs) {
			progress.checkCancelled("Encoding");
			int n = (int) Math.min(bs, rows - from);
			if (n < bs) c = encoder.newCache(n);
			for (int i = 0; i < n; i++)
				idx[i] = from + i;
			data.copyRows(idx, 0, n, c.input());
			float[] out = encoder.forward(c);
			for (int i = 0; i < n; i++) {
				float[] mu = new float[coords.length];
				for (int j = 0; j < coords.length; j++)
					mu[j] = out[i * 2 * l + coords[j]];
				result[(int) from + i] = mu;
			}
			progress.report("Encoding", (from + n) / (double) rows, null);
		}
		return result;
	}

	private static float[] flatten(float[][] x, int width, String what) {
		float[] flat = new float[x.length * width];
		for (int i = 0; i < x.length; i++) {
			if (x[i].length != width)
				throw new IllegalArgumentException("Expected rows of " + width + " " + what + " values, row " + i + " has " + x[i].length);
			System.arraycopy(x[i], 0, flat, i * width, width);
		}
		return flat;
	}

	private static float[][] rows(float[] flat, int n, int width) {
		float[][] r = new float[n][];
		for (int i = 0; i < n; i++)
			r[i] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
		return r;
	}

	private void checkCoordinates(int[] coordinates) {
		for (int c : coordinates)
			if (c < 0 || c >= config.latentSize)
				throw new IllegalArgumentException("Latent coordinate " + c + " is outside 0.." + (config.latentSize - 1));
	}

	// ---------------------------------------------------------------- persistence

	/** Writes configuration and weights; does not close {@code out}. */
	public void save(OutputStream out) throws IOException {
		Mlp enc = encoder, dec = decoder;
		ModelStreams.write(out, KIND, FORMAT_VERSION, d -> {
			config.write(d);
			enc.write(d);
			dec.write(d);
		});
	}

	/**
	 * Reads an autoencoder written by {@link #save(OutputStream)}, consuming exactly its
	 * bytes.
	 *
	 * @throws UserInputException if the stream does not hold an intact saved autoencoder
	 */
	public static VariationalAutoencoder load(InputStream in) throws IOException {
		return ModelStreams.read(in, KIND, "autoencoder", FORMAT_VERSION, d -> {
			Config c = Config.read(d);
			Mlp enc = ModelStreams.readNetwork(d, encoderSizes(c), c.activation);
			Mlp dec = ModelStreams.readNetwork(d, decoderSizes(c), c.activation);
			return new VariationalAutoencoder(c, enc, dec);
		});
	}
}
