package org.neurodynamics.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Multi-step (rollout) loss: from the first state of every window, perturbed by
 * {@code noise[0]}, the map is iterated k times, adding {@code noise[j]} to its own state
 * after step j (j &lt; k); the loss is the squared distance of every iterate to the
 * window's state, averaged over steps, windows and coordinates. The gradient flows back
 * through all unrolled steps (backpropagation through time). With k = 1 it equals
 * {@link OneStepMapLoss}.
 */
final class RolloutMapLoss implements MapLoss {

	private final int steps;
	private final UnrolledSteps.Pool pool = new UnrolledSteps.Pool();

	RolloutMapLoss(int steps) {
		if (steps < 1) throw new IllegalArgumentException("Rollout steps must be at least 1");
		this.steps = steps;
	}

	@Override
	public int windowSteps() { return steps; }

	@Override
	public double lossAndGradient(Mlp net, MapBatch b, boolean increment) {
		int k = steps;
		if (b.steps < k) throw new IllegalArgumentException("The batch has " + b.steps + " steps, the loss needs " + k);
		UnrolledSteps r = pool.get(net, b, k);
		double scale = 1.0 / ((double) k * b.n * b.d);
		// forward
		r.stateInput(0).assign(b.states[0]).addi(b.noise[0]);
		for (int j = 0; j < k; j++) {
			r.parameterInput(j).assign(b.p);
			INDArray out = net.forward(r.caches[j]);
			if (increment) r.pred[j].assign(r.stateInput(j)).addi(out);
			else r.pred[j].assign(out);
			if (j + 1 < k) r.stateInput(j + 1).assign(r.pred[j]).addi(b.noise[j + 1]);
		}
		// loss; backward through time
		double loss = 0;
		r.carry.assign(0);
		for (int j = k - 1; j >= 0; j--) {
			r.grad.assign(r.pred[j]).subi(b.states[j + 1]);
			double norm = r.grad.norm2Number().doubleValue();
			loss += norm * norm;
			r.grad.muli(2 * scale).addi(r.carry);
			net.backward(r.caches[j], r.grad, j > 0);
			if (j > 0) {
				INDArray dState = r.stateInputGradient(j);
				if (increment) r.carry.assign(r.grad).addi(dState);
				else r.carry.assign(dState);
			}
		}
		return loss * scale;
	}
}
