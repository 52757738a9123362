package org.neurodynamics.core.data;

/**
 * Consecutive recovered states u(0), u(1), ... of one trace, with the control parameter
 * that drove each step: one value for the whole trace (the paper's setting), or, for a
 * recording made under a command waveform, the value p(n) applied between u(n) and u(n+1).
 * Pairs (u(n), u(n+1)) for map training never cross sequences.
 */
public final class StateSequence {

	private final float[][] states;
	private final double parameter;
	private final float[] drive;

	/** @param states n x L, one row per time step (not copied: treat as read-only) */
	public StateSequence(float[][] states, double parameter) {
		this(states, parameter, null);
	}

	/**
	 * @param parameter the trace's nominal value (the step level of a current step)
	 * @param drive per step n, the parameter between u(n) and u(n+1), at least as long as
	 *        {@code states} (not copied); null = {@code parameter} throughout
	 */
	public StateSequence(float[][] states, double parameter, float[] drive) {
		if (drive != null && drive.length < states.length)
			throw new IllegalArgumentException("The drive has " + drive.length + " values for " + states.length + " states");
		this.states = states;
		this.parameter = parameter;
		this.drive = drive;
	}

	public int length() { return states.length; }
	public int dimension() { return states.length == 0 ? 0 : states[0].length; }
	public float[] state(int n) { return states[n]; }
	public float[][] states() { return states; }
	/** The trace's nominal parameter value. */
	public double parameter() { return parameter; }
	/** The parameter that drives the step from u(n) to u(n+1). */
	public double parameter(int n) { return drive == null ? parameter : drive[n]; }
	/** Whether the parameter changes along the sequence (a command waveform). */
	public boolean driven() { return drive != null; }
}
