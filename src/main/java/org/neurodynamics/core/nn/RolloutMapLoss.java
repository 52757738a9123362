package org.neurodynamics.core.nn;

/**
 * Multi-step (rollout) loss: from the first state of every window, perturbed by
 * {@code noise[0]}, the map is iterated k times, adding {@code noise[j]} to its own state
 * after step j (j &lt; k); the loss is the squared distance of every iterate to the
 * window's state, averaged over steps, windows and coordinates. The gradient flows back
 * through all unrolled steps (backpropagation through time). It is teacher forcing without
 * forcing (alpha 0); with k = 1 it equals {@link OneStepMapLoss}.
 */
final class RolloutMapLoss extends TeacherForcedMapLoss {

	RolloutMapLoss(int steps) {
		super(steps, 0);
	}
}
