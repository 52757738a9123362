package org.neurodynamics.core.nn;

/**
 * A training loss plus a penalty on the map's curvature along the parameter at the recorded
 * states: at the first state u of every window, recorded at p, the map's output at p must
 * lie on the chord of its outputs at p - h and p + h,
 * <pre>  penalty = weight * mean over windows and coordinates of ((F(u, p-h) + F(u, p+h)) / 2 - F(u, p))^2</pre>
 * in the units of the loss (the output units, so one step spread per coordinate with
 * increment scaling). Between recorded values the map then bends along p only where the
 * data make it: injected current enters a membrane equation linearly, so the true flow's
 * step is nearly affine in p at every state. With weight 1 a midpoint off the chord costs
 * what a one-step prediction error of that size costs.
 */
final class ParameterCurvaturePenalty implements MapLoss {

	/** h in standardised parameter units: a quarter of the parameter's standard deviation over the recordings. */
	static final float STEP = 0.25f;

	private final MapLoss base;
	private final double weight;
	private Mlp owner;
	private Mlp.Cache[] caches;
	private float[] dOut;

	ParameterCurvaturePenalty(MapLoss base, double weight) {
		if (!(weight > 0)) throw new IllegalArgumentException("The curvature penalty's weight must be > 0, got " + weight);
		this.base = base;
		this.weight = weight;
	}

	@Override
	public int windowSteps() { return base.windowSteps(); }

	@Override
	public void startEpoch(int epoch, int epochs) { base.startEpoch(epoch, epochs); }

	@Override
	public double lossAndGradient(Mlp net, MapBatch b, boolean increment) {
		return base.lossAndGradient(net, b, increment) + penaltyAndGradient(net, b);
	}

	/** The penalty at the first state of every window of {@code b}; adds its gradient into {@code net}. */
	double penaltyAndGradient(Mlp net, MapBatch b) {
		int n = b.n, d = b.d;
		if (owner != net || caches[0].n != n) {
			owner = net;
			caches = new Mlp.Cache[] { net.newCache(n), net.newCache(n), net.newCache(n) };
			dOut = new float[n * d];
		}
		float[][] out = new float[3][];
		for (int s = 0; s < 3; s++) {
			float[] in = caches[s].input();
			for (int r = 0; r < n; r++) {
				System.arraycopy(b.states[0], r * d, in, r * (d + 1), d);
				in[r * (d + 1) + d] = b.p[0][r] + (s - 1) * STEP;
			}
			out[s] = net.forward(caches[s]);
		}
		double sum = 0, mean = 1.0 / ((double) n * d);
		for (int i = 0; i < n * d; i++) {
			float m = 0.5f * (out[0][i] + out[2][i]) - out[1][i];
			sum += (double) m * m;
			dOut[i] = (float) (2 * weight * mean * m);
		}
		// d/dF(p -+ h) = dOut / 2, d/dF(p) = -dOut
		net.backward(caches[0], scale(dOut, 0.5f), false);
		net.backward(caches[2], dOut, false);
		net.backward(caches[1], scale(dOut, -2f), false);
		return weight * mean * sum;
	}

	private static float[] scale(float[] x, float factor) {
		for (int i = 0; i < x.length; i++)
			x[i] *= factor;
		return x;
	}
}
