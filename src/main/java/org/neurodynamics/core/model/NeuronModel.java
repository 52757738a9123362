package org.neurodynamics.core.model;

/**
 * A single-compartment neuron model: an ODE system dy/dt = f(y; p) with one control
 * parameter p. Implementations are stateless values.
 */
public interface NeuronModel {

	/** Short name, as shown in menus (e.g. "Hindmarsh-Rose"). */
	String name();

	/** Names of the state variables, in the order of the state vector. */
	String[] variables();

	/** Units of the state variables (empty string when dimensionless). */
	String[] units();

	/** Index of the variable an experimenter would record (the membrane voltage). */
	default int observedVariable() {
		return 0;
	}

	/** Name of the control parameter, with its unit (e.g. "I (uA/cm^2)"). */
	String parameterName();

	/** Unit of time ("ms", or "" for dimensionless time). */
	String timeUnit();

	/**
	 * Usual recording settings for this model, as {duration, transient, sampling interval}
	 * in its time unit: long enough for several bursts, sampled finely enough to resolve spikes.
	 */
	double[] usualTiming();

	/** An initial state from which the documented regimes are reached. */
	double[] initialState();

	/** Writes dy/dt at state {@code y} and parameter {@code p} into {@code dydt}. */
	void derivatives(double p, double[] y, double[] dydt);

	default int dimension() {
		return variables().length;
	}

	/** Index of the variable called {@code name} (case-insensitive). */
	default int variableIndex(String name) {
		String[] vars = variables();
		for (int i = 0; i < vars.length; i++)
			if (vars[i].equalsIgnoreCase(name)) return i;
		throw new org.neurodynamics.core.UserInputException("The " + name() + " model has no variable '" + name +
			"'; choose one of " + String.join(", ", vars) + ".");
	}
}
