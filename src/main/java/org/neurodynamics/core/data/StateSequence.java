package org.neurodynamics.core.data;

/**
 * Consecutive recovered states u(0), u(1), ... of one trace, recorded at one value of
 * the control parameter. Pairs (u(n), u(n+1)) for map training never cross sequences.
 */
public final class StateSequence {

	private final float[][] states;
	private final double parameter;

	/** @param states n x L, one row per time step (not copied: treat as read-only) */
	public StateSequence(float[][] states, double parameter) {
		this.states = states;
		this.parameter = parameter;
	}

	public int length() { return states.length; }
	public int dimension() { return states.length == 0 ? 0 : states[0].length; }
	public float[] state(int n) { return states[n]; }
	public float[][] states() { return states; }
	public double parameter() { return parameter; }
}
