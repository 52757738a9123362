package org.neurodynamics.core.nn;

/** Iterates a batch of states of a {@link NeuralMap} in place, reusing its buffers; not thread-safe. */
public interface MapStepper {
	/** The number of states n of the batch. */
	int size();

	/**
	 * One step of the map for every state: u (n x d, row-major, in the units of the
	 * training data) is replaced by the next states; p holds the n parameter values.
	 */
	void step(float[] u, float[] p);
}
