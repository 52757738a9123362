package org.neurodynamics.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Generalized teacher forcing (Hess, Monfared, Brenner and Durstewitz, ICML 2023) over long
 * windows. The map runs freely along the window, but after every step its state is pulled
 * towards the data: s(j+1) = (1 - alpha) F(s(j)) + alpha u(j+1) (+ state noise). The loss
 * is the squared distance of every free prediction F(s(j)) to u(j+1), averaged over steps,
 * windows and coordinates; gradients flow back through the whole window, damped by
 * (1 - alpha) per step. A window can therefore span a whole burst cycle, so errors of the
 * slow drift enter the loss, without the exploding gradients of a free rollout that long;
 * alpha = 0 is the free rollout ({@link RolloutMapLoss}), alpha = 1 the one-step loss.
 */
class TeacherForcedMapLoss implements MapLoss {

	private final int steps;
	private final double alpha;
	private final UnrolledSteps.Pool pool = new UnrolledSteps.Pool();

	TeacherForcedMapLoss(int steps, double alpha) {
		if (steps < 1) throw new IllegalArgumentException("Rollout steps must be at least 1");
		if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("The forcing alpha must lie in [0, 1], got " + alpha);
		this.steps = steps;
		this.alpha = alpha;
	}

	@Override
	public int windowSteps() { return steps; }

	@Override
	public double lossAndGradient(Mlp net, MapBatch b, boolean increment) {
		int k = steps;
		if (b.steps < k) throw new IllegalArgumentException("The batch has " + b.steps + " steps, the loss needs " + k);
		UnrolledSteps r = pool.get(net, b, k);
		double scale = 1.0 / ((double) k * b.n * b.d);
		// forward: free predictions, forced states
		r.stateInput(0).assign(b.states[0]).addi(b.noise[0]);
		for (int j = 0; j < k; j++) {
			r.parameterInput(j).assign(b.p);
			INDArray out = net.forward(r.caches[j]);
			if (increment) r.pred[j].assign(r.stateInput(j)).addi(out);
			else r.pred[j].assign(out);
			if (j + 1 < k) {
				INDArray next = r.stateInput(j + 1).assign(r.pred[j]);
				if (alpha > 0) next.muli(1 - alpha).addi(b.states[j + 1].mul(alpha));
				next.addi(b.noise[j + 1]);
			}
		}
		// loss; backward through time, each forced step passing on (1 - alpha) of the gradient
		double loss = 0;
		r.carry.assign(0);
		for (int j = k - 1; j >= 0; j--) {
			r.grad.assign(r.pred[j]).subi(b.states[j + 1]);
			double norm = r.grad.norm2Number().doubleValue();
			loss += norm * norm;
			r.grad.muli(2 * scale).addi(r.carry);
			boolean earlier = j > 0 && alpha < 1;
			net.backward(r.caches[j], r.grad, earlier);
			if (earlier) {
				INDArray dState = r.stateInputGradient(j);
				if (increment) r.carry.assign(r.grad).addi(dState);
				else r.carry.assign(dState);
				if (alpha > 0) r.carry.muli(1 - alpha);
			}
			else r.carry.assign(0);
		}
		return loss * scale;
	}
}
