package org.neurodynamics.core.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.hipparchus.complex.Complex;
import org.junit.jupiter.api.Test;

class MapAnalysisTest {

	/** Henon map with a as the parameter p and b = 0.3. */
	static final DifferentiableMap HENON = new DifferentiableMap() {
		@Override
		public int dimension() { return 2; }

		@Override
		public void apply(double[] u, double a, double[] out) {
			out[0] = 1 - a * u[0] * u[0] + u[1];
			out[1] = 0.3 * u[0];
		}

		@Override
		public double[][] jacobian(double[] u, double a) {
			return new double[][] { { -2 * a * u[0], 1 }, { 0.3, 0 } };
		}
	};

	static final DifferentiableMap LOGISTIC = new DifferentiableMap() {
		@Override
		public int dimension() { return 1; }

		@Override
		public void apply(double[] u, double r, double[] out) { out[0] = r * u[0] * (1 - u[0]); }

		@Override
		public double[][] jacobian(double[] u, double r) { return new double[][] { { r * (1 - 2 * u[0]) } }; }
	};

	/** u' = A u + c, A a rotation by 0.5 rad scaled by 0.9. */
	static final DifferentiableMap LINEAR = new DifferentiableMap() {
		final double[][] a = { { 0.9 * Math.cos(0.5), -0.9 * Math.sin(0.5) }, { 0.9 * Math.sin(0.5), 0.9 * Math.cos(0.5) } };

		@Override
		public int dimension() { return 2; }

		@Override
		public void apply(double[] u, double p, double[] out) {
			out[0] = a[0][0] * u[0] + a[0][1] * u[1] + p;
			out[1] = a[1][0] * u[0] + a[1][1] * u[1] - 2 * p;
		}

		@Override
		public double[][] jacobian(double[] u, double p) { return a; }
	};

	/** u' = u + 0.5 (u - u^3): stable points -1 and 1, unstable 0. */
	static final DifferentiableMap BISTABLE = new DifferentiableMap() {
		@Override
		public int dimension() { return 1; }

		@Override
		public void apply(double[] u, double p, double[] out) { out[0] = u[0] + 0.5 * (u[0] - u[0] * u[0] * u[0]); }

		@Override
		public double[][] jacobian(double[] u, double p) { return new double[][] { { 1 + 0.5 * (1 - 3 * u[0] * u[0]) } }; }
	};

	@Test
	void henonLyapunovExponent() {
		LyapunovExponent.Result r = LyapunovExponent.largest(HENON, new double[] { 0.1, 0.1 }, 1.4, 1000, 200_000, 0.5);
		assertFalse(r.diverged());
		assertEquals(0.419, r.perStep(), 0.01);
		assertEquals(2 * r.perStep(), r.perTimeUnit(), 1e-12);
	}

	@Test
	void logisticLyapunovExponentIsLn2AndNegativeInAPeriodicWindow() {
		LyapunovExponent.Result r = LyapunovExponent.largest(LOGISTIC, new double[] { 0.1234 }, 4.0, 100, 500_000, Double.NaN);
		assertEquals(Math.log(2), r.perStep(), 0.01);
		assertTrue(Double.isNaN(r.perTimeUnit()));
		// period-2 orbit at r = 3.2: negative exponent
		assertTrue(LyapunovExponent.largest(LOGISTIC, new double[] { 0.3 }, 3.2, 1000, 1000, 1).perStep() < 0);
	}

	@Test
	void lyapunovFromJacobianSequence() {
		List<double[][]> js = new ArrayList<>();
		for (int i = 0; i < 5000; i++) js.add(new double[][] { { 2, 0 }, { 0, 0.5 } });
		assertEquals(Math.log(2), LyapunovExponent.fromJacobians(js, 1).perStep(), 1e-3);
	}

	@Test
	void divergingOrbitIsReported() {
		LyapunovExponent.Result r = LyapunovExponent.largest(HENON, new double[] { 5, 5 }, 1.4, 10, 100, 1);
		assertTrue(r.diverged());
	}

	@Test
	void henonFixedPointsMatchTheAnalyticOnes() {
		double a = 1.4, b = 0.3;
		List<double[]> starts = new ArrayList<>();
		double[] u = { 0.1, 0.1 }, next = new double[2];
		for (int i = 0; i < 200; i++) {
			HENON.apply(u, a, next);
			u = next.clone();
			if (i % 10 == 0) starts.add(u.clone());
		}
		starts.add(new double[] { -1.2, -0.3 });
		List<FixedPoints.FixedPoint> fps = new FixedPoints().find(HENON, a, starts);
		assertEquals(2, fps.size(), fps.toString());
		double disc = Math.sqrt((1 - b) * (1 - b) + 4 * a);
		double[] xs = { (-(1 - b) + disc) / (2 * a), (-(1 - b) - disc) / (2 * a) };
		for (double xStar : xs) {
			FixedPoints.FixedPoint fp = fps.stream().filter(f -> Math.abs(f.state()[0] - xStar) < 1e-8).findFirst()
				.orElseThrow(() -> new AssertionError("missing x* = " + xStar + " in " + fps));
			assertEquals(b * xStar, fp.state()[1], 1e-8);
			assertTrue(fp.residual() < 1e-9);
			// lambda^2 + 2 a x lambda - b = 0
			double l1 = -a * xStar + Math.sqrt(a * a * xStar * xStar + b), l2 = -a * xStar - Math.sqrt(a * a * xStar * xStar + b);
			Complex[] ev = fp.eigenvalues();
			assertEquals(Math.max(Math.abs(l1), Math.abs(l2)), ev[0].norm(), 1e-8);
			assertEquals(Math.min(Math.abs(l1), Math.abs(l2)), ev[1].norm(), 1e-8);
			assertFalse(fp.isStable());
			assertEquals(1, fp.unstableDimension());
		}
	}

	@Test
	void linearMapFixedPointWithComplexEigenvalues() {
		double p = 0.7;
		List<FixedPoints.FixedPoint> fps = new FixedPoints().find(LINEAR, p,
			List.of(new double[] { 10, -3 }, new double[] { 0, 0 }, new double[] { -50, 80 }));
		assertEquals(1, fps.size());
		FixedPoints.FixedPoint fp = fps.get(0);
		assertEquals(3, fp.hits());
		double[] u = fp.state(), f = new double[2];
		LINEAR.apply(u, p, f);
		assertArrayEquals(u, f, 1e-10);
		Complex[] ev = fp.eigenvalues();
		assertEquals(0.9, ev[0].norm(), 1e-10);
		assertEquals(0.9 * Math.sin(0.5), Math.abs(ev[0].getImaginary()), 1e-10);
		assertTrue(fp.isStable());
	}

	@Test
	void bistableMapGivesTwoStableAndOneUnstablePoint() {
		List<double[]> starts = new ArrayList<>();
		for (double s = -2; s <= 2; s += 0.25) starts.add(new double[] { s });
		List<FixedPoints.FixedPoint> fps = new FixedPoints().find(BISTABLE, 0, starts);
		assertEquals(3, fps.size(), fps.toString());
		assertTrue(fps.get(0).isStable() && fps.get(1).isStable() && !fps.get(2).isStable());
		assertEquals(0, fps.get(2).state()[0], 1e-10);
		assertEquals(1.5, fps.get(2).spectralRadius(), 1e-10);
	}

	@Test
	void eigenvaluesOfDegenerateMatrices() {
		Complex[] nil = FixedPoints.eigenvalues(new double[][] { { 0, 1 }, { 0, 0 } });
		assertEquals(0, nil[0].norm(), 1e-12);
		assertEquals(0, nil[1].norm(), 1e-12);
		assertEquals(0, FixedPoints.eigenvalues(new double[][] { { 0, 0 }, { 0, 0 } })[0].norm());
		Complex[] jordan = FixedPoints.eigenvalues(new double[][] { { 0.5, 1 }, { 0, 0.5 } });
		assertEquals(0.5, jordan[0].norm(), 1e-6);
	}
}
