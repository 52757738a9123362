package org.neurodynamics.core.analysis;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Test-only Hindmarsh-Rose integrator: x' = y - x^3 + 3x^2 - z + I, y' = 1 - 5x^2 - y,
 * z' = 0.006(4(x+1.6) - z). Returns x sampled every {@code dt} after a transient.
 */
final class HindmarshRose {

	private HindmarshRose() {}

	static double[] simulateX(double current, double transientTime, double duration, double dt) {
		return simulateX(current, transientTime, duration, dt, new double[] { -1.6, -4, 2.0 });
	}

	static double[] simulateX(double current, double transientTime, double duration, double dt, double[] initial) {
		OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
			@Override
			public int getDimension() { return 3; }

			@Override
			public double[] computeDerivatives(double t, double[] u) {
				double x = u[0], y = u[1], z = u[2];
				return new double[] { y - x * x * x + 3 * x * x - z + current, 1 - 5 * x * x - y,
					0.006 * (4 * (x + 1.6) - z) };
			}
		};
		DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-6, 1.0, 1e-9, 1e-9);
		int n = (int) Math.round(duration / dt);
		double[] out = new double[n];
		integrator.addStepHandler(new ODEStepHandler() {
			int next = 0;

			@Override
			public void handleStep(ODEStateInterpolator interpolator) {
				double t1 = interpolator.getCurrentState().getTime();
				while (next < n) {
					double t = transientTime + next * dt;
					if (t > t1) break;
					if (t >= interpolator.getPreviousState().getTime()) out[next] = interpolator.getInterpolatedState(t)
						.getPrimaryState()[0];
					next++;
				}
			}
		});
		integrator.integrate(ode, new ODEState(0, initial.clone()), transientTime + (n - 1) * dt + 1e-9);
		return out;
	}
}
