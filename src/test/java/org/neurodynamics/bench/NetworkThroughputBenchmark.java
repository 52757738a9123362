package org.neurodynamics.bench;

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
 * 2 threads. Usage: {@code NetworkThroughputBenchmark [output.md] [activation]}.
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
		StringBuilder md = new StringBuilder();
		md.append("| measurement | 1 thread | 2 threads |\n|---|---:|---:|\n");
		for (Map.Entry<String, double[]> e : results.entrySet())
			md.append(String.format("| %s | %.0f | %.0f |%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
		System.out.println(md);
		if (out != null) {
			Files.createDirectories(out.toAbsolutePath().getParent());
			Files.writeString(out, md.toString());
		}
	}

	static void record(Map<String, double[]> r, String key, int col, double v) {
		double[] a = r.computeIfAbsent(key, k -> new double[2]);
		a[col] = Math.max(a[col], v);
		System.out.printf("  %-50s %.0f%n", key, v);
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
		NeuralMap.Stepper stepper = map.stepper(n);
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
}
