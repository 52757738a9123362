package org.neurodynamics.bench;

import org.neurodynamics.core.nn.MapStepper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.data.RowSource;
import org.neurodynamics.core.data.StateSequence;
import org.neurodynamics.core.nn.Activation;
import org.neurodynamics.core.nn.NetworkThreads;
import org.neurodynamics.core.nn.NeuralMap;
import org.neurodynamics.core.nn.VariationalAutoencoder;

/**
 * Throughput of the networks of the reconstruction (random data; shapes as used on
 * Hindmarsh-Rose): VAE training (De 40, hidden 256-128, L 8, batch 256), map training
 * (3 x 128, rollout 8 and 1, batch 256), map iteration (batch 200, 5000 steps), with 1 and
 * 2 threads; then, on one BLAS thread per map as the plugin trains them, ensembles of 5 maps
 * against one, and the time of a 200-value x 5000-step bifurcation diagram. Usage:
 * {@code NetworkThroughputBenchmark [output.md] [activation] [repeats] [threads]}.
 */
public final class NetworkThroughputBenchmark {

	static final int DE = 40, LATENT = 8, BATCH = 256, MAP_D = 3;

	public static void main(String[] args) throws Exception {
		Path out = args.length > 0 ? Paths.get(args[0]) : null;
		Activation act = args.length > 1 ? Activation.valueOf(args[1]) : Activation.TANH;
		int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 2;
		Map<String, double[]> results = new LinkedHashMap<>();
		int[] threads = args.length > 3 ? new int[] { Integer.parseInt(args[3]) } : new int[] { 1, 2 };
		// alternate thread counts and keep the best of the repeats (the machine may be shared)
		for (int rep = 0; rep < repeats; rep++)
			for (int ti = 0; ti < threads.length; ti++) {
				int t = threads[ti];
				String d = NetworkThreads.configure(t);
				System.out.println("threads " + t + ": " + d);
				record(results, "VAE training (samples/s)", ti, vae(act));
				record(results, "Map training, rollout 8 (windows/s)", ti, map(act, 8));
				record(results, "Map training, rollout 1 (windows/s)", ti, map(act, 1));
				record(results, "Map iteration, batch 200 x 5000 steps (steps/s)", ti, iterate(act));
			}
		// ensembles and the bifurcation diagram, on the threads the plugin uses (one BLAS thread per map)
		NetworkThreads.configure(1);
		for (int rep = 0; rep < repeats; rep++) {
			double one = ensembleSeconds(act, 1), five = ensembleSeconds(act, 5);
			record(results, "Ensemble of 5 maps, training time / one map's", 0, -five / one);
			record(results, "Ensemble of 5 maps, iteration time / one map's", 0, -ensembleIterationRatio(act));
			record(results, "Bifurcation diagram 200 values x 5000 steps, decoded and classified (s)", 0, -bifurcationSeconds());
		}
		StringBuilder md = new StringBuilder();
		md.append("| measurement | 1 thread | 2 threads |\n|---|---:|---:|\n");
		for (Map.Entry<String, double[]> e : results.entrySet())
			md.append(String.format("| %s | %s | %s |%n", e.getKey(), cell(e.getValue()[0]), cell(e.getValue()[1])));
		System.out.println(md);
		if (out != null) {
			Files.createDirectories(out.toAbsolutePath().getParent());
			Files.writeString(out, md.toString());
		}
	}

	/** Keeps the best of the repeats: the largest value, or for a negated value (a time) the smallest time. */
	static void record(Map<String, double[]> r, String key, int col, double v) {
		double[] a = r.computeIfAbsent(key, k -> new double[] { Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY });
		a[col] = Math.max(a[col], v);
		System.out.printf("  %-50s %.2f%n", key, Math.abs(v));
	}

	static final class RandomRows implements RowSource {
		final float[] data;
		final int rows;

		RandomRows(int rows, long seed) {
			this.rows = rows;
			data = new float[rows * DE];
			Random r = new Random(seed);
			for (int i = 0; i < data.length; i++)
				data[i] = (float) r.nextGaussian();
		}

		@Override public long rows() { return rows; }
		@Override public int width() { return DE; }

		@Override
		public void copyRows(long[] idx, int from, int count, float[] out) {
			for (int i = 0; i < count; i++)
				System.arraycopy(data, (int) idx[from + i] * DE, out, i * DE, DE);
		}
	}

	/** Samples per second of VAE training (second of two runs, the first warms up). */
	static double vae(Activation act) {
		RandomRows rows = new RandomRows(25600, 1);
		VariationalAutoencoder.Config c = VariationalAutoencoder.Config.of(DE).withHidden(256, 128).withLatentSize(LATENT)
			.withBatchSize(BATCH).withActivation(act);
		new VariationalAutoencoder(c.withEpochs(1).withMaxSamplesPerEpoch(5120)).train(rows, Progress.NONE);
		VariationalAutoencoder.History h = new VariationalAutoencoder(c.withEpochs(3)).train(rows, Progress.NONE);
		return h.samplesPerSecond();
	}

	static List<StateSequence> sequences(int count, int length) {
		Random r = new Random(2);
		List<StateSequence> s = new ArrayList<>();
		for (int k = 0; k < count; k++) {
			float[][] u = new float[length][MAP_D];
			for (int t = 1; t < length; t++)
				for (int i = 0; i < MAP_D; i++)
					u[t][i] = (float) (0.99 * u[t - 1][i] + 0.1 * r.nextGaussian());
			s.add(new StateSequence(u, k));
		}
		return s;
	}

	/** Training windows per second of map training. */
	static double map(Activation act, int rollout) {
		List<StateSequence> seqs = sequences(4, 6000);
		NeuralMap.Config c = NeuralMap.Config.of(MAP_D).withRolloutSteps(rollout).withBatchSize(BATCH).withActivation(act).withPatience(0);
		new NeuralMap(c.withEpochs(1).withMaxSamplesPerEpoch(2560)).train(seqs, Progress.NONE);
		NeuralMap.History h = new NeuralMap(c.withEpochs(1)).train(seqs, Progress.NONE);
		return h.samplesPerSecond();
	}

	/** Map steps per second, iterating 200 states for 5000 steps. */
	static double iterate(Activation act) {
		NeuralMap map = new NeuralMap(NeuralMap.Config.of(MAP_D).withEpochs(1).withMaxSamplesPerEpoch(256).withActivation(act));
		map.train(sequences(1, 1000), Progress.NONE);
		int n = 200, steps = 5000;
		Random r = new Random(3);
		float[] u = new float[n * MAP_D];
		for (int i = 0; i < u.length; i++)
			u[i] = 0.1f * r.nextFloat();
		float[] pv = new float[n];
		for (int i = 0; i < n; i++)
			pv[i] = i / (float) n;
		MapStepper stepper = map.stepper(n);
		for (int t = 0; t < 200; t++)
			stepper.step(u, pv);
		long t0 = System.nanoTime();
		for (int t = 0; t < steps; t++)
			stepper.step(u, pv);
		double s = (System.nanoTime() - t0) * 1e-9;
		double sum = 0;
		for (float v : u) sum += v;
		if (!Double.isFinite(sum)) System.out.println("(iterates not finite)");
		return (double) n * steps / s;
	}

	private static String cell(double v) {
		if (v == Double.NEGATIVE_INFINITY) return "-";
		return Math.abs(v) >= 100 ? String.format("%.0f", Math.abs(v)) : String.format("%.2f", Math.abs(v));
	}

	/** Wall time of training {@code count} maps (one epoch each) side by side, as a reconstruction trains its candidates. */
	static double ensembleSeconds(Activation act, int count) throws Exception {
		List<StateSequence> seqs = sequences(4, 6000);
		NeuralMap.Config c = NeuralMap.Config.of(MAP_D).withRolloutSteps(16).withBatchSize(BATCH).withActivation(act).withPatience(0)
			.withEpochs(1).withMaxSamplesPerEpoch(8192);
		new NeuralMap(c.withMaxSamplesPerEpoch(1024)).train(seqs, Progress.NONE);
		List<java.util.concurrent.Callable<NeuralMap.History>> tasks = new ArrayList<>();
		for (int m = 0; m < count; m++) {
			long seed = m;
			tasks.add(() -> new NeuralMap(c.withSeed(seed)).train(seqs, Progress.NONE));
		}
		long t0 = System.nanoTime();
		org.neurodynamics.core.Parallel.run("map-training", "Training maps", tasks);
		return (System.nanoTime() - t0) * 1e-9;
	}

	/** Wall time of iterating 5 maps (200 states x 5000 steps each, side by side) over that of one. */
	static double ensembleIterationRatio(Activation act) throws Exception {
		NeuralMap[] maps = new NeuralMap[5];
		for (int m = 0; m < maps.length; m++) {
			maps[m] = new NeuralMap(NeuralMap.Config.of(MAP_D).withEpochs(1).withMaxSamplesPerEpoch(256).withActivation(act).withSeed(m));
			maps[m].train(sequences(1, 1000), Progress.NONE);
		}
		long t0 = System.nanoTime();
		iterateAll(new NeuralMap[] { maps[0] });
		double one = (System.nanoTime() - t0) * 1e-9;
		t0 = System.nanoTime();
		iterateAll(maps);
		return (System.nanoTime() - t0) * 1e-9 / one;
	}

	private static void iterateAll(NeuralMap[] maps) {
		List<java.util.concurrent.Callable<float[]>> tasks = new ArrayList<>();
		for (NeuralMap map : maps)
			tasks.add(() -> {
				int n = 200;
				float[] u = new float[n * MAP_D], p = new float[n];
				for (int i = 0; i < n; i++) p[i] = i / (float) n;
				MapStepper s = map.stepper(n);
				for (int t = 0; t < 5000; t++) s.step(u, p);
				return u;
			});
		org.neurodynamics.core.Parallel.run("map-iteration", "Iterating maps", tasks);
	}

	/**
	 * Seconds of a 200-value x 5000-step bifurcation diagram (iterate, decode every state,
	 * maxima, regime classes) of a Hindmarsh-Rose model with the default network shapes
	 * (briefly trained: the time does not depend on the weights).
	 */
	static double bifurcationSeconds() {
		org.neurodynamics.core.model.ModelSimulator sim = new org.neurodynamics.core.model.ModelSimulator(new org.neurodynamics.core.model.HindmarshRose());
		List<org.neurodynamics.core.trace.Trace> traces = new ArrayList<>();
		for (double i : new double[] { 1.5, 2.25, 3.0, 3.75 }) traces.add(sim.trace(0, i, 4000, 1000, 0.5, 0, 1, Progress.NONE));
		org.neurodynamics.core.reconstruct.ReconstructionSettings s = new org.neurodynamics.core.reconstruct.ReconstructionSettings();
		s.analyseDimension = false;
		s.stateDimension = 3;
		s.autoencoderEpochs = 2;
		s.mapEpochs = 1;
		s.mapCandidates = 1;
		s.samplesPerEpoch = 2048;
		org.neurodynamics.core.reconstruct.ReconstructedModel model = org.neurodynamics.core.reconstruct.Reconstruction.run(traces, s, Progress.NONE).model;
		org.neurodynamics.core.reconstruct.Explorer.Settings d = new org.neurodynamics.core.reconstruct.Explorer.Settings();
		d.grid = new double[200];
		for (int i = 0; i < 200; i++) d.grid[i] = 1.3 + 2.7 * i / 199;
		d.iterations = 5000;
		d.transientSteps = 0;
		d.initialStates = 1;
		d.lyapunovSteps = 0;
		d.fixedPointValues = 0;
		long t0 = System.nanoTime();
		org.neurodynamics.core.reconstruct.Explorer.explore(model, d, Progress.NONE);
		return (System.nanoTime() - t0) * 1e-9;
	}
}
