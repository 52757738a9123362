package org.neurodynamics.core.nn;

/**
 * Generalized teacher forcing (Hess, Monfared, Brenner and Durstewitz, ICML 2023) over long
 * windows. The map runs freely along the window, but after every step its state is pulled
 * towards the data: s(j+1) = (1 - alpha) F(s(j)) + alpha u(j+1) (+ state noise). The loss
 * is the squared distance of every free prediction F(s(j)) to u(j+1), averaged over steps,
 * windows and coordinates; gradients flow back through the whole window, damped by
 * (1 - alpha) per step. A window can therefore span a whole burst cycle, so errors of the
 * slow drift enter the loss, without the exploding gradients of a free rollout that long;
 * alpha = 0 is the free rollout ({@link RolloutMapLoss}), alpha = 1 the one-step loss.
 * <p>
 * Alpha may be annealed: from {@code alphaStart} in the first epoch geometrically to
 * {@code alphaEnd} in the last, so that early training, close to the data, is stable and
 * late training sees ever longer free stretches.
 */
class TeacherForcedMapLoss implements MapLoss {

	private final int steps;
	private final double alphaStart, alphaEnd;
	private double alpha;
	private final UnrolledSteps.Pool pool = new UnrolledSteps.Pool();

	TeacherForcedMapLoss(int steps, double alpha) {
		this(steps, alpha, alpha);
	}

	TeacherForcedMapLoss(int steps, double alphaStart, double alphaEnd) {
		if (steps < 1) throw new IllegalArgumentException("Rollout steps must be at least 1");
		for (double a : new double[] { alphaStart, alphaEnd })
			if (!(a >= 0 && a <= 1)) throw new IllegalArgumentException("The forcing alpha must lie in [0, 1], got " + a);
		if ((alphaStart == 0) != (alphaEnd == 0)) throw new IllegalArgumentException("An annealed alpha must stay above 0");
		this.steps = steps;
		this.alphaStart = alphaStart;
		this.alphaEnd = alphaEnd;
		this.alpha = alphaStart;
	}

	@Override
	public void startEpoch(int epoch, int epochs) {
		alpha = epochs <= 1 || alphaStart == alphaEnd ? alphaStart
			: alphaStart * Math.pow(alphaEnd / alphaStart, epoch / (epochs - 1.0));
	}

	/** The forcing alpha of the current epoch. */
	double alpha() { return alpha; }

	@Override
	public int windowSteps() { return steps; }

	@Override
	public double lossAndGradient(Mlp net, MapBatch b, boolean increment) {
		int k = steps;
		if (b.steps < k) throw new IllegalArgumentException("The batch has " + b.steps + " steps, the loss needs " + k);
		UnrolledSteps r = pool.get(net, b, k);
		double scale = 1.0 / ((double) k * b.n * b.d);
		float[] next = r.next;
		// forward: free predictions, forced states
		r.setInput(0, b.states[0], b.noise[0], b.p[0]);
		for (int j = 0; j < k; j++) {
			float[] y = r.predict(net, j, increment, b.scale);
			if (j + 1 < k) {
				float[] u = b.states[j + 1];
				for (int i = 0; i < next.length; i++)
					next[i] = (float) ((1 - alpha) * y[i] + alpha * u[i]);
				r.setInput(j + 1, next, b.noise[j + 1], b.p[j + 1]);
			}
		}
		// loss; backward through time, each forced step passing on (1 - alpha) of the gradient
		double loss = 0;
		java.util.Arrays.fill(r.carry, 0f);
		float g2 = (float) (2 * scale);
		for (int j = k - 1; j >= 0; j--) {
			loss += r.residual(j, b.states[j + 1], b.scale);
			for (int i = 0; i < r.grad.length; i++)
				r.grad[i] = r.grad[i] * g2 + r.carry[i];
			boolean earlier = j > 0 && alpha < 1;
			net.backward(r.caches[j], r.outputGradient(b.scale), earlier);
			if (earlier) r.carryBack(j, increment, (float) (1 - alpha));
			else java.util.Arrays.fill(r.carry, 0f);
		}
		return loss * scale;
	}
}
