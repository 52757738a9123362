package org.neurodynamics.core.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.SimulationUnstableException;

/**
 * Fits a {@link FitProblem} with Adam (sensitivity or finite-difference gradients) or with
 * CMA-ES, reporting every iteration, honouring cancellation (the best result so far is
 * returned with status CANCELLED) and stopping with a {@link FitUnstableException} naming
 * the parameter values if the model blows up under Adam.
 */
public final class Fitter {

	private Fitter() {}

	public static FitResult fit(FitProblem problem, FitOptions options, FitListener listener, Progress progress) {
		if (options.method == FitMethod.CMA_ES) return CmaEsSearch.run(problem, options, listener, progress);
		GradientMethod gradient = options.method == FitMethod.ADAM_SENSITIVITIES ? GradientMethod.SENSITIVITIES :
			GradientMethod.finiteDifferences(options.finiteDifferenceStep);
		FitResult local = options.start != FitStart.SINGLE ? GlobalSearch.run(problem, options, gradient, listener, progress)
			: adam(problem, options, gradient, listener, progress);
		return options.method == FitMethod.ADAM_SENSITIVITIES ? GaussNewtonPolish.run(problem, options, local, listener,
			progress) : local;
	}

	static FitResult adam(FitProblem problem, FitOptions options, GradientMethod method, FitListener listener,
		Progress progress)
	{
		return adam(problem, options, method, new double[problem.size()], new ArrayList<>(), 0, System.nanoTime(), listener,
			progress);
	}

	/**
	 * Adam from coordinates {@code phi0} (see FitProblem); iterations are numbered on from the reports
	 * already in {@code history} (a global stage before), which the result keeps, and the
	 * simulation count and wall time go on from {@code simulationsBefore} and {@code start}.
	 */
	static FitResult adam(FitProblem problem, FitOptions options, GradientMethod method, double[] phi0,
		List<FitIteration> history, long simulationsBefore, long start, FitListener listener, Progress progress)
	{
		int p = problem.size(), full = problem.steps(), offset = history.size();
		double[] phi = phi0.clone(), grad = new double[p];
		Adam adam = new Adam(p, options.learningRate, options.beta1, options.beta2, options.epsilon);
		BestPoint best = new BestPoint(p);
		long simulations = simulationsBefore;
		for (int it = 0; it <= options.iterations; it++) {
			if (progress.isCancelled()) return result(problem, best, history, FitResult.Status.CANCELLED,
				"Fit cancelled after " + it + " iterations; the best parameters so far are kept.");
			boolean last = it == options.iterations;
			int steps = last ? full : options.window(it, full);
			double loss;
			try {
				loss = last ? problem.loss(phi, steps, null) : method.evaluate(problem, phi, steps, grad);
				simulations += last ? 1 : method.simulations(p);
			}
			catch (SimulationUnstableException e) {
				throw unstable(problem, phi, e.getMessage(), best, history);
			}
			if (!Double.isFinite(loss) || !finite(grad)) throw unstable(problem, phi, "The loss or its gradient is not finite.",
				best, history);
			double objective = loss + regularise(problem, phi, grad, options.l2);
			FitIteration report = new FitIteration(offset + it, steps * problem.dt(), loss, objective, problem.multipliers(phi),
				values(problem, phi), simulations, (System.nanoTime() - start) * 1e-9);
			history.add(report);
			listener.iteration(report);
			progress.report("Fitting", (double) it / options.iterations, String.format(Locale.ROOT,
				"iteration %d, loss %.4g mV^2 over %.0f ms", it, loss, steps * problem.dt()));
			best.offer(phi, loss, objective, steps == full);
			if (last || (steps == full && loss <= options.stopLoss)) break;
			adam.step(phi, grad);
		}
		return result(problem, best, history, FitResult.Status.COMPLETED, "");
	}

	/** Adds (lambda/2) sum (m - 1)^2 (m: multipliers) to the objective and its phi-gradient to grad; returns the penalty. */
	static double regularise(FitProblem problem, double[] phi, double[] grad, double lambda) {
		if (lambda == 0) return 0;
		double penalty = 0;
		double[] m = problem.multipliers(phi);
		for (int k = 0; k < phi.length; k++) {
			penalty += lambda / 2 * (m[k] - 1) * (m[k] - 1);
			grad[k] += lambda * (m[k] - 1) * problem.bounds(k).derivative(phi[k]) / problem.bounds(k).value(0);
		}
		return penalty;
	}

	static FitUnstableException unstable(FitProblem problem, double[] phi, String what, BestPoint best,
		List<FitIteration> history)
	{
		FitResult kept = result(problem, best, history, FitResult.Status.UNSTABLE, "");
		String message = what + " Parameters: " + problem.describe(phi) + ". The fit stopped and keeps the best " +
			"parameters so far (" + problem.describe(best.phi) + "). Try a smaller learning rate or time step, " +
			"or L2 regularisation towards the starting values.";
		return new FitUnstableException(message, new FitResult(FitResult.Status.UNSTABLE, message, kept.theta(),
			kept.multipliers(), kept.loss(), history, kept.parameterNames()));
	}

	static FitResult result(FitProblem problem, BestPoint best, List<FitIteration> history, FitResult.Status status,
		String message)
	{
		String[] names = new String[problem.size()];
		for (int k = 0; k < names.length; k++) names[k] = problem.parameterName(k);
		return new FitResult(status, message, problem.theta(best.phi), problem.multipliers(best.phi), best.loss, history, names);
	}

	static double[] values(FitProblem problem, double[] phi) {
		double[] theta = problem.theta(phi);
		int[] fitted = problem.fitted();
		double[] v = new double[fitted.length];
		for (int k = 0; k < v.length; k++) v[k] = theta[fitted[k]];
		return v;
	}

	private static boolean finite(double[] x) {
		for (double d : x) if (!Double.isFinite(d)) return false;
		return true;
	}
}
