package org.neurodynamics.core.model;

import java.util.Random;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.StepNormalizer;
import org.hipparchus.ode.sampling.StepNormalizerBounds;
import org.hipparchus.ode.sampling.StepNormalizerMode;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.trace.Trace;

/**
 * Integrates a {@link NeuronModel} with Hipparchus' adaptive Dormand-Prince 8(5,3)
 * integrator and samples it on a regular grid after a settle, as a recording would.
 */
public final class ModelSimulator {

	/** Relative and absolute tolerances: tight enough that sampled spikes do not move. */
	private static final double TOLERANCE = 1e-8;

	private final NeuronModel model;

	public ModelSimulator(NeuronModel model) {
		this.model = model;
	}

	/**
	 * Simulates from {@code initial} at parameter {@code p}, discards {@code settle} (the transient)
	 * time units and returns the states sampled every {@code dt} over {@code duration}
	 * as [variable][sample]. The last state reached is written back into {@code finalState}
	 * when it is not null (to continue a sweep from where it ended).
	 */
	public float[][] simulate(double p, double[] initial, double duration, double settle, double dt,
		double[] finalState, Progress progress)
	{
		checkTimes(duration, settle, dt);
		int n = (int) Math.floor(duration / dt + 1e-9);
		int dim = model.dimension();
		float[][] out = new float[dim][n];
		OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
			@Override public int getDimension() { return dim; }
			@Override
			public double[] computeDerivatives(double t, double[] y) {
				double[] dydt = new double[dim];
				model.derivatives(p, y, dydt);
				return dydt;
			}
		};
		DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12, dt,
			TOLERANCE, TOLERANCE);
		double end = settle + n * dt;
		int[] count = { 0 };
		integrator.addStepHandler(new StepNormalizer(dt, (state, isLast) -> {
			int k = (int) Math.round((state.getTime() - settle) / dt);
			if (k >= 0 && k < n) {
				double[] y = state.getPrimaryState();
				for (int v = 0; v < dim; v++) out[v][k] = (float) y[v];
				if (++count[0] % 4096 == 0) {
					progress.checkCancelled("Simulation of " + model.name());
					progress.report("Simulating " + model.name(), (double) k / n, model.parameterName() + " = " + p);
				}
			}
		}, StepNormalizerMode.MULTIPLES, StepNormalizerBounds.BOTH));
		ODEState last = integrator.integrate(ode, new ODEState(0, initial.clone()), end);
		for (float[] row : out)
			for (float v : row)
				if (!Float.isFinite(v)) throw new UserInputException("The " + model.name() + " simulation at " +
					model.parameterName() + " = " + p + " diverged; use a parameter value in the model's documented range.");
		if (finalState != null) System.arraycopy(last.getPrimaryState(), 0, finalState, 0, dim);
		return out;
	}

	/**
	 * Simulates from the model's default initial state and returns the observed variable
	 * as a {@link Trace}, with observation noise of {@code noiseFraction} times the trace's
	 * standard deviation (0 for none) drawn from {@code seed}.
	 */
	public Trace trace(int variable, double p, double duration, double settle, double dt, double noiseFraction,
		long seed, Progress progress)
	{
		float[] x = simulate(p, model.initialState(), duration, settle, dt, null, progress)[variable];
		if (noiseFraction > 0) addNoise(x, noiseFraction, new Random(seed));
		String name = model.name() + " " + model.variables()[variable] + " " + shortParameterName() + "=" + format(p);
		return new Trace(name, x, dt, model.timeUnit(), model.units()[variable], p, model.parameterName());
	}

	/** Adds Gaussian noise of {@code fraction} times the standard deviation of {@code x}, in place. */
	static void addNoise(float[] x, double fraction, Random random) {
		double mean = 0, sq = 0;
		for (float v : x) mean += v;
		mean /= x.length;
		for (float v : x) sq += (v - mean) * (v - mean);
		double sd = Math.sqrt(sq / Math.max(1, x.length - 1)) * fraction;
		for (int i = 0; i < x.length; i++) x[i] += (float) (sd * random.nextGaussian());
	}

	private String shortParameterName() {
		String name = model.parameterName();
		int space = name.indexOf(' ');
		return space < 0 ? name : name.substring(0, space);
	}

	static String format(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf((float) v);
	}

	private void checkTimes(double duration, double settle, double dt) {
		if (!(dt > 0)) throw new UserInputException("The sampling interval must be positive, got " + dt + ".");
		if (!(duration >= 2 * dt)) throw new UserInputException("The duration (" + duration +
			") must cover at least two sampling intervals (" + dt + ").");
		if (!(settle >= 0)) throw new UserInputException("The transient must be zero or positive, got " + settle + ".");
		if (duration / dt > Integer.MAX_VALUE - 8) throw new UserInputException("Duration / sampling interval = " +
			(long) (duration / dt) + " samples is too many; use a longer sampling interval.");
	}
}
