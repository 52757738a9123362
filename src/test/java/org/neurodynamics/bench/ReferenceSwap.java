package org.neurodynamics.bench;

import org.neurodynamics.core.nn.MapStepper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.data.StateSequence;
import org.neurodynamics.core.embed.DelayEmbedding;
import org.neurodynamics.core.nn.NeuralMap;
import org.neurodynamics.core.reconstruct.ReconstructedModel;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;
import org.neurodynamics.core.trace.Trace;

/**
 * The plugin's side of the swap between its parts and those of an independent PyTorch
 * implementation ({@code bench/swap/reference_swap.py}, which documents the folders):
 * <pre>
 * ReferenceSwap states TRACES OUT [--set field=value ...]   recovered states of the plugin's autoencoder
 * ReferenceSwap map STATES OUT [--set field=value ...]      the plugin's map trained on a states folder, iterated on the grid
 * </pre>
 * Settings are those of a reconstruction ({@link ReconstructionSettings}, as in
 * {@link ReconstructionBenchmark}); the seed is {@code --set seed=N}.
 */
public final class ReferenceSwap {

	static final double DT = 0.5;
	static final int TRANSIENT = 4000, STEPS = 8000;

	private ReferenceSwap() {}

	public static void main(String[] args) throws IOException {
		for (int i = 3; i < args.length; i++)
			if (args[i].equals("--set")) {
				String[] kv = args[++i].split("=", 2);
				ReconstructionBenchmark.OVERRIDES.put(kv[0], kv[1]);
			}
		ReconstructionSettings settings = ReconstructionBenchmark.settings(
			Long.parseLong(ReconstructionBenchmark.OVERRIDES.getOrDefault("seed", "0")));
		Path in = Paths.get(args[1]), out = Paths.get(args[2]);
		Files.createDirectories(out);
		if (args[0].equals("states")) states(in, out, settings);
		else if (args[0].equals("map")) map(in, out, settings);
		else throw new IllegalArgumentException("states or map, not " + args[0]);
	}

	static void states(Path in, Path out, ReconstructionSettings settings) throws IOException {
		double[] params = Npy.params(in.resolve("params.txt"));
		List<Trace> traces = new ArrayList<>();
		for (int k = 0; k < params.length; k++)
			traces.add(new Trace("I=" + params[k], Npy.readFloats(in.resolve("x_" + k + ".npy")), DT, "t.u.", "")
				.withParameter(params[k], "I"));
		settings.mapEpochs = 1;
		settings.mapCandidates = 1;
		long t0 = System.nanoTime();
		Reconstruction.Result r = Reconstruction.run(traces, settings, ReconstructionBenchmark.LOG);
		ReconstructedModel m = r.model;
		DelayEmbedding embedding = new DelayEmbedding(traces, m.layout(), m.subsampling(), m.normalisation());
		float[][] states = m.autoencoder().encodeMean(embedding, m.activeCoordinates(), Progress.NONE);
		for (int k = 0; k < params.length; k++) {
			int from = (int) embedding.firstRow(k), n = embedding.windows(k);
			Npy.write(out.resolve("z_" + k + ".npy"), Arrays.copyOfRange(states, from, from + n));
			float[] x = traces.get(k).subsample(m.subsampling()).samples();
			Npy.write(out.resolve("x_" + k + ".npy"), new float[][] { Arrays.copyOfRange(x, embedding.span(), embedding.span() + n) });
		}
		Files.write(out.resolve("params.txt"), Files.readAllBytes(in.resolve("params.txt")));
		System.out.printf(Locale.ROOT, "plugin autoencoder: %s, active %s, MSE %.4f, %.0f s%n", m.layout(), Arrays.toString(r.active),
			r.autoencoderHistory.last().reconstructionMse, (System.nanoTime() - t0) / 1e9);
	}

	static void map(Path in, Path out, ReconstructionSettings settings) throws IOException {
		double[] params = Npy.params(in.resolve("params.txt"));
		List<StateSequence> sequences = new ArrayList<>();
		for (int k = 0; k < params.length; k++)
			sequences.add(new StateSequence(Npy.readMatrix(in.resolve("z_" + k + ".npy")), params[k]));
		int d = sequences.get(0).dimension();
		long t0 = System.nanoTime();
		NeuralMap map = new NeuralMap(Reconstruction.mapConfig(settings, d, settings.rolloutSteps, settings.seed));
		NeuralMap.History h = map.train(sequences, ReconstructionBenchmark.LOG);
		double[] grid = grid(params);
		float[] u = new float[grid.length * d], p = new float[grid.length];
		for (int i = 0; i < grid.length; i++) {
			int nearest = 0;
			for (int k = 1; k < params.length; k++) if (Math.abs(params[k] - grid[i]) < Math.abs(params[nearest] - grid[i])) nearest = k;
			StateSequence q = sequences.get(nearest);
			System.arraycopy(q.state(sequences.get(0).length() / 3), 0, u, i * d, d);
			p[i] = (float) grid[i];
		}
		float[][][] orbits = new float[grid.length][STEPS][d];
		MapStepper stepper = map.stepper(grid.length);
		for (int n = 0; n < TRANSIENT + STEPS; n++) {
			stepper.step(u, p);
			if (n >= TRANSIENT) for (int i = 0; i < grid.length; i++) System.arraycopy(u, i * d, orbits[i][n - TRANSIENT], 0, d);
		}
		StringBuilder g = new StringBuilder();
		for (int i = 0; i < grid.length; i++) {
			Npy.write(out.resolve("o_" + i + ".npy"), orbits[i]);
			g.append(grid[i]).append('\n');
		}
		Files.write(out.resolve("grid.txt"), g.toString().getBytes());
		System.out.printf(Locale.ROOT, "plugin map: %s, best epoch %d, %.0f s%n", map.config(), h.bestEpoch, (System.nanoTime() - t0) / 1e9);
	}

	/** 16 values over [1.2, 4.0] and the training values, sorted (as the Python side's grid). */
	static double[] grid(double[] train) {
		java.util.TreeSet<Double> set = new java.util.TreeSet<>();
		for (double v : ReconstructionRegimeCases.linspace(1.2, 4.0, 16)) set.add(v);
		for (double v : train) set.add(v);
		return set.stream().mapToDouble(Double::doubleValue).toArray();
	}
}
