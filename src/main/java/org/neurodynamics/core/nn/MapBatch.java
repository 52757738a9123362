package org.neurodynamics.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One minibatch of map training: n windows of k + 1 consecutive standardised states,
 * the standardised parameter of every window and Gaussian noise. {@code noise[0]} is
 * meant for the input state, {@code noise[j]} (j &ge; 1) for the map's own state after
 * step j; a loss is free to use only part of it.
 */
final class MapBatch {
	/** Windows, state dimension, steps per window. */
	final int n, d, steps;
	/** {@code steps + 1} arrays n x d: states[j] holds u(t + j) of every window. */
	final INDArray[] states;
	/** {@code steps} arrays n x d. */
	final INDArray[] noise;
	/** n x 1: the parameter of every window. */
	final INDArray p;
	/** Host staging buffers for filling the arrays. */
	final float[] hostState, hostP, hostNoise;

	MapBatch(DataType dtype, int n, int d, int steps) {
		this.n = n;
		this.d = d;
		this.steps = steps;
		states = new INDArray[steps + 1];
		noise = new INDArray[steps];
		for (int j = 0; j <= steps; j++)
			states[j] = Nd4j.create(dtype, n, d);
		for (int j = 0; j < steps; j++)
			noise[j] = Nd4j.create(dtype, n, d);
		p = Nd4j.create(dtype, n, 1);
		hostState = new float[n * d];
		hostP = new float[n];
		hostNoise = new float[n * d];
	}

	/** A batch holding copies of the given arrays (for tests and benchmarks). */
	static MapBatch of(INDArray[] states, INDArray p, INDArray[] noise) {
		int steps = states.length - 1;
		if (noise.length != steps) throw new IllegalArgumentException("Expected " + steps + " noise arrays, got " + noise.length);
		MapBatch b = new MapBatch(states[0].dataType(), (int) states[0].rows(), (int) states[0].columns(), steps);
		for (int j = 0; j <= steps; j++)
			b.states[j].assign(states[j]);
		for (int j = 0; j < steps; j++)
			b.noise[j].assign(noise[j]);
		b.p.assign(p);
		return b;
	}
}
