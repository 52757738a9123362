package org.neurodynamics.core.nn;

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
		float g2 = (float) (2 * scale);
		r.setInput(0, b.states[0], b.noise[0], b.p[0]);
		r.predict(net, 0, increment, b.scale);
		double sse = r.residual(0, b.states[1], b.scale);
		for (int i = 0; i < r.grad.length; i++)
			r.grad[i] *= g2;
		net.backward(r.caches[0], r.outputGradient(b.scale), false);
		return sse * scale;
	}
}
