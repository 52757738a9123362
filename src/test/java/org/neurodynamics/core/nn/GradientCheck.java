package org.neurodynamics.core.nn;

import java.util.function.DoubleSupplier;

/**
 * Central finite differences of a loss with respect to every parameter of its networks,
 * compared with the gradient the loss's backward pass accumulates: the test every
 * hand-written backward pass in this package has. The networks are single precision, so
 * the step is 1e-2 (the loss's rounding error, ~1e-7 of it, divided by the step stays
 * far below the tolerance; the truncation error is of order 1e-5).
 */
final class GradientCheck {

	private static final float STEP = 1e-2f;

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
	 *        gradients
	 * @return one error per network
	 */
	static Error[] check(DoubleSupplier loss, Mlp... nets) {
		for (Mlp net : nets)
			net.zeroGradients();
		loss.getAsDouble();
		// the finite-difference evaluations accumulate into the gradients too: keep the analytic ones first
		float[][][] analytic = new float[nets.length][][];
		for (int k = 0; k < nets.length; k++) {
			float[][] g = nets[k].gradients();
			analytic[k] = new float[g.length][];
			for (int i = 0; i < g.length; i++)
				analytic[k][i] = g[i].clone();
		}
		Error[] errors = new Error[nets.length];
		for (int k = 0; k < nets.length; k++) {
			float[][] params = nets[k].parameters();
			double maxErr = 0, maxG = 0;
			for (int i = 0; i < params.length; i++)
				for (int e = 0; e < params[i].length; e++) {
					float v = params[i][e], up = v + STEP, down = v - STEP;
					params[i][e] = up;
					double lp = loss.getAsDouble();
					params[i][e] = down;
					double lm = loss.getAsDouble();
					params[i][e] = v;
					double fd = (lp - lm) / ((double) up - down);
					maxErr = Math.max(maxErr, Math.abs(fd - analytic[k][i][e]));
					maxG = Math.max(maxG, Math.abs(fd));
				}
			errors[k] = new Error(maxErr, maxG);
		}
		return errors;
	}
}
