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
	void fftMatchesADirectDft() {
		Random r = new Random(3);
		int n = 16;
		double[] re = new double[n], im = new double[n], x = new double[n];
		for (int i = 0; i < n; i++) x[i] = re[i] = r.nextGaussian();
		TrajectoryMetrics.fft(re, im);
		for (int k = 0; k < n; k++) {
			double sr = 0, si = 0;
			for (int j = 0; j < n; j++) {
				sr += x[j] * Math.cos(-2 * Math.PI * j * k / n);
				si += x[j] * Math.sin(-2 * Math.PI * j * k / n);
			}
			assertEquals(sr, re[k], 1e-10);
			assertEquals(si, im[k], 1e-10);
		}
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
