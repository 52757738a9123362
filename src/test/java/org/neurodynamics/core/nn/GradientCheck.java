package org.neurodynamics.core.nn;

import java.util.function.DoubleSupplier;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Central finite differences of a loss with respect to every parameter of its networks,
 * compared with the gradient the loss's backward pass accumulates: the test every
 * hand-written backward pass in this package has.
 */
final class GradientCheck {

	private GradientCheck() {}

	/** Largest absolute difference and largest finite-difference gradient of one network. */
	static final class Error {
		final double maxError, maxGradient;

		Error(double maxError, double maxGradient) {
			this.maxError = maxError;
			this.maxGradient = maxGradient;
		}

		/** Whether the error is below {@code tol} relative to max(1, largest gradient). */
		boolean within(double tol) {
			return maxError < tol * Math.max(1, maxGradient);
		}

		@Override
		public String toString() {
			return "max error " + maxError + " (max gradient " + maxGradient + ")";
		}
	}

	/**
	 * @param loss computes the loss on fixed data and adds its gradient into the networks'
	 *        {@code grads}
	 * @return one error per network
	 */
	static Error[] check(DoubleSupplier loss, Mlp... nets) {
		for (Mlp net : nets)
			net.grads.assign(0);
		loss.getAsDouble();
		// the finite-difference evaluations accumulate into grads too: keep the analytic ones first
		INDArray[] analytic = new INDArray[nets.length];
		for (int k = 0; k < nets.length; k++)
			analytic[k] = nets[k].grads.dup();
		Error[] errors = new Error[nets.length];
		for (int k = 0; k < nets.length; k++) {
			Mlp net = nets[k];
			INDArray g = analytic[k];
			double maxErr = 0, maxG = 0, h = 1e-6;
			for (int i = 0; i < net.params.length(); i++) {
				double v = net.params.getDouble(0, i);
				net.params.putScalar(0, i, v + h);
				double lp = loss.getAsDouble();
				net.params.putScalar(0, i, v - h);
				double lm = loss.getAsDouble();
				net.params.putScalar(0, i, v);
				double fd = (lp - lm) / (2 * h);
				maxErr = Math.max(maxErr, Math.abs(fd - g.getDouble(0, i)));
				maxG = Math.max(maxG, Math.abs(fd));
			}
			errors[k] = new Error(maxErr, maxG);
		}
		return errors;
	}
}
