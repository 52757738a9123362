package org.neurodynamics.bench;

import java.util.Arrays;
import java.util.Locale;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.fit.FitIteration;
import org.neurodynamics.core.fit.FitMethod;
import org.neurodynamics.core.fit.FitOptions;
import org.neurodynamics.core.fit.FitProblem;
import org.neurodynamics.core.fit.FitResult;
import org.neurodynamics.core.fit.FitStart;
import org.neurodynamics.core.fit.Fitter;

/**
 * Wall time and simulations to a loss of {@code 1e-3 x} the initial one: the gradient fit
 * (forward sensitivities) against CMA-ES (Hipparchus, the plugin's gradient-free option), on a
 * synthetic target of known multipliers from multipliers 1. Models: Pinsky-Rinzel (6
 * conductances, soma and dendrite recorded, 5 pulses 3 nA 5 ms, 500 ms, dt 0.05; {@code pr0} to
 * {@code pr3} the four fixed targets of PinskyRinzelGlobalBenchmark, multipliers 0.8 and 1.2) and the HH axon
 * (truth 1.3, 0.75, 1.4;
 * gNa, gK, gL; soma recorded; 2 pulses 0.2 nA, 200 ms, dt 0.025). A run stops (through
 * Progress) at the first report of a whole-window loss at or below the target, or at its time
 * budget. One thread, one fit at a time; the JIT is warmed up on each problem first.
 *
 * <pre>
 * java -cp ... org.neurodynamics.bench.FitCostBenchmark [models: pr0,pr1,pr2,pr3,axon] [methods] [CMA-ES seeds, e.g. 1,2,3] [budget s]
 *   methods: gauss-newton, adam, default, cma-es (comma-separated)
 * </pre>
 */
public final class FitCostBenchmark {

	public static void main(String[] args) {
		String[] models = (args.length > 0 ? args[0] : "pr0,pr1,pr2,pr3,axon").split(",");
		String[] methods = (args.length > 1 ? args[1] : "gauss-newton,adam,default,cma-es").split(",");
		long[] seeds = Arrays.stream((args.length > 2 ? args[2] : "1,2,3").split(",")).mapToLong(Long::parseLong).toArray();
		double budget = args.length > 3 ? Double.parseDouble(args[3]) : 300;
		System.out.println("| model | method | reached 1e-3 x initial | wall time to target (s) | simulations to target | " +
			"initial loss | best loss | multipliers at the end |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		for (String model : models) {
			FitProblem p = problem(model);
			double initial = p.loss(new double[p.size()], p.steps(), null);
			for (int i = 0; i < 3; i++) { // warm-up
				p.loss(new double[p.size()], p.steps(), null);
				p.loss(new double[p.size()], p.steps(), new double[p.size()]);
				p.loss(new double[p.size()], p.steps(), new double[p.size()], new double[p.size()][p.size()]);
			}
			for (String method : methods) {
				if (method.equals("cma-es")) for (long seed : seeds) run(model, p, initial, method + " (seed " + seed + ")",
					new FitOptions().method(FitMethod.CMA_ES).cmaEs(20, 0.1, seed).iterations(100000), budget);
				else run(model, p, initial, method, options(method), budget);
			}
		}
	}

	static FitProblem problem(String model) {
		if (model.startsWith("pr")) {
			// pr0..pr3: the four fixed targets of PinskyRinzelGlobalBenchmark
			CableModel pr = CableModels.pinskyRinzel();
			return GradientDiffusionBenchmark.problem(pr, GradientDiffusionBenchmark.prProtocol(500, 0.05), new int[] { 0, 1 },
				PinskyRinzelGlobalBenchmark.NAMES, PinskyRinzelGlobalBenchmark.FIXED[Integer.parseInt(model.substring(2))]);
		}
		switch (model) {
			case "axon": {
				CableModel axon = CableModels.hodgkinHuxleyAxon(false);
				return GradientDiffusionBenchmark.problem(axon, GradientDiffusionBenchmark.axonProtocol(200), new int[] { 0 },
					new String[] { "gNa", "gK", "gL" }, new double[] { 1.3, 0.75, 1.4 });
			}
			default: throw new IllegalArgumentException("model " + model);
		}
	}

	/**
	 * gauss-newton: Levenberg-Marquardt steps from the start (one Adam step before, as Fitter
	 * runs the polish after Adam); adam: the dialog's Adam schedule from the start (lr 0.01, window
	 * 20% -> 100% over 100 of 200 steps) and 30 polish steps; default: the same after the dialog's
	 * multi-start search (32 starts, 10 probe steps, 2 finished); multi-start-gauss-newton: that
	 * search (probes on the whole window), then Levenberg-Marquardt from the better of the start and
	 * the best probe; few-starts-gauss-newton: the same with 8 starts of 5 probe steps; pr-schedule: the multi-start fit as PinskyRinzelGlobalBenchmark runs it (400
	 * Adam steps, window 20% -> 100% over 300).
	 */
	static FitOptions options(String method) {
		switch (method) {
			case "gauss-newton": return new FitOptions().iterations(1).curriculum(1, 0).polish(200);
			case "adam": return new FitOptions().iterations(200).learningRate(0.01).curriculum(0.2, 100).polish(30);
			case "default": return new FitOptions().iterations(200).learningRate(0.01).curriculum(0.2, 100).polish(30)
				.start(FitStart.MULTI_START).multiStart(32, 10, 2, 0.5, 2).threads(1);
			case "multi-start-gauss-newton": return new FitOptions().iterations(1).curriculum(1, 0).polish(200)
				.start(FitStart.MULTI_START).multiStart(32, 10, 2, 0.5, 2).threads(1);
			case "few-starts-gauss-newton": return new FitOptions().iterations(1).curriculum(1, 0).polish(200)
				.start(FitStart.MULTI_START).multiStart(8, 5, 2, 0.5, 2).threads(1);
			case "pr-schedule": return new FitOptions().iterations(400).learningRate(0.01).curriculum(0.2, 300).polish(30)
				.start(FitStart.MULTI_START).multiStart(32, 10, 2, 0.5, 2).threads(1);
			default: throw new IllegalArgumentException("method " + method);
		}
	}

	static void run(String model, FitProblem p, double initial, String method, FitOptions o, double budget) {
		double target = 1e-3 * initial, full = p.steps() * p.dt();
		long t0 = System.nanoTime(), end = t0 + (long) (budget * 1e9);
		double[] reached = { Double.NaN, Double.NaN, Double.POSITIVE_INFINITY };
		double[][] last = { null };
		Progress stop = new Progress() {
			@Override public void report(String stage, double fraction, String message) {}
			@Override public boolean isCancelled() { return !Double.isNaN(reached[0]) || System.nanoTime() > end; }
		};
		FitResult r = Fitter.fit(p, o, (FitIteration it) -> {
			if (it.window < full - 1e-9) return;
			if (it.loss < reached[2]) {
				reached[2] = it.loss;
				last[0] = it.multipliers();
			}
			if (Double.isNaN(reached[0]) && it.loss <= target) {
				reached[0] = (System.nanoTime() - t0) * 1e-9;
				reached[1] = it.simulations;
			}
		}, stop);
		double seconds = (System.nanoTime() - t0) * 1e-9;
		boolean ok = !Double.isNaN(reached[0]);
		double best = Math.min(reached[2], r.loss());
		System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.3g | %.3g | %s |%n", model, method, ok ? "yes" : "**no**",
			ok ? String.format(Locale.ROOT, "%.1f", reached[0]) : String.format(Locale.ROOT, "> %.0f", seconds),
			ok ? String.format(Locale.ROOT, "%.0f", reached[1]) : "-", initial, best,
			PinskyRinzelGlobalBenchmark.round(r.multipliers()));
	}
}
