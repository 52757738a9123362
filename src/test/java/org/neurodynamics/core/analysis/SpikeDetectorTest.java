package org.neurodynamics.core.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;

class SpikeDetectorTest {

	/** Resting level -65, spikes (Gaussian bumps of 90 mV) at given times, plus noise and a slow subthreshold wave. */
	static double[] syntheticVoltage(int n, double[] spikeAt, double noise, double subthreshold, long seed) {
		Random rnd = new Random(seed);
		double[] x = new double[n];
		for (int i = 0; i < n; i++) {
			double v = -65 + subthreshold * Math.sin(2 * Math.PI * i / 97.0) + noise * rnd.nextGaussian();
			for (double s : spikeAt) v += 90 * Math.exp(-0.5 * (i - s) * (i - s) / 4.0);
			x[i] = v;
		}
		return x;
	}

	@Test
	void countsAgreeWithinTwentyPercentOrOneSpikeAndSilentOnlyWhereTheRecordingIs() {
		assertTrue(SpikeDetector.countsAgree(5, 6));
		assertFalse(SpikeDetector.countsAgree(5, 7));
		assertTrue(SpikeDetector.countsAgree(10, 12));
		assertFalse(SpikeDetector.countsAgree(10, 13));
		assertTrue(SpikeDetector.countsAgree(2, 1));
		// one spike and none are different regimes, either way round
		assertFalse(SpikeDetector.countsAgree(1, 0));
		assertFalse(SpikeDetector.countsAgree(0, 1));
		assertTrue(SpikeDetector.countsAgree(0, 0));
	}

	@Test
	void localMaximaHandlesPlateausAndEnds() {
		double[] x = { 5, 1, 3, 3, 3, 0, 2, 1, 4 };
		assertArrayEquals(new int[] { 3, 6 }, LocalMaxima.indices(x));
		double[] p = { 0, 1, 4, 5, 4, 1 }; // symmetric around 3
		assertEquals(3.0, LocalMaxima.interpolatedPosition(p, 3), 1e-12);
		double[] q = new double[20];
		for (int i = 0; i < q.length; i++) q[i] = -(i - 7.3) * (i - 7.3);
		assertEquals(7.3, LocalMaxima.interpolatedPosition(q, 7), 1e-9);
		assertEquals(0.0, LocalMaxima.interpolatedValue(q, 7), 1e-9);
	}

	@Test
	void findsSpikesButNotNoiseOrSubthresholdWaves() {
		double[] at = { 100.3, 350.7, 351 + 40, 800.25, 1500.5 };
		double[] x = syntheticVoltage(2000, at, 0.5, 4, 1);
		SpikeDetector.Spikes s = new SpikeDetector().detect(x);
		assertFalse(s.isRest());
		assertEquals(at.length, s.count());
		double[] pos = s.positions();
		for (int i = 0; i < at.length; i++) assertEquals(at[i], pos[i], 0.3);
		assertArrayEquals(new double[] { 50.15, 175.35, 195.5, 400.125, 750.25 }, s.times(0.5), 0.15);
	}

	@Test
	void noiseAndSmallOscillationsAreRest() {
		assertTrue(new SpikeDetector().detect(syntheticVoltage(5000, new double[0], 0.5, 0, 2)).isRest());
		assertTrue(new SpikeDetector().detect(syntheticVoltage(5000, new double[0], 0.2, 3, 3)).isRest());
		assertTrue(new SpikeDetector().detect(new double[] { 1, 1, 1, 1 }).isRest());
		assertEquals(0, new SpikeDetector().detect(new double[0]).count());
	}

	@Test
	void absoluteThresholdRejectsSmallSpikes() {
		double[] x = syntheticVoltage(1000, new double[] { 200, 600 }, 0.1, 0, 4);
		assertEquals(2, new SpikeDetector().detect(x).count());
		assertTrue(new SpikeDetector().withAbsoluteThreshold(40).detect(x).isRest());
	}
}
