package org.neurodynamics.core.cable;

/**
 * Time discretisation. In both, the voltage step uses the states of the previous step and
 * the states are then advanced with the new voltage (staggered, as in NEURON).
 */
public enum TimeScheme {
	/** Backward Euler for V and for each state (first order, very robust; NEURON's default). */
	BACKWARD_EULER,
	/**
	 * Crank-Nicolson for V (a backward-Euler half step, then extrapolation, as NEURON's
	 * secondorder=2) and for each state: second order when states live at half steps.
	 */
	CRANK_NICOLSON
}
