package org.neurodynamics.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One-step loss: the mean squared distance of F applied to the first state of every
 * window (perturbed by {@code noise[0]}) to the second state, averaged over windows and
 * coordinates. The same number and gradient as a {@link RolloutMapLoss} of one step, with
 * nothing carried through time.
 */
final class OneStepMapLoss implements MapLoss {

	private final UnrolledSteps.Pool pool = new UnrolledSteps.Pool();

	@Override
	public int windowSteps() { return 1; }

	@Override
	public double lossAndGradient(Mlp net, MapBatch b, boolean increment) {
		UnrolledSteps r = pool.get(net, b, 1);
		double scale = 1.0 / ((double) b.n * b.d);
		r.stateInput(0).assign(b.states[0]).addi(b.noise[0]);
		r.parameterInput(0).assign(b.p);
		INDArray out = net.forward(r.caches[0]);
		if (increment) r.pred[0].assign(r.stateInput(0)).addi(out);
		else r.pred[0].assign(out);
		r.grad.assign(r.pred[0]).subi(b.states[1]);
		double norm = r.grad.norm2Number().doubleValue();
		r.grad.muli(2 * scale);
		net.backward(r.caches[0], r.grad, false);
		return norm * norm * scale;
	}
}
