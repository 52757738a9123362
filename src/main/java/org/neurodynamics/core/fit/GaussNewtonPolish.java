package org.neurodynamics.core.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.SimulationUnstableException;

/**
 * Levenberg-Marquardt steps on the whole target after Adam. The forward sensitivities give
 * not only the gradient but the Jacobian of the voltage trace, so the Gauss-Newton matrix
 * {@code J^T J} costs nothing extra; near the minimum its steps converge far faster than
 * Adam along the flat, correlated directions of conductance fits (such as gCa against gKC),
 * where Adam's per-parameter step sizes crawl. A trial step is kept only if it lowers the
 * loss; otherwise the damping grows (more like gradient descent) and the step shrinks.
 */
final class GaussNewtonPolish {

	private GaussNewtonPolish() {}

	static FitResult run(FitProblem problem, FitOptions options, FitResult from, FitListener listener, Progress progress) {
		if (options.polishIterations == 0 || from.status() != FitResult.Status.COMPLETED) return from;
		int p = problem.size(), full = problem.steps();
		List<FitIteration> history = new ArrayList<>(from.history());
		long simulations = history.isEmpty() ? 0 : history.get(history.size() - 1).simulations;
		double seconds0 = history.isEmpty() ? 0 : history.get(history.size() - 1).seconds;
		long start = System.nanoTime();
		double[] phi = problem.coordinates(from.multipliers()), g = new double[p], trialG = new double[p];
		double[][] h = new double[p][p], trialH = new double[p][p];
		double loss, damping = 1e-3;
		try {
			loss = problem.loss(phi, full, g, h);
			simulations++;
			for (int it = 0; it < options.polishIterations && !progress.isCancelled(); it++) {
				double[] trial = step(phi, g, h, damping);
				double trialLoss;
				try {
					trialLoss = problem.loss(trial, full, trialG, trialH);
				}
				catch (SimulationUnstableException e) {
					trialLoss = Double.POSITIVE_INFINITY;
				}
				simulations++;
				boolean better = trialLoss < loss;
				if (better) {
					double change = (loss - trialLoss) / loss;
					phi = trial;
					loss = trialLoss;
					System.arraycopy(trialG, 0, g, 0, p);
					for (int k = 0; k < p; k++) System.arraycopy(trialH[k], 0, h[k], 0, p);
					damping = Math.max(damping / 3, 1e-9);
					FitIteration report = new FitIteration(history.size(), full * problem.dt(), loss, loss + Fitter.regularise(problem, phi,
						new double[p], options.l2), problem.multipliers(phi), Fitter.values(problem, phi), simulations,
						seconds0 + (System.nanoTime() - start) * 1e-9);
					history.add(report);
					listener.iteration(report);
					progress.report("Polishing", (double) it / options.polishIterations, String.format(Locale.ROOT,
						"Gauss-Newton step %d, loss %.4g mV^2", it, loss));
					if (change < 1e-12) break;
				}
				else if ((damping *= 4) > 1e8) break;
			}
		}
		catch (SimulationUnstableException e) {
			return from;
		}
		if (!(loss < from.loss())) return new FitResult(from.status(), from.message(), from.theta(), from.multipliers(),
			from.loss(), history, from.parameterNames());
		return new FitResult(from.status(), from.message(), problem.theta(phi), problem.multipliers(phi), loss, history,
			from.parameterNames());
	}

	/** phi - (H + damping diag(H))^-1 g, each component limited to +-0.2 (about a fifth in value near the start). */
	private static double[] step(double[] phi, double[] g, double[][] h, double damping) {
		int p = phi.length;
		RealMatrix a = new Array2DRowRealMatrix(p, p);
		for (int k = 0; k < p; k++) for (int l = 0; l < p; l++)
			a.setEntry(k, l, h[k][l] + (k == l ? damping * h[k][k] + 1e-12 : 0));
		double[] d = new LUDecomposition(a, 0).getSolver().solve(new ArrayRealVector(g)).toArray();
		double[] x = phi.clone();
		for (int k = 0; k < p; k++) x[k] -= Math.max(-0.2, Math.min(0.2, d[k]));
		return x;
	}
}
