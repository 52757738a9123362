package org.neurodynamics.core.embed;

import static org.junit.jupiter.api.Assertions.*;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;
import org.junit.jupiter.api.Test;

class EmbeddingEstimatorsTest {

	/** Lorenz x (sigma 10, rho 28, beta 8/3) sampled every dt after a transient of 20. */
	static double[] lorenzX(int n, double dt) {
		OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
			@Override
			public int getDimension() { return 3; }

			@Override
			public double[] computeDerivatives(double t, double[] u) {
				return new double[] { 10 * (u[1] - u[0]), u[0] * (28 - u[2]) - u[1], u[0] * u[1] - 8.0 / 3.0 * u[2] };
			}
		};
		double t0 = 20;
		double[] out = new double[n];
		DormandPrince853Integrator integ = new DormandPrince853Integrator(1e-8, 0.1, 1e-10, 1e-10);
		integ.addStepHandler(new ODEStepHandler() {
			int next = 0;

			@Override
			public void handleStep(ODEStateInterpolator in) {
				double t1 = in.getCurrentState().getTime();
				while (next < n && t0 + next * dt <= t1) {
					double t = t0 + next * dt;
					if (t >= in.getPreviousState().getTime()) out[next] = in.getInterpolatedState(t).getPrimaryState()[0];
					next++;
				}
			}
		});
		integ.integrate(ode, new ODEState(0, new double[] { 1, 1, 1 }), t0 + (n - 1) * dt + 1e-9);
		return out;
	}

	static double[] henonX(int n) {
		double x = 0.1, y = 0.1;
		for (int i = 0; i < 1000; i++) {
			double nx = 1 - 1.4 * x * x + y;
			y = 0.3 * x;
			x = nx;
		}
		double[] out = new double[n];
		for (int i = 0; i < n; i++) {
			out[i] = x;
			double nx = 1 - 1.4 * x * x + y;
			y = 0.3 * x;
			x = nx;
		}
		return out;
	}

	@Test
	void amiFirstMinimumOfSineIsAQuarterPeriod() {
		for (int period : new int[] { 40, 100 }) {
			double[] x = new double[20000];
			for (int i = 0; i < x.length; i++) x[i] = Math.sin(2 * Math.PI * i / (period + 0.37) + 0.3);
			double[] ami = MutualInformation.average(x, period, 32);
			assertTrue(ami[0] > ami[1]);
			int tau = MutualInformation.firstMinimum(ami);
			assertEquals(period / 4.0, tau, period * 0.05, "period " + period);
			assertEquals(tau, MutualInformation.suggestedDelay(x, period, 32));
		}
	}

	@Test
	void amiOfNoiseIsSmallAtEveryNonZeroLag() {
		java.util.Random r = new java.util.Random(1);
		double[] x = new double[50000];
		for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
		double[] ami = MutualInformation.average(x, 5, 16);
		for (int lag = 1; lag <= 5; lag++) assertTrue(ami[lag] < 0.01, "lag " + lag + ": " + ami[lag]);
	}

	@Test
	void fnnSuggestsTwoForHenon() {
		FalseNearestNeighbours.Result r = new FalseNearestNeighbours().compute(henonX(10000), 1, 5);
		assertEquals(2, r.suggestedDimension(), java.util.Arrays.toString(r.fractions()));
		assertTrue(r.fraction(1) > 0.3);
	}

	@Test
	void fnnSuggestsThreeForLorenz() {
		double dt = 0.01;
		double[] x = lorenzX(20000, dt);
		int tau = MutualInformation.suggestedDelay(x, 100, 32);
		assertTrue(tau >= 8 && tau <= 25, "tau " + tau);
		long t0 = System.nanoTime();
		FalseNearestNeighbours.Result r = new FalseNearestNeighbours().compute(x, tau, 6);
		long ms = (System.nanoTime() - t0) / 1_000_000;
		assertEquals(3, r.suggestedDimension(), "tau " + tau + " " + java.util.Arrays.toString(r.fractions()));
		assertTrue(r.fraction(1) > 0.2 && r.fraction(2) > r.fraction(3));
		assertTrue(ms < 5000, ms + " ms");
	}
}
