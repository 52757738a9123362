package org.neurodynamics.core.nn;

import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Scratch buffers for unrolling the map k steps on a batch of n windows: one network
 * cache per step (whose input row is [state, parameter]), the predictions and the
 * gradient carried back through time. Losses that iterate the map share it.
 */
final class UnrolledSteps {
	final int n, d, k;
	final Mlp.Cache[] caches;
	/** k predictions, n x d. */
	final INDArray[] pred;
	/** n x d: the gradient carried to the previous step, and the current step's output gradient. */
	final INDArray carry, grad;
	private final INDArray[] stateIn, paramIn, dStateIn;

	UnrolledSteps(Mlp net, int n, int d, int k) {
		this.n = n;
		this.d = d;
		this.k = k;
		caches = new Mlp.Cache[k];
		pred = new INDArray[k];
		stateIn = new INDArray[k];
		paramIn = new INDArray[k];
		dStateIn = new INDArray[k];
		for (int j = 0; j < k; j++) {
			caches[j] = net.newCache(n);
			pred[j] = Nd4j.create(net.dtype, n, d);
			stateIn[j] = caches[j].input().get(NDArrayIndex.all(), NDArrayIndex.interval(0, d));
			paramIn[j] = caches[j].input().get(NDArrayIndex.all(), NDArrayIndex.interval(d, d + 1));
			dStateIn[j] = caches[j].d[0].get(NDArrayIndex.all(), NDArrayIndex.interval(0, d));
		}
		carry = Nd4j.create(net.dtype, n, d);
		grad = Nd4j.create(net.dtype, n, d);
	}

	/** The state part of step j's network input (a view). */
	INDArray stateInput(int j) { return stateIn[j]; }

	/** The parameter column of step j's network input (a view). */
	INDArray parameterInput(int j) { return paramIn[j]; }

	/** After a backward pass of step j with input gradient: the gradient with respect to its input state (a view). */
	INDArray stateInputGradient(int j) { return dStateIn[j]; }

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
