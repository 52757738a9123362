package org.neurodynamics.core.reconstruct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.embed.DelayEmbedding;
import org.neurodynamics.core.embed.NearestNeighbours;
import org.neurodynamics.core.embed.Normalisation;
import org.neurodynamics.core.nn.VariationalAutoencoder;
import org.neurodynamics.core.trace.Trace;

/**
 * Reads the state-space dimension off autoencoder training by asking, for every latent
 * size L, whether the L latent coordinates are a <em>state</em>: whether they determine
 * the future of the trace.
 * <p>
 * Protocol: for L = 1..maxLatent and a few seeds, train a small autoencoder (small beta,
 * so every coordinate is used) on the same delay vectors a reconstruction uses; encode
 * every window to its latent mean and standardise the coordinates; for evenly spaced
 * query windows find the nearest neighbours in latent space (excluding windows that
 * overlap the query in time) and compare the trace {@code horizon} samples after the
 * query with the trace after its neighbours. The forecast error E(L) (mean squared
 * difference / 2, in units of the trace's variance: 1 for random pairs, 0 for a perfect
 * state) falls steeply while coordinates are missing (false neighbours: windows that look
 * alike but lie at different values of an unseen variable, e.g. the slow variable of a
 * burster) and levels off once the latent is a state. The reconstruction error keeps
 * falling with L (METHODS.md section 4) and is shown only as evidence.
 * <p>
 * Decision rule: the smallest L whose seed-averaged E(L) is within
 * {@code relativeTolerance} of the best E plus {@code absoluteTolerance} (the absolute
 * part is the floor that observation noise and finite data leave). Confidence: the
 * fraction of bootstrap resamples (a random seed per L, query windows resampled) that
 * read the same dimension.
 */
public final class DimensionAnalysis {

	/**
	 * Settings of the analysis; defaults fit a 50,000-sample trace in about a minute. The
	 * embedding, the seed and the batch size are those of {@link #reconstruction}, the
	 * reconstruction the dimension is read for: one source for what both stages share.
	 */
	public static final class Settings {
		/**
		 * The reconstruction's settings: the analysis embeds the traces as it does (every
		 * embedding field) and trains with its seed and batch size.
		 */
		public final ReconstructionSettings reconstruction;

		// The forecast test.
		public int maxLatent = DEFAULT_MAX_LATENT;
		public int seeds = 2;
		/** Forecast horizon in (subsampled) samples; 0 = half the embedding window. */
		public int horizon = 0;
		/** Neighbours whose futures are averaged for the forecast. */
		public int neighbours = 3;
		public int queries = 1500;
		public int references = 20000;
		public double relativeTolerance = 0.25;
		public double absoluteTolerance = 0.02;
		public int bootstrap = 200;

		// The autoencoders of the test: a deliberate choice of their own, not the state
		// autoencoder's (ReconstructionSettings). seeds x maxLatent of them are trained and
		// each needs only a latent that uses every coordinate, not a decoder that draws a
		// spike: narrower, fewer epochs, a KL weight small enough that no coordinate
		// collapses in that short training. Validated at these values in
		// bench/results/dimension-2026-11-24.md.
		public int[] hidden = { 64, 32 };
		public int epochs = 20;
		public long samplesPerEpoch = 8192;
		public double beta = 1e-3;
		public double learningRate = 1e-3;

		/** The analysis with a default reconstruction's embedding and seed. */
		public Settings() {
			this(new ReconstructionSettings());
		}

		private Settings(ReconstructionSettings reconstruction) {
			this.reconstruction = reconstruction;
		}

		void validate() {
			reconstruction.validate();
			if (maxLatent < 2 || maxLatent > 12) throw new UserInputException("The largest latent size must be between 2 and 12, got " + maxLatent + ".");
			if (seeds < 1 || seeds > 10) throw new UserInputException("Use between 1 and 10 seeds, got " + seeds + ".");
			if (epochs < 1) throw new UserInputException("Give at least one training epoch.");
			if (neighbours < 1 || queries < 20 || references < 100) throw new UserInputException("Use at least 1 neighbour, 20 queries and 100 reference windows.");
			if (horizon < 0) throw new UserInputException("The forecast horizon must be 0 (automatic) or positive, got " + horizon + ".");
			if (!(relativeTolerance >= 0) || !(absoluteTolerance >= 0)) throw new UserInputException("Tolerances must be zero or positive.");
		}

		/**
		 * The analysis a reconstruction with {@code r} runs: its embedding, seed and batch
		 * size, latent sizes up to its latent size (at most {@value DimensionAnalysis#DEFAULT_MAX_LATENT}).
		 */
		public static Settings forReconstruction(ReconstructionSettings r) {
			Settings s = new Settings(r);
			s.maxLatent = Math.max(2, Math.min(r.latentSize, DEFAULT_MAX_LATENT));
			return s;
		}
	}

	/** Largest latent size tried by default: the models in view have at most four state variables. */
	static final int DEFAULT_MAX_LATENT = 5;

	/** One trained autoencoder: latent size, seed and what it showed. */
	public static final class Run {
		public final int latentSize;
		public final long seed;
		public final VariationalAutoencoder.History history;
		/** Forecast error of every query window (squared difference / 2, variance units). */
		final double[] queryErrors;
		public final double forecastError;
		public final double reconstructionMse;
		public final double seconds;

		Run(int latentSize, long seed, VariationalAutoencoder.History history, double[] queryErrors, double seconds) {
			this.latentSize = latentSize;
			this.seed = seed;
			this.history = history;
			this.queryErrors = queryErrors;
			this.forecastError = mean(queryErrors);
			this.reconstructionMse = history.last().reconstructionMse;
			this.seconds = seconds;
		}
	}

	/** The evidence and the dimension read from it. */
	public static final class Result {
		public final int[] latentSizes;
		/** runs[l][s]: latent size latentSizes[l], seed s. */
		public final Run[][] runs;
		public final int dimension;
		/** Fraction of bootstrap resamples that read {@link #dimension}. */
		public final double confidence;
		/** Bootstrap counts: votes[d - 1] resamples read dimension d. */
		public final int[] votes;
		/** The reading of every seed alone. */
		public final int[] perSeed;
		public final double threshold;
		public final EmbeddingChoice embedding;
		public final int horizon;
		public final double seconds;

		Result(int[] latentSizes, Run[][] runs, int dimension, double confidence, int[] votes, int[] perSeed,
			double threshold, EmbeddingChoice embedding, int horizon, double seconds)
		{
			this.latentSizes = latentSizes;
			this.runs = runs;
			this.dimension = dimension;
			this.confidence = confidence;
			this.votes = votes;
			this.perSeed = perSeed;
			this.threshold = threshold;
			this.embedding = embedding;
			this.horizon = horizon;
			this.seconds = seconds;
		}

		public double meanForecastError(int l) { return mean(column(l, true)); }
		public double sdForecastError(int l) { return sd(column(l, true)); }
		public double meanReconstructionMse(int l) { return mean(column(l, false)); }
		public double sdReconstructionMse(int l) { return sd(column(l, false)); }

		private double[] column(int l, boolean forecast) {
			double[] v = new double[runs[l].length];
			for (int s = 0; s < v.length; s++) v[s] = forecast ? runs[l][s].forecastError : runs[l][s].reconstructionMse;
			return v;
		}

		/** One line for logs and tables. */
		public String summary() {
			return String.format("state dimension %d (confidence %.0f%%, seeds read %s; forecast error at L = %d: %.3f, threshold %.3f)",
				dimension, 100 * confidence, Arrays.toString(perSeed), dimension, meanForecastError(dimension - 1), threshold);
		}
	}

	private DimensionAnalysis() {}

	/** Embeds the traces as {@code settings.reconstruction} says and runs the analysis. */
	public static Result run(List<Trace> traces, Settings settings, Progress progress) {
		settings.validate();
		if (traces.isEmpty()) throw new UserInputException("No traces were given; choose at least one recorded trace.");
		EmbeddingChoice choice = EmbeddingChoice.choose(traces, settings.reconstruction);
		DelayEmbedding embedding = new DelayEmbedding(traces, choice.layout, choice.subsampling, Normalisation.fit(traces));
		return run(embedding, choice, settings, progress);
	}

	/**
	 * The analysis on an embedding already made (by a reconstruction, which then trains on
	 * the same one) as {@code choice} describes.
	 */
	static Result run(DelayEmbedding embedding, EmbeddingChoice choice, Settings settings, Progress progress) {
		long start = System.nanoTime();
		settings.validate();
		int horizon = settings.horizon > 0 ? settings.horizon : Math.max(1, choice.layout.fine * settings.reconstruction.delay / 2);
		Forecast forecast = new Forecast(embedding, horizon, settings);
		int[] sizes = new int[settings.maxLatent];
		Run[][] runs = new Run[sizes.length][settings.seeds];
		int total = sizes.length * settings.seeds, done = 0;
		long firstSeed = settings.reconstruction.seed;
		for (int l = 0; l < sizes.length; l++) {
			sizes[l] = l + 1;
			for (int s = 0; s < settings.seeds; s++) {
				long t0 = System.nanoTime();
				long seed = firstSeed + 1000L * s;
				VariationalAutoencoder vae = new VariationalAutoencoder(VariationalAutoencoder.Config.of(choice.dimension)
					.withHidden(settings.hidden).withLatentSize(sizes[l]).withBeta(settings.beta).withLearningRate(settings.learningRate)
					.withBatchSize(settings.reconstruction.batchSize).withEpochs(settings.epochs).withSeed(seed).withMaxSamplesPerEpoch(settings.samplesPerEpoch));
				VariationalAutoencoder.History h = vae.train(embedding, Progress.NONE);
				double[] errors = forecast.errors(vae.encodeMean(forecast.rows, null, Progress.NONE));
				runs[l][s] = new Run(sizes[l], seed, h, errors, (System.nanoTime() - t0) / 1e9);
				done++;
				progress.report("Dimension analysis", (double) done / total, String.format("L = %d, seed %d: forecast error %.3f, reconstruction MSE %.4g",
					sizes[l], seed, runs[l][s].forecastError, runs[l][s].reconstructionMse));
				progress.checkCancelled("Dimension analysis");
			}
		}
		double[] means = new double[sizes.length];
		for (int l = 0; l < sizes.length; l++) {
			double[] v = new double[settings.seeds];
			for (int s = 0; s < v.length; s++) v[s] = runs[l][s].forecastError;
			means[l] = mean(v);
		}
		int dimension = decide(means, settings.relativeTolerance, settings.absoluteTolerance);
		double threshold = threshold(means, settings.relativeTolerance, settings.absoluteTolerance);
		int[] perSeed = new int[settings.seeds];
		for (int s = 0; s < perSeed.length; s++) {
			double[] v = new double[sizes.length];
			for (int l = 0; l < sizes.length; l++) v[l] = runs[l][s].forecastError;
			perSeed[s] = decide(v, settings.relativeTolerance, settings.absoluteTolerance);
		}
		int[] votes = new int[sizes.length];
		Random rnd = new Random(firstSeed ^ 0x5DEECE66DL);
		for (int b = 0; b < settings.bootstrap; b++) {
			double[] v = new double[sizes.length];
			for (int l = 0; l < sizes.length; l++) {
				double[] e = runs[l][rnd.nextInt(settings.seeds)].queryErrors;
				double sum = 0;
				for (int i = 0; i < e.length; i++) sum += e[rnd.nextInt(e.length)];
				v[l] = sum / e.length;
			}
			votes[decide(v, settings.relativeTolerance, settings.absoluteTolerance) - 1]++;
		}
		double confidence = settings.bootstrap > 0 ? votes[dimension - 1] / (double) settings.bootstrap : Double.NaN;
		return new Result(sizes, runs, dimension, confidence, votes, perSeed, threshold, choice, horizon, (System.nanoTime() - start) / 1e9);
	}

	/**
	 * The decision rule: the smallest latent size (1-based) whose forecast error is at most
	 * {@code min * (1 + relative) + absolute}, where {@code min} is the smallest error.
	 */
	public static int decide(double[] forecastErrors, double relative, double absolute) {
		double t = threshold(forecastErrors, relative, absolute);
		for (int l = 0; l < forecastErrors.length; l++)
			if (forecastErrors[l] <= t) return l + 1;
		return forecastErrors.length;
	}

	static double threshold(double[] forecastErrors, double relative, double absolute) {
		double min = Double.POSITIVE_INFINITY;
		for (double e : forecastErrors) if (e < min) min = e;
		return min * (1 + relative) + absolute;
	}

	/**
	 * Query and reference windows (evenly spaced, with a future of {@code horizon} samples
	 * inside their trace) and the forecast error of latent nearest neighbours.
	 */
	static final class Forecast {
		final SubsetRows rows;
		final float[] future;
		final int[] trace, time;
		final int queries, references, exclude, k;

		Forecast(DelayEmbedding e, int horizon, Settings settings) {
			List<long[]> usable = new ArrayList<>();
			long count = 0;
			for (int t = 0; t < e.traceCount(); t++) {
				int w = e.windows(t) - horizon;
				if (w > 0) { usable.add(new long[] { t, w }); count += w; }
			}
			if (count < 50) throw new UserInputException("The traces are too short for the dimension analysis: fewer than 50 windows have a future of " + horizon + " samples.");
			references = (int) Math.min(count, settings.references);
			queries = Math.min(settings.queries, references / 2);
			// references evenly spaced over all usable windows; queries are every (references/queries)-th reference
			long[] rowIndex = new long[references];
			future = new float[references];
			trace = new int[references];
			time = new int[references];
			float[][] samples = new float[e.traceCount()][];
			for (int t = 0; t < samples.length; t++) samples[t] = e.normalisedSamples(t);
			for (int i = 0; i < references; i++) {
				long g = i * count / references;
				int u = 0;
				while (g >= usable.get(u)[1]) { g -= usable.get(u)[1]; u++; }
				int t = (int) usable.get(u)[0];
				rowIndex[i] = e.row(t, (int) g);
				trace[i] = t;
				time[i] = e.timeIndexOfRow(rowIndex[i]);
				future[i] = samples[t][time[i] + horizon];
			}
			rows = new SubsetRows(e, rowIndex);
			exclude = (int) Math.ceil(e.span() + horizon);
			k = settings.neighbours;
		}

		/** Forecast error of every query, given the latent means of all reference windows. */
		double[] errors(float[][] latent) {
			int n = latent.length, dim = latent[0].length;
			double[][] z = new double[n][dim];
			for (int j = 0; j < dim; j++) {
				double m = 0, v = 0;
				for (float[] u : latent) m += u[j];
				m /= n;
				for (float[] u : latent) v += (u[j] - m) * (u[j] - m);
				double sd = Math.sqrt(v / n);
				if (!(sd > 1e-12)) sd = 1;
				for (int i = 0; i < n; i++) z[i][j] = (latent[i][j] - m) / sd;
			}
			double[] out = new double[queries];
			int[] best = new int[k];
			double[] bestD = new double[k];
			NearestNeighbours search = new NearestNeighbours(z);
			for (int qi = 0; qi < queries; qi++) {
				int q = (int) ((long) qi * n / queries);
				// references are ordered by trace and time: those of the query's trace within
				// the exclusion window are one run of indices around it
				int from = q, to = q;
				while (from > 0 && trace[from - 1] == trace[q] && Math.abs(time[from - 1] - time[q]) <= exclude) from--;
				while (to < n - 1 && trace[to + 1] == trace[q] && Math.abs(time[to + 1] - time[q]) <= exclude) to++;
				int c = search.search(q, k, from, to, best, bestD);
				double f = 0;
				for (int i = 0; i < c; i++) f += future[best[i]];
				double e = c == 0 ? 0 : future[q] - f / c;
				out[qi] = 0.5 * e * e;
			}
			return out;
		}
	}

	/** A subset of the rows of an embedding, in a given order. */
	static final class SubsetRows implements org.neurodynamics.core.data.RowSource {
		private final DelayEmbedding embedding;
		private final long[] rows;

		SubsetRows(DelayEmbedding embedding, long[] rows) {
			this.embedding = embedding;
			this.rows = rows;
		}

		@Override public long rows() { return rows.length; }
		@Override public int width() { return embedding.width(); }

		@Override
		public void copyRows(long[] indices, int from, int count, float[] out) {
			for (int i = 0; i < count; i++) embedding.copyRow(rows[(int) indices[from + i]], out, i * embedding.width());
		}
	}

	static double mean(double[] v) {
		double s = 0;
		for (double x : v) s += x;
		return v.length == 0 ? Double.NaN : s / v.length;
	}

	static double sd(double[] v) {
		if (v.length < 2) return 0;
		double m = mean(v), s = 0;
		for (double x : v) s += (x - m) * (x - m);
		return Math.sqrt(s / (v.length - 1));
	}
}
