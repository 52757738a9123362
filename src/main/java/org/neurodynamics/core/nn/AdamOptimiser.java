package org.neurodynamics.core.nn;

/**
 * Adam (Kingma and Ba, 2015; beta1 0.9, beta2 0.999, epsilon 1e-8, bias-corrected step
 * size as in ND4J and PyTorch) on the parameters of one network, with optional L2 weight
 * decay on the weights (not the biases).
 */
final class AdamOptimiser {

	private static final double BETA1 = 0.9, BETA2 = 0.999, EPSILON = 1e-8;

	private final float[][] params, grads, m, v;
	/** Whether params[i] is a weight matrix (decayed) rather than a bias. */
	private final boolean[] decayed;
	private final double learningRate, weightDecay;
	private double factor = 1;
	private int iteration;

	AdamOptimiser(Mlp net, double learningRate, double weightDecay) {
		this.params = net.parameters();
		this.grads = net.gradients();
		this.learningRate = learningRate;
		this.weightDecay = weightDecay;
		m = new float[params.length][];
		v = new float[params.length][];
		decayed = new boolean[params.length];
		for (int i = 0; i < params.length; i++) {
			m[i] = new float[params[i].length];
			v[i] = new float[params[i].length];
			decayed[i] = i % 2 == 0;
		}
	}

	/** Scales the learning rate of the following steps (a schedule's factor of the initial rate). */
	void setLearningRateFactor(double f) {
		factor = f;
	}

	/** Applies one update from the gradients accumulated in the network, then zeroes them. */
	void step() {
		iteration++;
		float alpha = (float) (learningRate * factor * Math.sqrt(1 - Math.pow(BETA2, iteration)) / (1 - Math.pow(BETA1, iteration)));
		float b1 = (float) BETA1, b2 = (float) BETA2, eps = (float) EPSILON;
		for (int i = 0; i < params.length; i++) {
			float[] p = params[i], g = grads[i], mi = m[i], vi = v[i];
			float decay = decayed[i] ? (float) weightDecay : 0f;
			for (int k = 0; k < p.length; k++) {
				float gk = g[k] + decay * p[k];
				mi[k] = b1 * mi[k] + (1 - b1) * gk;
				vi[k] = b2 * vi[k] + (1 - b2) * gk * gk;
				p[k] -= alpha * mi[k] / ((float) Math.sqrt(vi[k]) + eps);
				g[k] = 0f;
			}
		}
	}
}
