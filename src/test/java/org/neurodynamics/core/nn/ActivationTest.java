package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class ActivationTest {

	@Test
	void singlePrecisionTanhIsWithinOnePartInAMillionOfTheExactOne() {
		int n = 400_001;
		float[] x = new float[n];
		for (int i = 0; i < n; i++)
			x[i] = -10f + 20f * i / (n - 1);
		float[] y = x.clone();
		Activation.TANH.applyInPlace(y, n);
		for (int i = 0; i < n; i++) {
			double exact = Math.tanh(x[i]);
			assertEquals(exact, y[i], 1e-6 * Math.abs(exact) + 1e-12, "tanh(" + x[i] + ")");
		}
	}

	@Test
	void derivativesFromTheOutputAgreeWithFiniteDifferences() {
		for (Activation act : Activation.values())
			for (double x = -3; x <= 3; x += 0.37) {
				float[] h = { (float) x }, g = { 1f };
				act.applyInPlace(h, 1);
				act.multiplyByDerivative(g, h, 1);
				double fd = (act.apply(x + 1e-6) - act.apply(x - 1e-6)) / 2e-6;
				assertEquals(fd, g[0], 1e-5, act + " at " + x);
				assertEquals(act.apply(x), h[0], 1e-6, act + " at " + x);
			}
	}
}
