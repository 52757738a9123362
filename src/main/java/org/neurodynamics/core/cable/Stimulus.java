package org.neurodynamics.core.cable;

/** Injected current (nA) as a deterministic function of time (ms), like NEURON's IClamp. */
@FunctionalInterface
public interface Stimulus {

	double current(double t);

	/** A stimulus that adds another. */
	default Stimulus plus(Stimulus other) {
		return t -> current(t) + other.current(t);
	}
}
