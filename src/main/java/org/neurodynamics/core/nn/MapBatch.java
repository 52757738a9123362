package org.neurodynamics.core.nn;

/**
 * One minibatch of map training: n windows of k + 1 consecutive standardised states,
 * the standardised parameter of every window at every step and Gaussian noise, as
 * row-major arrays.
 * {@code noise[0]} is meant for the input state, {@code noise[j]} (j &ge; 1) for the
 * map's own state after step j; a loss is free to use only part of it.
 */
final class MapBatch {
	/** Windows, state dimension, steps per window. */
	final int n, d, steps;
	/** {@code steps + 1} arrays n x d: states[j] holds u(t + j) of every window. */
	final float[][] states;
	/** {@code steps} arrays n x d. */
	final float[][] noise;
	/** {@code steps} arrays of n: p[j] holds the parameter driving step j of every window. */
	final float[][] p;
	/**
	 * The network's output unit for every coordinate (null = 1): the increment is
	 * {@code scale[i]} times the output, and the loss of coordinate i is measured in units
	 * of {@code scale[i]} (see {@link NeuralMap.Config#incrementScaling}).
	 */
	float[] scale;

	MapBatch(int n, int d, int steps) {
		this.n = n;
		this.d = d;
		this.steps = steps;
		states = new float[steps + 1][n * d];
		noise = new float[steps][n * d];
		p = new float[steps][n];
	}

	/** A batch holding copies of the given arrays, one parameter per window (for tests and benchmarks). */
	static MapBatch of(float[][] states, float[] p, float[][] noise) {
		float[][] each = new float[states.length - 1][];
		java.util.Arrays.fill(each, p);
		return of(states, each, noise);
	}

	/** A batch holding copies of the given arrays, the parameter of every step (for tests and benchmarks). */
	static MapBatch of(float[][] states, float[][] p, float[][] noise) {
		int steps = states.length - 1, n = p[0].length;
		if (noise.length != steps) throw new IllegalArgumentException("Expected " + steps + " noise arrays, got " + noise.length);
		MapBatch b = new MapBatch(n, states[0].length / n, steps);
		for (int j = 0; j <= steps; j++)
			System.arraycopy(states[j], 0, b.states[j], 0, n * b.d);
		for (int j = 0; j < steps; j++)
			System.arraycopy(noise[j], 0, b.noise[j], 0, n * b.d);
		for (int j = 0; j < steps; j++)
			System.arraycopy(p[j], 0, b.p[j], 0, n);
		return b;
	}
}
