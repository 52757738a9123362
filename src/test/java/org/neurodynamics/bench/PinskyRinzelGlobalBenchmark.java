package org.neurodynamics.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.PulseTrain;
import org.neurodynamics.core.fit.FitListener;
import org.neurodynamics.core.fit.FitOptions;
import org.neurodynamics.core.fit.FitProblem;
import org.neurodynamics.core.fit.FitResult;
import org.neurodynamics.core.fit.FitStart;
import org.neurodynamics.core.fit.Fitter;

/**
 * Pinsky-Rinzel recovery of 6 conductance multipliers (soma + dendrite recorded, 5 pulses
 * 3 nA 5 ms, 500 ms, dt 0.05) from multipliers 1 with a global stage before Adam. Targets:
 * the four of the 2026-11-24 results, then random ones with multipliers uniform in
 * [0.7, 1.4] (java.util.Random seed 12). One fit at a time, one thread.
 *
 * <pre>
 * java -cp ... org.neurodynamics.bench.PinskyRinzelGlobalBenchmark [start] [cases] [starts] [probe] [keep] [iterations]
 *   start: SINGLE | MULTI_START | CMA_ES_THEN_ADAM; cases e.g. 0-23 or 2,3
 * </pre>
 */
public final class PinskyRinzelGlobalBenchmark {

	static final String[] NAMES = { "gNa", "gKDR", "gCa", "gKC", "gKAHP", "gc" };
	static final double[][] FIXED = { { 1.2, 0.8, 1.2, 0.8, 1.2, 0.8 }, { 1.2, 1.2, 0.8, 0.8, 1.2, 1.2 },
		{ 0.8, 0.8, 1.2, 1.2, 0.8, 1.2 }, { 1.2, 0.8, 0.8, 1.2, 0.8, 1.2 } };

	/** Case i: the fixed targets 0-3, then random targets from seed 12. */
	static double[][] targets(int count) {
		double[][] t = new double[count][];
		Random random = new Random(12);
		for (int i = 0; i < count; i++) {
			if (i < FIXED.length) t[i] = FIXED[i];
			else {
				t[i] = new double[NAMES.length];
				for (int k = 0; k < t[i].length; k++) t[i][k] = 0.7 + 0.7 * random.nextDouble();
			}
		}
		return t;
	}

	public static void main(String[] args) {
		FitStart start = FitStart.valueOf(args.length > 0 ? args[0] : "MULTI_START");
		int[] cases = cases(args.length > 1 ? args[1] : "0-23");
		int starts = args.length > 2 ? Integer.parseInt(args[2]) : 32, probe = args.length > 3 ? Integer.parseInt(args[3]) : 10;
		int keep = args.length > 4 ? Integer.parseInt(args[4]) : 2, iterations = args.length > 5 ? Integer.parseInt(args[5]) : 800;
		double low = Double.parseDouble(System.getProperty("low", "0.5")), high = Double.parseDouble(System.getProperty("high", "2"));
		int generations = Integer.getInteger("generations", 15);
		double[][] truths = targets(24);
		CableModel pr = CableModels.pinskyRinzel();
		int pass = 0;
		System.out.printf(Locale.ROOT, "# %s starts %d probe %d keep %d iterations %d range [%s, %s] generations %d protocol %s%n",
			start, starts, probe, keep, iterations, low, high, generations, System.getProperty("proto", "pulses"));
		System.out.println("| case | truth | recovered | worst error | initial loss | final loss | simulations | time (s) | within 5% |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		for (int i : cases) {
			FitProblem p = GradientDiffusionBenchmark.problem(pr, protocol(System.getProperty("proto", "pulses")),
				new int[] { 0, 1 }, NAMES, truths[i]);
			double initial = p.loss(new double[NAMES.length], p.steps(), null);
			FitOptions o = new FitOptions().iterations(iterations).curriculum(0.2, 300).start(start)
				.multiStart(starts, probe, keep, low, high).globalGenerations(generations).threads(1).polish(Integer.getInteger("polish", 30));
			long t0 = System.nanoTime();
			FitResult r = Fitter.fit(p, o, FitListener.NONE, Progress.NONE);
			double seconds = (System.nanoTime() - t0) * 1e-9;
			double[] m = r.multipliers();
			double worst = 0;
			for (int k = 0; k < m.length; k++) worst = Math.max(worst, Math.abs(m[k] / truths[i][k] - 1));
			boolean ok = worst <= 0.05;
			if (ok) pass++;
			long sims = r.history().isEmpty() ? 0 : r.history().get(r.history().size() - 1).simulations;
			System.out.printf(Locale.ROOT, "| %d | %s | %s | %.2f%% | %.3g | %.3g | %d | %.1f | %s |%n", i, round(truths[i]),
				round(m), 100 * worst, initial, r.loss(), sims, seconds, ok ? "yes" : "**no**");
		}
		System.out.printf(Locale.ROOT, "within 5%%: %d of %d%n", pass, cases.length);
	}

	/**
	 * "pulses": 5 pulses of 3 nA, 5 ms, every 100 ms (the 2026-11-24 protocol); "mixed": 3 nA 5 ms
	 * pulses at 10, 210, 410 ms and 1 nA 20 ms pulses at 110, 310 ms (doublets and longer bursts).
	 */
	static Protocol protocol(String name) {
		switch (name) {
			case "pulses": return GradientDiffusionBenchmark.prProtocol(500, 0.05);
			case "mixed": return new Protocol(List.of(new Injection(0, new PulseTrain(10, 5, 200, 3.0)),
				new Injection(0, new PulseTrain(110, 20, 200, 1.0))), 0.05, 500);
			default: throw new IllegalArgumentException("protocol " + name);
		}
	}

	static int[] cases(String spec) {
		if (spec.contains("-")) {
			String[] ab = spec.split("-");
			int a = Integer.parseInt(ab[0]), b = Integer.parseInt(ab[1]);
			int[] c = new int[b - a + 1];
			for (int i = 0; i < c.length; i++) c[i] = a + i;
			return c;
		}
		return Arrays.stream(spec.split(",")).mapToInt(Integer::parseInt).toArray();
	}

	static String round(double[] x) {
		StringBuilder sb = new StringBuilder("[");
		for (int i = 0; i < x.length; i++) sb.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.3f", x[i]));
		return sb.append(']').toString();
	}
}
