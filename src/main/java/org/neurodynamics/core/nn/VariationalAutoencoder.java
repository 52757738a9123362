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
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
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
 * The network is written with ND4J matrix products and a hand-written backward pass
 * (checked against finite differences in the tests); see {@link Mlp}.
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

		/** Defaults: hidden 256-128, tanh, L = 8, beta = 0.01, lr 1e-3, batch 256, 50 epochs, seed 0. */
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

		@Override
		public String toString() {
			return "VAE[De=" + inputSize + ", hidden=" + Arrays.toString(hidden) + ", L=" + latentSize + ", beta=" + beta
				+ ", lr=" + learningRate + ", batch=" + batchSize + ", epochs=" + epochs + ", seed=" + seed
				+ ", samples/epoch=" + (maxSamplesPerEpoch == 0 ? "all" : maxSamplesPerEpoch) + ", " + activation + "]";
		}
	}

	/** Statistics of one training epoch (averages over the minibatches of the epoch). */
	public static final class Epoch {
		public final int epoch;
		public final double loss;
		public final double reconstructionMse;
		/** Total KL (sum over coordinates), averaged over the samples. */
		public final double kl;
		private final float[] klPerCoordinate;
		private final float[] meanVariance;

		Epoch(int epoch, double loss, double reconstructionMse, double kl, float[] klPerCoordinate, float[] meanVariance) {
			this.epoch = epoch;
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
	public static final class History {
		private final List<Epoch> epochs;
		public final long samplesSeen;
		public final double seconds;
		public final String threads;

		History(List<Epoch> epochs, long samplesSeen, double seconds, String threads) {
			this.epochs = Collections.unmodifiableList(new ArrayList<>(epochs));
			this.samplesSeen = samplesSeen;
			this.seconds = seconds;
			this.threads = threads;
		}

		public List<Epoch> epochs() { return epochs; }

		public Epoch last() {
			if (epochs.isEmpty()) throw new IllegalStateException("No epoch was trained");
			return epochs.get(epochs.size() - 1);
		}

		/** Training samples per second of wall time. */
		public double samplesPerSecond() { return seconds > 0 ? samplesSeen / seconds : 0; }

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
	private final DataType dtype;
	private volatile Mlp encoder;
	private volatile Mlp decoder;

	/** A new autoencoder with weights initialised from {@code config.seed}. */
	public VariationalAutoencoder(Config config) {
		this(config, DataType.FLOAT);
	}

	VariationalAutoencoder(Config config, DataType dtype) {
		config.validate();
		NetworkThreads.ensureConfigured();
		this.config = config;
		this.dtype = dtype;
		encoder = new Mlp(encoderSizes(config), config.activation, dtype);
		decoder = new Mlp(decoderSizes(config), config.activation, dtype);
		Random rnd = new Random(config.seed);
		encoder.initialise(rnd);
		decoder.initialise(rnd);
	}

	private VariationalAutoencoder(Config config, Mlp encoder, Mlp decoder) {
		NetworkThreads.ensureConfigured();
		this.config = config;
		this.dtype = encoder.dtype;
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

	/** Buffers of one minibatch size. */
	private static final class Batch {
		final Mlp.Cache enc, dec;
		final INDArray mu, logVar, sigma, eps, dOut, dEnc, dMu, dLogVar, kl, tmp;
		final float[] hostX, hostEps;

		Batch(Mlp encoder, Mlp decoder, int n, int latent) {
			enc = encoder.newCache(n);
			dec = decoder.newCache(n);
			INDArray out = enc.output();
			mu = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent));
			logVar = out.get(NDArrayIndex.all(), NDArrayIndex.interval(latent, 2 * latent));
			DataType dt = encoder.dtype;
			sigma = Nd4j.create(dt, n, latent);
			eps = Nd4j.create(dt, n, latent);
			kl = Nd4j.create(dt, n, latent);
			tmp = Nd4j.create(dt, n, latent);
			dOut = Nd4j.create(dt, n, decoder.outputSize());
			dEnc = Nd4j.create(dt, n, 2 * latent);
			dMu = dEnc.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent));
			dLogVar = dEnc.get(NDArrayIndex.all(), NDArrayIndex.interval(latent, 2 * latent));
			hostX = new float[n * encoder.inputSize()];
			hostEps = new float[n * latent];
		}
	}

	/**
	 * Forward and backward pass on one minibatch whose input is in {@code b.enc.input()}
	 * and noise in {@code b.eps}; adds the gradients into the networks' gradient vectors.
	 *
	 * @return {sum over the batch of the per-sample reconstruction MSE}; the per-coordinate
	 *         KL of every sample is left in {@code b.kl}
	 */
	static double lossAndGradient(Mlp enc, Mlp dec, Batch b, double beta) {
		int n = b.enc.n;
		int de = dec.outputSize();
		enc.forward(b.enc);
		// sigma = exp(logVar / 2), z = mu + sigma * eps
		b.tmp.assign(b.logVar).muli(0.5);
		Nd4j.exec(new Exp(b.tmp, b.sigma));
		INDArray z = b.dec.input();
		z.assign(b.eps).muli(b.sigma).addi(b.mu);
		INDArray xHat = dec.forward(b.dec);
		b.dOut.assign(xHat).subi(b.enc.input());
		double sse = b.dOut.norm2Number().doubleValue();
		sse *= sse;
		b.dOut.muli(2.0 / ((double) n * de));
		// KL per sample and coordinate: 0.5 (mu^2 + sigma^2 - 1 - logVar)
		b.kl.assign(b.mu).muli(b.mu);
		b.tmp.assign(b.sigma).muli(b.sigma);
		b.kl.addi(b.tmp).subi(b.logVar).subi(1.0).muli(0.5);
		INDArray dz = dec.backward(b.dec, b.dOut, true);
		// d/dmu = dz + beta mu / n ; d/dlogVar = dz eps sigma / 2 + beta (sigma^2 - 1) / (2n)
		b.dMu.assign(b.mu).muli(beta / n).addi(dz);
		b.tmp.subi(1.0).muli(beta / (2.0 * n));
		b.dLogVar.assign(dz).muli(b.eps).muli(b.sigma).muli(0.5).addi(b.tmp);
		enc.backward(b.enc, b.dEnc, false);
		return sse / de;
	}

	/** Total loss of one minibatch with the given noise, without gradients (for tests). */
	static double loss(Mlp enc, Mlp dec, INDArray x, INDArray eps, double beta) {
		int latent = eps.columns();
		INDArray out = enc.output(x);
		INDArray mu = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent));
		INDArray lv = out.get(NDArrayIndex.all(), NDArrayIndex.interval(latent, 2 * latent));
		INDArray sigma = org.nd4j.linalg.ops.transforms.Transforms.exp(lv.mul(0.5), true);
		INDArray z = eps.mul(sigma).addi(mu);
		INDArray xHat = dec.output(z);
		double mse = xHat.sub(x).norm2Number().doubleValue();
		mse = mse * mse / x.length();
		double kl = mu.mul(mu).addi(sigma.mul(sigma)).subi(lv).subi(1.0).muli(0.5).sumNumber().doubleValue() / x.rows();
		return mse + beta * kl;
	}

	// package-private access for gradient tests
	Mlp encoderNet() { return encoder; }
	Mlp decoderNet() { return decoder; }

	static double gradientForTest(Mlp enc, Mlp dec, INDArray x, INDArray eps, double beta) {
		Batch b = new Batch(enc, dec, x.rows(), eps.columns());
		b.enc.input().assign(x);
		b.eps.assign(eps);
		enc.grads.assign(0);
		dec.grads.assign(0);
		return lossAndGradient(enc, dec, b, beta);
	}

	/**
	 * Trains on the rows of {@code data} (each of width {@link #inputSize()}), streaming
	 * shuffled minibatches. The weights of this object change only if training completes;
	 * if {@code progress} cancels, {@link org.neurodynamics.core.CancelledException} is
	 * thrown and this object is unchanged.
	 */
	public History train(RowSource data, Progress progress) {
		if (data.width() != config.inputSize)
			throw new UserInputException("The autoencoder expects rows of width " + config.inputSize + " but the data has width " + data.width() + ".");
		long rows = data.rows();
		if (rows < 1) throw new UserInputException("There are no rows to train the autoencoder on.");
		if (rows > Integer.MAX_VALUE - 8) throw new UserInputException("Too many rows (" + rows + ") for one training run; use 'samples per epoch'.");
		NetworkThreads.ensureConfigured();
		String stage = "Training autoencoder";
		final int latent = config.latentSize;
		Mlp enc = encoder.copy(), dec = decoder.copy();
		AdamOptimiser optEnc = new AdamOptimiser(enc, config.learningRate, 0);
		AdamOptimiser optDec = new AdamOptimiser(dec, config.learningRate, 0);
		Random rnd = new Random(config.seed * 0x9E3779B97F4A7C15L + 1);
		long[] index = new long[(int) rows];
		for (int i = 0; i < index.length; i++)
			index[i] = i;
		int perEpoch = (int) (config.maxSamplesPerEpoch > 0 ? Math.min(rows, config.maxSamplesPerEpoch) : rows);
		Map<Integer, Batch> batches = new HashMap<>();
		List<Epoch> epochs = new ArrayList<>();
		INDArray klSum = Nd4j.create(dtype, latent), muSum = Nd4j.create(dtype, latent), mu2Sum = Nd4j.create(dtype, latent);
		long seen = 0;
		long t0 = System.nanoTime();
		int batchesPerEpoch = (perEpoch + config.batchSize - 1) / config.batchSize;
		progress.report(stage, 0, config.toString());
		for (int e = 0; e < config.epochs; e++) {
			// partial Fisher-Yates: the first perEpoch entries become a uniform random sample
			for (int i = 0; i < perEpoch; i++) {
				int j = i + rnd.nextInt(index.length - i);
				long t = index[i];
				index[i] = index[j];
				index[j] = t;
			}
			klSum.assign(0);
			muSum.assign(0);
			mu2Sum.assign(0);
			double recon = 0;
			for (int from = 0, bi = 0; from < perEpoch; from += config.batchSize, bi++) {
				progress.checkCancelled(stage);
				int n = Math.min(config.batchSize, perEpoch - from);
				Batch b = batches.computeIfAbsent(n, k -> new Batch(enc, dec, k, latent));
				data.copyRows(index, from, n, b.hostX);
				Mlp.put(b.enc.input(), b.hostX, n * config.inputSize);
				for (int i = 0; i < n * latent; i++)
					b.hostEps[i] = (float) rnd.nextGaussian();
				Mlp.put(b.eps, b.hostEps, n * latent);
				recon += lossAndGradient(enc, dec, b, config.beta);
				klSum.addi(b.kl.sum(0));
				muSum.addi(b.mu.sum(0));
				mu2Sum.addi(b.mu.mul(b.mu).sum(0));
				optEnc.step(e);
				optDec.step(e);
				seen += n;
				if ((bi & 15) == 15)
					progress.report(stage, (e + (bi + 1.0) / batchesPerEpoch) / config.epochs, "epoch " + (e + 1) + "/" + config.epochs);
			}
			float[] kl = klSum.div(perEpoch).castTo(DataType.FLOAT).toFloatVector();
			float[] m1 = muSum.div(perEpoch).castTo(DataType.FLOAT).toFloatVector();
			float[] m2 = mu2Sum.div(perEpoch).castTo(DataType.FLOAT).toFloatVector();
			float[] var = new float[latent];
			double klTotal = 0;
			for (int j = 0; j < latent; j++) {
				var[j] = Math.max(0f, m2[j] - m1[j] * m1[j]);
				klTotal += kl[j];
			}
			double mse = recon / perEpoch;
			double loss = mse + config.beta * klTotal;
			if (!Double.isFinite(loss))
				throw new UserInputException("Autoencoder training diverged at epoch " + (e + 1) + " (loss " + loss + "); try a smaller learning rate.");
			epochs.add(new Epoch(e + 1, loss, mse, klTotal, kl, var));
			progress.report(stage, (e + 1.0) / config.epochs, String.format("epoch %d/%d: loss %.5g, MSE %.5g, KL %.4g", e + 1, config.epochs, loss, mse, klTotal));
		}
		double seconds = (System.nanoTime() - t0) * 1e-9;
		encoder = enc;
		decoder = dec;
		return new History(epochs, seen, seconds, NetworkThreads.describe());
	}

	// ---------------------------------------------------------------- inference

	/** Encoder means mu of a batch of rows (n x De -> n x L). */
	public INDArray encodeMean(INDArray x) {
		checkColumns(x, config.inputSize, "input");
		INDArray out = encoder.output(cast(x));
		return out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, config.latentSize)).dup();
	}

	/** Encoder log-variances log sigma^2 of a batch of rows (n x De -> n x L). */
	public INDArray encodeLogVariance(INDArray x) {
		checkColumns(x, config.inputSize, "input");
		INDArray out = encoder.output(cast(x));
		return out.get(NDArrayIndex.all(), NDArrayIndex.interval(config.latentSize, 2 * config.latentSize)).dup();
	}

	/** Encoder means restricted to the chosen latent coordinates (n x coords.length). */
	public INDArray encodeMean(INDArray x, int[] coordinates) {
		checkCoordinates(coordinates);
		return encodeMean(x).getColumns(coordinates);
	}

	/** Decoder mean of a batch of latent vectors (n x L -> n x De). */
	public INDArray decodeMean(INDArray z) {
		checkColumns(z, config.latentSize, "latent");
		return decoder.output(cast(z));
	}

	/**
	 * Decoder mean of latent vectors given only at the chosen coordinates
	 * (n x coords.length); the other coordinates are set to 0, the prior mean.
	 */
	public INDArray decodeMean(INDArray zActive, int[] coordinates) {
		return decoder.output(embedLatent(zActive, coordinates));
	}

	/**
	 * One component of the decoder mean (n x 1), e.g. the newest sample of the delay vector:
	 * cheaper than decoding the whole vector when only that component is needed.
	 */
	public INDArray decodeMeanComponent(INDArray zActive, int[] coordinates, int component) {
		if (component < 0 || component >= config.inputSize) throw new IllegalArgumentException("component " + component);
		return decoder.outputColumn(embedLatent(zActive, coordinates), component);
	}

	/** Latent vectors with the chosen coordinates set from {@code zActive} and the others 0. */
	private INDArray embedLatent(INDArray zActive, int[] coordinates) {
		checkCoordinates(coordinates);
		checkColumns(zActive, coordinates.length, "latent");
		INDArray z = Nd4j.zeros(dtype, zActive.rows(), config.latentSize);
		INDArray src = cast(zActive);
		for (int i = 0; i < coordinates.length; i++)
			z.getColumn(coordinates[i]).assign(src.getColumn(i));
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
		int k = coordinates == null ? config.latentSize : coordinates.length;
		float[][] result = new float[(int) rows][];
		int bs = 2048;
		long[] idx = new long[bs];
		float[] host = new float[bs * config.inputSize];
		for (long from = 0; from < rows; from += bs) {
			progress.checkCancelled("Encoding");
			int n = (int) Math.min(bs, rows - from);
			for (int i = 0; i < n; i++)
				idx[i] = from + i;
			data.copyRows(idx, 0, n, host);
			INDArray x = Nd4j.create(DataType.FLOAT, n, config.inputSize);
			Mlp.put(x, host, n * config.inputSize);
			INDArray mu = coordinates == null ? encodeMean(x) : encodeMean(x, coordinates);
			float[] flat = mu.castTo(DataType.FLOAT).dup('c').data().asFloat();
			for (int i = 0; i < n; i++)
				result[(int) from + i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
			progress.report("Encoding", (from + n) / (double) rows, null);
		}
		return result;
	}

	private INDArray cast(INDArray x) {
		return x.dataType() == dtype ? x : x.castTo(dtype);
	}

	private static void checkColumns(INDArray x, int expected, String what) {
		if (x.rank() != 2 || x.columns() != expected)
			throw new IllegalArgumentException("Expected a matrix with " + expected + " " + what + " columns, got shape " + Arrays.toString(x.shape()));
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
			d.writeInt(config.inputSize);
			ModelStreams.writeSizes(d, config.hidden);
			d.writeInt(config.latentSize);
			d.writeDouble(config.beta);
			d.writeDouble(config.learningRate);
			d.writeInt(config.batchSize);
			d.writeInt(config.epochs);
			d.writeLong(config.seed);
			d.writeLong(config.maxSamplesPerEpoch);
			d.writeUTF(config.activation.name());
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
			int inputSize = d.readInt();
			int[] hidden = ModelStreams.readSizes(d);
			int latent = d.readInt();
			double beta = d.readDouble(), lr = d.readDouble();
			int bs = d.readInt(), epochs = d.readInt();
			long seed = d.readLong(), maxSamples = d.readLong();
			Activation act = Activation.valueOf(d.readUTF());
			Config c = new Config(inputSize, hidden, latent, beta, lr, bs, epochs, seed, maxSamples, act);
			c.validate();
			Mlp enc = Mlp.read(d, DataType.FLOAT);
			Mlp dec = Mlp.read(d, DataType.FLOAT);
			if (!Arrays.equals(enc.sizes, encoderSizes(c)) || !Arrays.equals(dec.sizes, decoderSizes(c)))
				throw new IOException("layer sizes do not match the configuration");
			return new VariationalAutoencoder(c, enc, dec);
		});
	}
}
