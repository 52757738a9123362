package org.neurodynamics.core.analysis;

import java.util.Arrays;

/**
 * Local maxima of a sampled signal. A maximum is a sample strictly greater than its left
 * neighbour and not smaller than its right one, extended over a flat top (plateau): the
 * plateau counts once, at its middle. The first and last samples are never maxima (their
 * other side is unknown).
 */
public final class LocalMaxima {

	private LocalMaxima() {}

	/** Indices of the local maxima of {@code x}, increasing. */
	public static int[] indices(double[] x) {
		int[] out = new int[Math.max(4, x.length / 8)];
		int count = 0;
		int i = 1;
		while (i < x.length - 1) {
			if (x[i] > x[i - 1]) {
				int j = i;
				while (j + 1 < x.length && x[j + 1] == x[i]) j++;
				if (j + 1 < x.length && x[j + 1] < x[i]) {
					if (count == out.length) out = Arrays.copyOf(out, out.length * 2);
					out[count++] = (i + j) >>> 1;
				}
				i = j + 1;
			} else {
				i++;
			}
		}
		return Arrays.copyOf(out, count);
	}

	/** Values of the local maxima of {@code x} (the sample values, not interpolated). */
	public static double[] values(double[] x) {
		int[] idx = indices(x);
		double[] v = new double[idx.length];
		for (int k = 0; k < idx.length; k++) v[k] = x[idx[k]];
		return v;
	}

	/**
	 * Sub-sample position of the peak at sample {@code i}: the vertex of the parabola
	 * through samples i-1, i, i+1 (i itself at the ends or when the three are collinear).
	 */
	public static double interpolatedPosition(double[] x, int i) {
		if (i <= 0 || i >= x.length - 1) return i;
		double a = x[i - 1], b = x[i], c = x[i + 1];
		double denom = a - 2 * b + c;
		if (denom >= 0) return i;
		double offset = 0.5 * (a - c) / denom;
		if (offset > 0.5) offset = 0.5;
		if (offset < -0.5) offset = -0.5;
		return i + offset;
	}

	/** Value at the vertex of the parabola through samples i-1, i, i+1. */
	public static double interpolatedValue(double[] x, int i) {
		if (i <= 0 || i >= x.length - 1) return x[i];
		double a = x[i - 1], b = x[i], c = x[i + 1];
		double denom = a - 2 * b + c;
		if (denom >= 0) return b;
		double offset = 0.5 * (a - c) / denom;
		if (offset > 0.5) offset = 0.5;
		if (offset < -0.5) offset = -0.5;
		return b - 0.25 * (a - c) * offset;
	}
}
