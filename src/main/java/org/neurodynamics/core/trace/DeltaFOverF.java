package org.neurodynamics.core.trace;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.analysis.Percentiles;

/**
 * dF/F = (F - F0) / F0 for imaging traces. F0 is a low percentile of F: of the whole
 * trace, or, for bleach correction, a baseline that follows a slow fluorescence decay
 * (sliding-window percentile, then the sliding maximum of that), so that the decay is
 * divided out instead of appearing as a drift.
 */
public final class DeltaFOverF {

	private DeltaFOverF() {}

	/**
	 * @param percentile baseline percentile (0..100), e.g. 8
	 * @param window sliding window in frames for bleach correction, 0 for a constant baseline
	 */
	public static float[] compute(float[] f, double percentile, int window, String traceName) {
		if (!(percentile >= 0 && percentile <= 100)) throw new UserInputException("The baseline percentile must be between 0 and 100, got " + percentile + ".");
		float[] out = new float[f.length];
		if (window <= 0 || window >= f.length) {
			double f0 = Percentiles.linear(f, percentile);
			checkBaseline(f0, traceName);
			for (int i = 0; i < f.length; i++) out[i] = (float) ((f[i] - f0) / f0);
			return out;
		}
		// A low percentile of a window over a bleaching trace lies towards its dim end, about
		// half a window away from the frame; the largest of those baselines in the window
		// around each frame comes back to the frame's own level ("maximin" baselines, with a
		// percentile in place of the minimum, so that noise does not pull F0 down).
		int half = window / 2;
		double[] low = new double[f.length];
		double[] values = new double[f.length];
		for (int i = 0; i < f.length; i++) values[i] = f[i];
		for (int i = 0; i < f.length; i++) {
			int from = Math.max(0, i - half), to = Math.min(f.length, i + half + 1);
			low[i] = Percentiles.linear(values, from, to - from, percentile);
		}
		for (int i = 0; i < f.length; i++) {
			double f0 = Double.NEGATIVE_INFINITY;
			for (int j = Math.max(0, i - half); j < Math.min(f.length, i + half + 1); j++) f0 = Math.max(f0, low[j]);
			checkBaseline(f0, traceName);
			out[i] = (float) ((f[i] - f0) / f0);
		}
		return out;
	}

	private static void checkBaseline(double f0, String traceName) {
		if (!(f0 > 0)) throw new UserInputException("The baseline fluorescence F0 of '" + traceName + "' is " + f0 +
			"; dF/F needs a positive baseline. Subtract less background, or turn dF/F off.");
	}
}
