package org.neurodynamics.core.fit;

/** How the gradient of the loss with respect to the fit's bounded coordinates is obtained. */
public interface GradientMethod {

	/** Returns the loss over the first {@code steps} steps and writes dL/dphi into {@code gradient}. */
	double evaluate(FitProblem problem, double[] phi, int steps, double[] gradient);

	/** Simulations of the window per evaluation, for cost accounting. */
	int simulations(int parameters);

	/** Forward sensitivities: one simulation carrying all P columns (gradient diffusion). */
	GradientMethod SENSITIVITIES = new GradientMethod() {
		@Override
		public double evaluate(FitProblem problem, double[] phi, int steps, double[] gradient) {
			return problem.loss(phi, steps, gradient);
		}

		@Override
		public int simulations(int parameters) { return 1; }

		@Override
		public String toString() { return "sensitivities"; }
	};

	/** Central finite differences in phi with step h: 2P + 1 simulations (the paper's baseline). */
	static GradientMethod finiteDifferences(double h) {
		return new GradientMethod() {
			@Override
			public double evaluate(FitProblem problem, double[] phi, int steps, double[] gradient) {
				double loss = problem.loss(phi, steps, null);
				for (int k = 0; k < phi.length; k++) {
					double[] x = phi.clone();
					x[k] = phi[k] + h;
					double plus = problem.loss(x, steps, null);
					x[k] = phi[k] - h;
					gradient[k] = (plus - problem.loss(x, steps, null)) / (2 * h);
				}
				return loss;
			}

			@Override
			public int simulations(int parameters) { return 2 * parameters + 1; }

			@Override
			public String toString() { return "finite differences"; }
		};
	}
}
