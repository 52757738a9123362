package org.neurodynamics.core.embed;

/**
 * Average mutual information between x(n) and x(n + lag) from a 2-D histogram with equal-width
 * bins over the range of the series (Fraser & Swinney 1986, histogram estimator). Its first
 * minimum is the usual suggestion for the embedding delay. Hipparchus has no mutual
 * information estimator, so this is written here; it is O(N) per lag.
 */
public final class MutualInformation {

	private MutualInformation() {}

	/**
	 * AMI (in nats) for lags 0..maxLag.
	 *
	 * @param bins histogram bins per axis (e.g. 16-32; at most sqrt(N/5) is sensible)
	 */
	public static double[] average(double[] x, int maxLag, int bins) {
		if (bins < 2) throw new IllegalArgumentException("bins must be at least 2");
		if (maxLag < 0 || maxLag >= x.length - 1) throw new IllegalArgumentException(
			"maxLag " + maxLag + " must be between 0 and the series length - 2 (" + (x.length - 2) + ")");
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (double v : x) {
			if (!Double.isFinite(v)) throw new IllegalArgumentException("non-finite value in series");
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		int[] bin = new int[x.length];
		double width = (max - min) / bins;
		for (int i = 0; i < x.length; i++) bin[i] = width > 0 ? Math.min(bins - 1, (int) ((x[i] - min) / width)) : 0;
		double[] ami = new double[maxLag + 1];
		int[] joint = new int[bins * bins];
		int[] pa = new int[bins];
		int[] pb = new int[bins];
		for (int lag = 0; lag <= maxLag; lag++) {
			java.util.Arrays.fill(joint, 0);
			java.util.Arrays.fill(pa, 0);
			java.util.Arrays.fill(pb, 0);
			int n = x.length - lag;
			for (int i = 0; i < n; i++) {
				int a = bin[i], b = bin[i + lag];
				joint[a * bins + b]++;
				pa[a]++;
				pb[b]++;
			}
			double sum = 0;
			for (int a = 0; a < bins; a++) {
				if (pa[a] == 0) continue;
				for (int b = 0; b < bins; b++) {
					int c = joint[a * bins + b];
					if (c == 0) continue;
					sum += c * Math.log((double) c * n / ((double) pa[a] * pb[b]));
				}
			}
			ami[lag] = sum / n;
		}
		return ami;
	}

	/**
	 * The first minimum of an AMI curve, or -1 if the curve only falls. Histogram AMI has
	 * small wiggles and, for near-periodic signals, a broad flat bottom (a sine gives the same
	 * value for a range of lags around a quarter period), so this takes the first strict
	 * local minimum and returns the middle of its basin: the contiguous lags whose AMI is within
	 * 2% of (AMI(0) - that minimum) above it.
	 */
	public static int firstMinimum(double[] ami) {
		return firstMinimum(ami, 0.02);
	}

	/** {@link #firstMinimum(double[])} with the basin tolerance as a fraction of AMI(0) - minimum. */
	public static int firstMinimum(double[] ami, double tolerance) {
		int first = -1;
		for (int lag = 1; lag + 1 < ami.length; lag++) {
			if (ami[lag] < ami[lag - 1] && ami[lag] <= ami[lag + 1]) {
				first = lag;
				break;
			}
		}
		if (first < 0) return -1;
		double level = ami[first] + tolerance * (ami[0] - ami[first]);
		int left = first, right = first;
		while (left > 1 && ami[left - 1] <= level) left--;
		while (right + 1 < ami.length && ami[right + 1] <= level) right++;
		if (right == ami.length - 1) return first; // the basin runs off the computed lags
		return (left + right) / 2;
	}

	/**
	 * Suggested embedding delay in samples: the first minimum of the AMI, or when there is
	 * none up to {@code maxLag}, the first lag where the AMI has fallen to 1/e of its value at
	 * lag 0, or maxLag.
	 */
	public static int suggestedDelay(double[] x, int maxLag, int bins) {
		double[] ami = average(x, maxLag, bins);
		int first = firstMinimum(ami);
		if (first > 0) return first;
		for (int lag = 1; lag <= maxLag; lag++) if (ami[lag] <= ami[0] / Math.E) return lag;
		return Math.max(1, maxLag);
	}
}
