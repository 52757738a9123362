package org.neurodynamics.core.nn;

import java.util.HashMap;
import java.util.Map;

/**
 * Scratch buffers for unrolling the map k steps on a batch of n windows: one network
 * cache per step (whose input rows are [state, parameter]), the predictions and the
 * gradient carried back through time. Losses that iterate the map share it.
 */
final class UnrolledSteps {
	final int n, d, k;
	final Mlp.Cache[] caches;
	/** k predictions, n x d. */
	final float[][] pred;
	/**
	 * n x d: the gradient carried to the previous step, the loss gradient with respect to the
	 * current step's prediction, the same with respect to the network's output, the next
	 * step's input state.
	 */
	final float[] carry, grad, outGrad, next;

	UnrolledSteps(Mlp net, int n, int d, int k) {
		this.n = n;
		this.d = d;
		this.k = k;
		caches = new Mlp.Cache[k];
		pred = new float[k][n * d];
		for (int j = 0; j < k; j++)
			caches[j] = net.newCache(n);
		carry = new float[n * d];
		grad = new float[n * d];
		outGrad = new float[n * d];
		next = new float[n * d];
	}

	/** Sets step j's network input to [state + noise, p] (noise may be null). */
	void setInput(int j, float[] state, float[] noise, float[] p) {
		float[] in = caches[j].input();
		for (int r = 0; r < n; r++) {
			int o = r * (d + 1), s = r * d;
			for (int i = 0; i < d; i++)
				in[o + i] = noise == null ? state[s + i] : state[s + i] + noise[s + i];
			in[o + d] = p[r];
		}
	}

	/**
	 * Runs step j's network and stores its prediction of the next state in {@code pred[j]}:
	 * input + scale * output for the increment form (scale null = 1), the output otherwise.
	 */
	float[] predict(Mlp net, int j, boolean increment, float[] scale) {
		float[] out = net.forward(caches[j]), in = caches[j].input(), y = pred[j];
		for (int r = 0; r < n; r++)
			for (int i = 0; i < d; i++)
				y[r * d + i] = increment ? in[r * (d + 1) + i] + (scale == null ? 1f : scale[i]) * out[r * d + i] : out[r * d + i];
		return y;
	}

	/**
	 * grad = (pred[j] - target) / scale^2, the error measured in units of scale (null = 1);
	 * returns the squared norm of the error in those units.
	 */
	double residual(int j, float[] target, float[] scale) {
		float[] y = pred[j];
		double sse = 0;
		for (int i = 0; i < y.length; i++) {
			float e = y[i] - target[i];
			float w = scale == null ? 1f : 1f / (scale[i % d] * scale[i % d]);
			grad[i] = e * w;
			sse += e * e * w;
		}
		return sse;
	}

	/** The gradient with respect to the network's output: grad times scale (grad itself for scale null). */
	float[] outputGradient(float[] scale) {
		if (scale == null) return grad;
		for (int i = 0; i < grad.length; i++)
			outGrad[i] = grad[i] * scale[i % d];
		return outGrad;
	}

	/**
	 * After a backward pass of step j with input gradient: carry = factor (grad + dState)
	 * for the increment form, factor dState for the direct one.
	 */
	void carryBack(int j, boolean increment, float factor) {
		float[] dIn = caches[j].inputGradient();
		for (int r = 0; r < n; r++)
			for (int i = 0; i < d; i++) {
				int o = r * d + i;
				float g = dIn[r * (d + 1) + i] + (increment ? grad[o] : 0f);
				carry[o] = factor * g;
			}
	}

	/** Workspaces by batch size for one network, reallocated when the network changes. */
	static final class Pool {
		private final Map<Integer, UnrolledSteps> bySize = new HashMap<>();
		private Mlp owner;

		UnrolledSteps get(Mlp net, MapBatch b, int k) {
			if (owner != net) {
				bySize.clear();
				owner = net;
			}
			UnrolledSteps u = bySize.get(b.n);
			if (u == null || u.d != b.d || u.k != k) {
				u = new UnrolledSteps(net, b.n, b.d, k);
				bySize.put(b.n, u);
			}
			return u;
		}
	}
}
