package org.neurodynamics.core.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hipparchus.random.SobolSequenceGenerator;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.SimulationUnstableException;

/**
 * Global-then-local fits: a global stage (multi-start probes or a short CMA-ES) chooses
 * where Adam starts. Spiking models have loss landscapes with local minima where a spike
 * is missing (a lost spike of a doublet, for instance): a squared-voltage loss has no
 * gradient that brings a missing spike back, so a single Adam run that loses one early
 * stays there. Starting from several well-spread points, and keeping those that match the
 * whole target best after a few steps, avoids most such minima at a small extra cost.
 */
final class GlobalSearch {

	private GlobalSearch() {}

	static FitResult run(FitProblem problem, FitOptions options, GradientMethod gradient, FitListener listener,
		Progress progress)
	{
		long start = System.nanoTime();
		List<FitIteration> history = new ArrayList<>();
		List<double[]> finish;
		long[] simulations = { 0 };
		if (options.start == FitStart.CMA_ES_THEN_ADAM) {
			FitResult global = CmaEsSearch.run(problem, options, options.globalGenerations, listener, progress);
			history.addAll(global.history());
			if (global.status() != FitResult.Status.COMPLETED) return global;
			if (!history.isEmpty()) simulations[0] = history.get(history.size() - 1).simulations;
			finish = List.of(problem.coordinates(global.multipliers()));
		}
		else {
			Probe[] probes = probe(problem, options, gradient, progress);
			int p = problem.size();
			BestPoint best = new BestPoint(p);
			for (Probe x : probes) {
				simulations[0] += x.simulations;
				if (Double.isFinite(x.loss)) best.offer(x.phi, x.loss, x.loss, true);
			}
			FitIteration report = new FitIteration(0, problem.steps() * problem.dt(), best.loss, best.objective,
				problem.multipliers(best.phi), Fitter.values(problem, best.phi), simulations[0], (System.nanoTime() - start) * 1e-9);
			history.add(report);
			listener.iteration(report);
			if (progress.isCancelled() || !best.fullWindow) return Fitter.result(problem, best, history,
				FitResult.Status.CANCELLED, "Fit cancelled during the multi-start search; the best start so far is kept.");
			// the given start is always finished, so the search is never worse than a single-start fit
			finish = new ArrayList<>();
			finish.add(new double[p]);
			for (int i = 0; i < probes.length && finish.size() < options.keep; i++)
				if (Double.isFinite(probes[i].loss) && !probes[i].origin) finish.add(probes[i].phi);
		}
		FitResult winner = null;
		boolean cancelled = false;
		for (double[] phi0 : finish) {
			FitResult r;
			try {
				r = Fitter.adam(problem, options, gradient, phi0, history, simulations[0], start, listener, progress);
			}
			catch (FitUnstableException e) {
				r = e.best();
			}
			if (!r.history().isEmpty()) simulations[0] = r.history().get(r.history().size() - 1).simulations;
			if (winner == null || (Double.isFinite(r.loss()) && !(winner.loss() <= r.loss()))) winner = r;
			if (r.status() == FitResult.Status.CANCELLED) {
				cancelled = true;
				break;
			}
		}
		if (cancelled) return new FitResult(FitResult.Status.CANCELLED, "Fit cancelled; the best parameters so far are kept.",
			winner.theta(), winner.multipliers(), winner.loss(), history, winner.parameterNames());
		return new FitResult(winner.status(), winner.message(), winner.theta(), winner.multipliers(), winner.loss(), history,
			winner.parameterNames());
	}

	/** One start after its probe steps, scored on the whole target (infinite if it blew up). */
	static final class Probe {
		double[] phi;
		boolean origin;
		double loss = Double.POSITIVE_INFINITY;
		long simulations;
	}

	/** Starts the Sobol points, takes each a few Adam steps and returns them best first. */
	static Probe[] probe(FitProblem problem, FitOptions options, GradientMethod gradient, Progress progress) {
		double[][] starts = starts(problem, options.starts, options.lowest, options.highest);
		Probe[] probes = new Probe[starts.length];
		int threads = Math.min(options.threads, starts.length);
		if (threads <= 1) {
			for (int i = 0; i < starts.length && !progress.isCancelled(); i++) {
				probes[i] = probe(problem, options, gradient, starts[i]);
				progress.report("Multi-start", (double) (i + 1) / starts.length, String.format(Locale.ROOT,
					"start %d of %d, loss %.4g mV^2", i + 1, starts.length, probes[i].loss));
			}
		}
		else {
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				List<Future<Probe>> jobs = new ArrayList<>();
				for (double[] s : starts) jobs.add(pool.submit(() -> progress.isCancelled() ? null :
					probe(problem, options, gradient, s)));
				for (int i = 0; i < jobs.size(); i++) {
					probes[i] = jobs.get(i).get();
					progress.report("Multi-start", (double) (i + 1) / starts.length, "start " + (i + 1) + " of " + starts.length);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			catch (ExecutionException e) {
				throw e.getCause() instanceof RuntimeException ? (RuntimeException) e.getCause() : new IllegalStateException(e);
			}
			finally {
				pool.shutdownNow();
			}
		}
		Probe[] done = Arrays.stream(probes).filter(x -> x != null).toArray(Probe[]::new);
		Arrays.sort(done, Comparator.comparingDouble(x -> x.loss));
		return done;
	}

	private static Probe probe(FitProblem problem, FitOptions options, GradientMethod gradient, double[] phi0) {
		Probe x = new Probe();
		x.phi = phi0.clone();
		x.origin = Arrays.stream(phi0).allMatch(v -> v == 0);
		double[] grad = new double[phi0.length];
		Adam adam = new Adam(phi0.length, options.learningRate * 2, options.beta1, options.beta2, options.epsilon);
		int window = options.window(0, problem.steps());
		try {
			for (int i = 0; i < options.probeSteps; i++) {
				double loss = gradient.evaluate(problem, x.phi, window, grad);
				x.simulations += gradient.simulations(phi0.length);
				if (!Double.isFinite(loss)) return x;
				adam.step(x.phi, grad);
			}
			x.loss = problem.loss(x.phi, problem.steps(), null);
			x.simulations++;
			if (!Double.isFinite(x.loss)) x.loss = Double.POSITIVE_INFINITY;
		}
		catch (SimulationUnstableException e) {
			x.loss = Double.POSITIVE_INFINITY;
		}
		return x;
	}

	/**
	 * The origin (the starting values), then Sobol points with multipliers log-uniform in [low, high] for every
	 * conductance density (S/cm^2); other parameters (capacitance, reversal potentials,
	 * resistivity) keep their starting values, a range of multipliers being meaningless for
	 * a reversal potential.
	 */
	static double[][] starts(FitProblem problem, int count, double low, double high) {
		int p = problem.size();
		int[] fitted = problem.fitted();
		double[][] s = new double[count][p];
		SobolSequenceGenerator sobol = new SobolSequenceGenerator(p);
		sobol.nextVector(); // the first Sobol point is the corner 0
		double a = Math.log(low), b = Math.log(high);
		for (int i = 1; i < count; i++) {
			double[] u = sobol.nextVector(), m = new double[p];
			for (int k = 0; k < p; k++)
				m[k] = "S/cm^2".equals(problem.model().parameters().get(fitted[k]).unit()) ? Math.exp(a + (b - a) * u[k]) : 1;
			s[i] = problem.coordinates(m);
		}
		return s;
	}
}
