package org.neurodynamics.core.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.hipparchus.random.Well19937c;
import org.neurodynamics.core.CancelledException;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.SimulationUnstableException;

/**
 * The gradient-free baseline: Hipparchus CMA-ES over the fit's bounded coordinates (start 0,
 * sigma0 0.1; every point is within the physical ranges) on the full-window loss. An unstable simulation scores a large
 * penalty, as is usual for evolution strategies, rather than stopping the search. Each
 * generation is reported as one iteration with the best point so far.
 */
final class CmaEsSearch {

	private static final double PENALTY = 1e30;

	private CmaEsSearch() {}

	static FitResult run(FitProblem problem, FitOptions options, FitListener listener, Progress progress) {
		return run(problem, options, options.iterations, listener, progress);
	}

	/** CMA-ES for {@code generations} generations of {@code options.population} simulations. */
	static FitResult run(FitProblem problem, FitOptions options, int generations, FitListener listener, Progress progress) {
		int p = problem.size(), full = problem.steps();
		BestPoint best = new BestPoint(p);
		List<FitIteration> history = new ArrayList<>();
		long start = System.nanoTime();
		long[] evaluations = { 0 };
		ObjectiveFunction objective = new ObjectiveFunction(m -> {
			progress.checkCancelled("Fit");
			double[] phi = m.clone();
			double loss;
			try {
				loss = problem.loss(phi, full, null);
			}
			catch (SimulationUnstableException e) {
				loss = PENALTY;
			}
			if (!Double.isFinite(loss)) loss = PENALTY;
			double value = loss + Fitter.regularise(problem, phi, new double[p], options.l2);
			best.offer(phi, loss, value, true);
			if (++evaluations[0] % options.population == 0) {
				int generation = (int) (evaluations[0] / options.population);
				FitIteration it = new FitIteration(generation, full * problem.dt(), best.loss, best.objective,
					problem.multipliers(best.phi), Fitter.values(problem, best.phi), evaluations[0], (System.nanoTime() - start) * 1e-9);
				history.add(it);
				listener.iteration(it);
				progress.report("Fitting", (double) generation / generations, String.format(Locale.ROOT,
					"CMA-ES generation %d, best loss %.4g mV^2", generation, best.loss));
			}
			return value;
		});
		double[] sigma = new double[p], guess = new double[p];
		Arrays.fill(sigma, options.sigma0);
		CMAESOptimizer cmaes = new CMAESOptimizer(generations, 0, true, 0, 0, new Well19937c(options.seed), false, null);
		try {
			cmaes.optimize(new MaxEval(generations * options.population), objective, GoalType.MINIMIZE,
				new InitialGuess(guess), SimpleBounds.unbounded(p), new CMAESOptimizer.Sigma(sigma),
				new CMAESOptimizer.PopulationSize(options.population));
		}
		catch (CancelledException e) {
			return Fitter.result(problem, best, history, FitResult.Status.CANCELLED,
				"Fit cancelled after " + evaluations[0] + " simulations; the best parameters so far are kept.");
		}
		catch (MathIllegalStateException e) {
			// evaluation budget used up: the normal end of a fixed-budget run
		}
		return Fitter.result(problem, best, history, FitResult.Status.COMPLETED, "");
	}
}
