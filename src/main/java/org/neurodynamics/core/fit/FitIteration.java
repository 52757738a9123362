package org.neurodynamics.core.fit;

/** One reported step of a fit: where it was and how good it was. */
public final class FitIteration {

	public final int iteration;
	/** Loss window in ms. */
	public final double window;
	/** Data loss (mV^2) over the window, and the optimised objective (loss plus regularisation). */
	public final double loss, objective;
	/** Multipliers of the fitted parameters and the parameter values they give. */
	private final double[] multipliers, values;
	/** Simulations of the model run so far, and wall time since the start (s). */
	public final long simulations;
	public final double seconds;

	FitIteration(int iteration, double window, double loss, double objective, double[] multipliers, double[] values,
		long simulations, double seconds)
	{
		this.iteration = iteration;
		this.window = window;
		this.loss = loss;
		this.objective = objective;
		this.multipliers = multipliers.clone();
		this.values = values.clone();
		this.simulations = simulations;
		this.seconds = seconds;
	}

	public double[] multipliers() { return multipliers.clone(); }
	public double[] values() { return values.clone(); }
}
