package org.neurodynamics.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam on one flat parameter vector, with optional L2 weight decay on a masked subset of
 * the parameters (the weights, not the biases).
 */
final class AdamOptimiser {

	private final INDArray params;
	private final INDArray grads;
	private final GradientUpdater<?> updater;
	private final INDArray decayMask;
	private final double weightDecay;
	private int iteration;

	AdamOptimiser(Mlp net, double learningRate, double weightDecay) {
		this.params = net.params;
		this.grads = net.grads;
		INDArray state = Nd4j.create(net.dtype, 1, 2 * net.params.length());
		updater = new Adam(learningRate).instantiate(state, true);
		this.weightDecay = weightDecay;
		if (weightDecay > 0) {
			decayMask = Nd4j.zeros(net.dtype, 1, net.params.length());
			Mlp probe = new Mlp(net.sizes, net.activation, net.dtype);
			// the weight views of a network of the same shape mark the weight positions
			for (INDArray w : probe.w)
				w.assign(weightDecay);
			decayMask.assign(probe.params);
		}
		else decayMask = null;
	}

	/** Applies one update from the gradients accumulated in the network, then zeroes them. */
	void step(int epoch) {
		if (decayMask != null) grads.addi(params.mul(decayMask));
		updater.applyUpdater(grads, iteration++, epoch);
		params.subi(grads);
		grads.assign(0);
	}
}
