package org.neurodynamics.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PercentilesTest {

	/** The definition written out: interpolation at position p/100 (n - 1) of the sorted samples. */
	private static double linearBySorting(double[] x, double p) {
		double[] s = x.clone();
		Arrays.sort(s);
		double pos = p / 100 * (s.length - 1);
		int lo = (int) Math.floor(pos), hi = Math.min(s.length - 1, lo + 1);
		return s[lo] + (pos - lo) * (s[hi] - s[lo]);
	}

	@Test
	void linearIsTheInterpolationBetweenOrderStatistics() {
		Random random = new Random(3);
		for (int n : new int[] { 1, 2, 3, 10, 101, 1000 }) {
			double[] x = new double[n];
			for (int i = 0; i < n; i++) x[i] = random.nextGaussian() * 5 + 2;
			double[] copy = x.clone();
			for (double p : new double[] { 0, 0.5, 5, 8, 25, 50, 95, 99.5, 100 })
				assertEquals(linearBySorting(x, p), Percentiles.linear(x, p), 1e-12, "n " + n + ", p " + p);
			assertEquals(Arrays.toString(copy), Arrays.toString(x), "the samples are not changed");
		}
		assertEquals(1.5, Percentiles.linear(new double[] { 3, 1, 2, 5, 4 }, 12.5), 0);
		assertEquals(3, Percentiles.linear(new float[] { 3, 1, 2, 5, 4 }, 50), 0);
		assertEquals(2, Percentiles.linear(new double[] { 9, 9, 3, 1, 2, 9 }, 2, 3, 50), 0);
		assertEquals(Double.NaN, Percentiles.linear(new double[0], 50));
	}

	@Test
	void rankIsOneSampleAboveTheFraction() {
		double[] x = { 4, 1, 3, 2 };
		assertEquals(3, Percentiles.rank(x, 50), 0); // the upper median
		assertEquals(1, Percentiles.rank(x, 5), 0);
		assertEquals(4, Percentiles.rank(x, 99.5), 0);
		assertEquals(4, Percentiles.rank(x, 100), 0);
		assertEquals(2, Percentiles.rank(x, 25), 0);
	}

	@Test
	void theSlowTimeScaleIsTheSilenceBetweenBurstsHoweverManySpikesABurstHas() {
		// bursts of 24 spikes 1 apart, silences of 100: the silences are 4 % of the intervals
		// but 81 % of the time
		java.util.List<Double> plateau = new java.util.ArrayList<>();
		for (int b = 0; b < 10; b++) {
			for (int i = 0; i < 23; i++) plateau.add(1.0);
			plateau.add(100.0);
		}
		assertEquals(100, Percentiles.weightedBySize(plateau.stream().mapToDouble(Double::doubleValue).toArray(), 95), 0);
		// bursts of 4 (a quarter of the intervals are silences): the ordinary 95th percentile
		java.util.List<Double> short4 = new java.util.ArrayList<>();
		for (int b = 0; b < 10; b++) short4.addAll(java.util.List.of(30.0, 30.0, 30.0, 200.0));
		assertEquals(200, Percentiles.weightedBySize(short4.stream().mapToDouble(Double::doubleValue).toArray(), 95), 0);
		// tonic spiking: the interval itself
		assertEquals(50, Percentiles.weightedBySize(new double[] { 49, 50, 50, 50, 51, 50 }, 95), 1);
	}

}
