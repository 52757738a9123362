package org.neurodynamics.bench;

import java.util.ArrayList;
import java.util.List;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.model.HindmarshRose;
import org.neurodynamics.core.model.HodgkinHuxley;
import org.neurodynamics.core.model.ModelSimulator;
import org.neurodynamics.core.model.NeuronModel;
import org.neurodynamics.core.model.ShermanRinzel;
import org.neurodynamics.core.reconstruct.DimensionAnalysis;
import org.neurodynamics.core.trace.Trace;

/**
 * Validation of {@link DimensionAnalysis}: 50,000-sample traces of the built-in models at
 * documented parameter values (Hindmarsh-Rose I = 3, bursting; Sherman-Rinzel lambda = 0.9,
 * bursting; Hodgkin-Huxley I = 10, tonic spiking), without and with observation noise of
 * 1% of the trace's SD, analysis seeds 0, 1, 2 (the noise is drawn from the same seed).
 * Prints one markdown row per run and a summary per model.
 * <p>
 * Run: {@code java -cp ... org.neurodynamics.bench.DimensionBenchmark [hr,sr,hh] [samples] [slow bins]}
 * (slow bins of the delay window: omitted = as Reconstruct Dynamics chooses them, 0 = none).
 */
public final class DimensionBenchmark {

	public static void main(String[] args) {
		String which = args.length > 0 ? args[0] : "hr,sr,hh";
		int samples = args.length > 1 ? Integer.parseInt(args[1]) : 50000;
		// the slow part of the delay window: -1 = as Reconstruct Dynamics chooses it, 0 = fine samples only
		int slowBins = args.length > 2 ? Integer.parseInt(args[2]) : -1;
		List<Object[]> cases = new ArrayList<>();
		if (which.contains("hr")) cases.add(new Object[] { new HindmarshRose(), 3.0, new int[] { 3 } });
		if (which.contains("sr")) cases.add(new Object[] { new ShermanRinzel(), 0.9, new int[] { 3 } });
		if (which.contains("hh")) cases.add(new Object[] { new HodgkinHuxley(), 10.0, new int[] { 3, 4 } });
		System.out.println("| model | p | noise | seed | read | confidence | seeds read | E(L=1..) | recon MSE(L=1..) | seconds |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		List<String> summaries = new ArrayList<>();
		for (Object[] c : cases) {
			NeuronModel m = (NeuronModel) c[0];
			double p = (Double) c[1];
			int[] truth = (int[]) c[2];
			int right = 0, worst = 0, runs = 0;
			double time = 0;
			for (double noise : new double[] { 0, 0.01 }) {
				for (long seed = 0; seed < 3; seed++) {
					double[] t = m.usualTiming();
					Trace trace = new ModelSimulator(m).trace(m.observedVariable(), p, samples * t[2], t[1], t[2], noise, seed, Progress.NONE);
					DimensionAnalysis.Settings s = new DimensionAnalysis.Settings();
					s.reconstruction.seed = seed;
					if (slowBins >= 0) s.reconstruction.slowBins = slowBins;
					DimensionAnalysis.Result r = DimensionAnalysis.run(List.of(trace), s, Progress.NONE);
					int off = Integer.MAX_VALUE;
					for (int d : truth) off = Math.min(off, Math.abs(r.dimension - d));
					if (off == 0) right++;
					worst = Math.max(worst, off);
					runs++;
					time += r.seconds;
					StringBuilder e = new StringBuilder(), mse = new StringBuilder();
					for (int l = 0; l < r.latentSizes.length; l++) {
						e.append(l == 0 ? "" : " ").append(String.format("%.3f", r.meanForecastError(l)));
						mse.append(l == 0 ? "" : " ").append(String.format("%.3f", r.meanReconstructionMse(l)));
					}
					System.out.printf("| %s | %s | %.0f%% | %d | %d | %.0f%% | %s | %s | %s | %.0f |%n", m.name(), p, 100 * noise, seed,
						r.dimension, 100 * r.confidence, java.util.Arrays.toString(r.perSeed), e, mse, r.seconds);
				}
			}
			summaries.add(String.format("%s: right in %d of %d runs, worst error %d, mean time %.0f s", m.name(), right, runs, worst, time / runs));
		}
		for (String s : summaries) System.out.println(s);
		System.exit(0);
	}
}
