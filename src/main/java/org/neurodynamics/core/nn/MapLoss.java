package org.neurodynamics.core.nn;

/**
 * A training loss of the map u(n+1) = u(n) + F(u(n), p) (or F(u(n), p)) on windows of
 * consecutive states, with its gradient. The training loop ({@link MapTrainer}) draws
 * windows of {@link #windowSteps()} + 1 consecutive standardised states and the noise
 * for them into a {@link MapBatch}, calls {@link #lossAndGradient}, and takes an Adam
 * step; a new loss is one implementation of this interface (plus its finite-difference
 * gradient test), with no change to the loop.
 * <p>
 * Implementations may keep scratch buffers between calls and are not thread-safe.
 */
interface MapLoss {

	/** Steps k of the windows this loss needs: a window holds states u(t) .. u(t + k). */
	int windowSteps();

	/**
	 * The loss on the windows of {@code batch} (which has {@link #windowSteps()} steps);
	 * adds its gradient with respect to {@code net.params} into {@code net.grads}.
	 *
	 * @param increment whether the network predicts the increment u(n+1) - u(n) rather
	 *        than u(n+1)
	 * @return the loss, averaged so that its scale does not depend on the batch size
	 */
	double lossAndGradient(Mlp net, MapBatch batch, boolean increment);

	/** Called by the training loop before epoch {@code epoch} (0-based) of {@code epochs}. */
	default void startEpoch(int epoch, int epochs) {}
}
