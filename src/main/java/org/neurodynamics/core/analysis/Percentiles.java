package org.neurodynamics.core.analysis;

import java.util.Arrays;

import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * The percentile definitions the plugin uses, in one place. {@link #linear} interpolates
 * between order statistics (Hipparchus' {@link Percentile} with estimation type R-7, the
 * default of R and NumPy): it is what thresholds and baselines use. {@link #rank} picks one
 * sample without interpolation: the embedding choice and the self-check read counts (ISIs,
 * spike widths) and levels with it, and their results are calibrated on it.
 * {@link #weightedBySize} weighs every sample by its own size: for durations, the percentile
 * of time rather than of count.
 */
public final class Percentiles {

	private Percentiles() {}

	/**
	 * Percentile {@code p} (0-100) by linear interpolation: position p/100 (n - 1) (from 0) in
	 * the ascending samples. NaN for no samples; NaN samples are ignored. {@code values} is
	 * not changed.
	 */
	public static double linear(double[] values, double p) {
		return linear(values, 0, values.length, p);
	}

	/** {@link #linear(double[], double)} of {@code values[from, from + length)}. */
	public static double linear(double[] values, int from, int length, double p) {
		if (!(p >= 0 && p <= 100)) throw new IllegalArgumentException("percentile " + p);
		if (length == 0) return Double.NaN;
		// Hipparchus takes p in (0, 100]; the 0th percentile is the minimum.
		if (p == 0) {
			double min = Double.NaN;
			for (int i = from; i < from + length; i++)
				if (!Double.isNaN(values[i]) && !(values[i] >= min)) min = values[i];
			return min;
		}
		return new Percentile().withEstimationType(Percentile.EstimationType.R_7).evaluate(values, from, length, p);
	}

	/** {@link #linear(double[], double)} of float samples. */
	public static double linear(float[] values, double p) {
		return linear(toDouble(values), p);
	}

	/**
	 * Percentile {@code p} (0-100) as one sample: the sample at position floor(p/100 n) (from
	 * 0, at most n - 1) in the ascending samples, so that more than p% of the samples are at or
	 * below it (the upper median for an even count). {@code values} is not changed.
	 */
	public static double rank(double[] values, double p) {
		if (values.length == 0) return Double.NaN;
		double[] v = values.clone();
		Arrays.sort(v);
		return v[(int) Math.min(v.length - 1, Math.floor(p / 100 * v.length))];
	}

	/**
	 * Percentile {@code p} (0-100) of non-negative samples each weighted by its own size: the
	 * smallest sample such that the samples up to it make up p% of the sum. For intervals, the
	 * interval that p% of the time lies in intervals no longer than: a burst of 24 spikes has
	 * one silence in 24 intervals, but most of its time is silence. NaN for no samples.
	 */
	public static double weightedBySize(double[] values, double p) {
		if (values.length == 0) return Double.NaN;
		double[] v = values.clone();
		Arrays.sort(v);
		double total = 0, sum = 0;
		for (double x : v) total += x;
		for (double x : v) {
			sum += x;
			if (sum >= p / 100 * total) return x;
		}
		return v[v.length - 1];
	}

	static double[] toDouble(float[] x) {
		double[] d = new double[x.length];
		for (int i = 0; i < x.length; i++) d[i] = x[i];
		return d;
	}
}
