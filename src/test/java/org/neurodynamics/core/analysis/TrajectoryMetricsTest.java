package org.neurodynamics.core.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TrajectoryMetricsTest {

	private static double[] sine(int n, double period, double phase) {
		double[] x = new double[n];
		for (int i = 0; i < n; i++) x[i] = Math.sin(2 * Math.PI * i / period + phase);
		return x;
	}

	@Test
	void spectrumIsTheNormalisedPeriodogramOfTheWindowedSeries() {
		Random r = new Random(3);
		int n = 12, size = 16;
		double[] x = new double[n];
		for (int i = 0; i < n; i++) x[i] = r.nextGaussian();
		double mean = java.util.Arrays.stream(x).average().getAsDouble();
		double[] power = new double[size / 2 + 1];
		double total = 0;
		for (int k = 0; k < power.length; k++) {
			double sr = 0, si = 0;
			for (int j = 0; j < n; j++) {
				double w = (x[j] - mean) * (0.5 - 0.5 * Math.cos(2 * Math.PI * j / (n - 1)));
				sr += w * Math.cos(-2 * Math.PI * j * k / size);
				si += w * Math.sin(-2 * Math.PI * j * k / size);
			}
			power[k] = sr * sr + si * si;
			total += power[k];
		}
		double[] spectrum = TrajectoryMetrics.smoothedSpectrum(x, n, size, 0);
		for (int k = 0; k < power.length; k++) assertEquals(power[k] / total, spectrum[k], 1e-12);
	}

	@Test
	void identicalAndShiftedSinesAreCloseAndNoiseIsFar() {
		double[] a = sine(8000, 37.3, 0);
		double[] b = sine(8000, 37.3, 1.1);
		Random r = new Random(4);
		double[] noise = new double[8000];
		for (int i = 0; i < noise.length; i++) noise[i] = r.nextGaussian() * 0.7;

		assertEquals(0, TrajectoryMetrics.stateSpaceDivergence(a, a, 5), 1e-12);
		assertEquals(0, TrajectoryMetrics.spectralHellinger(a, a), 1e-7);
		double dShift = TrajectoryMetrics.stateSpaceDivergence(a, b, 5);
		double dNoise = TrajectoryMetrics.stateSpaceDivergence(a, noise, 5);
		assertTrue(dShift < 0.1, "shifted sine D_stsp " + dShift);
		assertTrue(dNoise > 2, "noise D_stsp " + dNoise);
		double hShift = TrajectoryMetrics.spectralHellinger(a, b);
		double hNoise = TrajectoryMetrics.spectralHellinger(a, noise);
		assertTrue(hShift < 0.05, "shifted sine D_H " + hShift);
		assertTrue(hNoise > 0.8, "noise D_H " + hNoise);
		assertTrue(hNoise <= 1);
		// 3-D embedding works the same way
		assertTrue(TrajectoryMetrics.stateSpaceDivergence(a, b, 3, 5, 30, 1e-2) < 0.2);
		assertTrue(TrajectoryMetrics.stateSpaceDivergence(a, noise, 3, 5, 30, 1e-2) > 2);
		// a sine of another period is different in both
		double[] c = sine(8000, 20.1, 0);
		assertTrue(TrajectoryMetrics.spectralHellinger(a, c) > 0.8);
		assertTrue(TrajectoryMetrics.stateSpaceDivergence(a, c, 5) > 1);
	}
}
