package org.neurodynamics.core.fit;

import org.neurodynamics.core.UserInputException;

/**
 * Settings of a fit, with the paper's defaults. The curriculum grows the loss window from
 * {@code startFraction} of the target to all of it, linearly over {@code rampIterations}
 * Adam steps, so that early steps see few spikes and cannot lock onto the wrong ones.
 */
public final class FitOptions {

	FitMethod method = FitMethod.ADAM_SENSITIVITIES;
	int iterations = 300;
	double learningRate = 1e-2, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
	double startFraction = 0.1;
	int rampIterations = 100;
	double l2 = 0;
	double finiteDifferenceStep = 1e-4;
	int population = 20;
	double sigma0 = 0.1;
	long seed = 1;
	double stopLoss = 0;
	FitStart start = FitStart.SINGLE;
	int starts = 32, probeSteps = 10, keep = 2, globalGenerations = 15, threads = 1;
	double lowest = 0.5, highest = 2;
	int polishIterations = 0;

	public FitOptions method(FitMethod m) { method = m; return this; }

	/** Adam steps, or CMA-ES generations. */
	public FitOptions iterations(int n) {
		if (n < 1) throw new UserInputException("The number of iterations must be at least 1, got " + n + ".");
		iterations = n;
		return this;
	}

	public FitOptions learningRate(double rate) { learningRate = positive("learning rate", rate); return this; }

	public FitOptions adam(double rate, double b1, double b2, double eps) {
		learningRate = positive("learning rate", rate);
		beta1 = b1;
		beta2 = b2;
		epsilon = eps;
		return this;
	}

	/** Curriculum: first window fraction (0..1] and iterations to reach the full window (0: no curriculum). */
	public FitOptions curriculum(double firstFraction, int iterationsToFull) {
		if (!(firstFraction > 0 && firstFraction <= 1)) throw new UserInputException("The first window fraction must be in (0, 1], got " + firstFraction + ".");
		startFraction = firstFraction;
		rampIterations = Math.max(0, iterationsToFull);
		return this;
	}

	/** Weight of (lambda/2) sum_k (m_k - 1)^2 added to the loss (mV^2), pulling multipliers m towards 1. */
	public FitOptions l2(double lambda) { l2 = lambda; return this; }

	/** Step in the fit's coordinates (about a relative change) for the finite-difference baseline. */
	public FitOptions finiteDifferenceStep(double h) { finiteDifferenceStep = positive("finite-difference step", h); return this; }

	public FitOptions cmaEs(int populationSize, double initialSigma, long randomSeed) {
		if (populationSize < 2) throw new UserInputException("CMA-ES population must be at least 2.");
		population = populationSize;
		sigma0 = positive("CMA-ES sigma", initialSigma);
		seed = randomSeed;
		return this;
	}

	/** Global stage before Adam (see {@link FitStart}); SINGLE for none. */
	public FitOptions start(FitStart how) { start = how; return this; }

	/**
	 * Multi-start: {@code count} starts with multipliers in [{@code low}, {@code high}] of the
	 * starting values (the starting values themselves are the first), {@code steps} Adam steps
	 * each on the first window, the best {@code finished} finished with the full Adam schedule.
	 */
	/**
	 * Starts finished with the full Adam schedule when {@code starts} are probed: one per 32,
	 * at least 2. On Pinsky-Rinzel's 24 targets, 32 starts finishing 2 recovered 15 within 5 %,
	 * 128 finishing 4 recovered 19 and 256 finishing 8 recovered 20 (bench/results/fit-bounds-2026-12-07.md).
	 */
	public static int finishedStarts(int starts) {
		return Math.max(2, starts / 32);
	}

	public FitOptions multiStart(int count, int steps, int finished, double low, double high) {
		if (count < 1 || steps < 0 || finished < 1) throw new UserInputException("Multi-start needs at least 1 start and 1 " +
			"finished start, and 0 or more probe steps; got " + count + " starts, " + steps + " steps, " + finished + " finished.");
		if (!(low > 0 && high >= low) || Double.isInfinite(high)) throw new UserInputException("The multi-start range of " +
			"multipliers must be positive with low <= high, got [" + low + ", " + high + "].");
		starts = count;
		probeSteps = steps;
		keep = Math.min(finished, count);
		lowest = low;
		highest = high;
		return this;
	}

	/** CMA-ES generations of the CMA_ES_THEN_ADAM global stage. */
	public FitOptions globalGenerations(int generations) {
		if (generations < 1) throw new UserInputException("CMA-ES needs at least 1 generation, got " + generations + ".");
		globalGenerations = generations;
		return this;
	}

	/** Levenberg-Marquardt steps on the whole target after Adam (sensitivities only); 0 for none. */
	public FitOptions polish(int steps) {
		if (steps < 0) throw new UserInputException("The number of polishing steps must be 0 or more, got " + steps + ".");
		polishIterations = steps;
		return this;
	}

	/** Threads for the multi-start probes (1 = sequential). */
	public FitOptions threads(int n) { threads = Math.max(1, n); return this; }

	/** Stop early once the full-window loss falls below this (mV^2). */
	public FitOptions stopLoss(double loss) { stopLoss = loss; return this; }

	public FitMethod method() { return method; }
	public int iterations() { return iterations; }
	public FitStart start() { return start; }
	public int polish() { return polishIterations; }

	/** Window length (steps) at Adam iteration i of a problem with {@code full} steps. */
	int window(int iteration, int full) {
		if (rampIterations == 0) return full;
		double f = startFraction + (1 - startFraction) * Math.min(1.0, (double) iteration / rampIterations);
		return Math.max(1, Math.min(full, (int) Math.round(f * full)));
	}

	private static double positive(String what, double x) {
		if (!(x > 0) || Double.isInfinite(x)) throw new UserInputException("The " + what + " must be positive, got " + x + ".");
		return x;
	}
}
