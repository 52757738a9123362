package org.neurodynamics.core.analysis;

import org.hipparchus.transform.DftNormalization;
import org.hipparchus.transform.FastFourierTransformer;
import org.hipparchus.transform.TransformType;

/**
 * Distances between a true and a reconstructed (model) trajectory of one scalar variable.
 * <ul>
 * <li>{@link #stateSpaceDivergence}: D_stsp, the Kullback-Leibler divergence KL(p_true ||
 * p_model) between the occupation histograms of the two traces in a common delay space
 * (both embedded with the same small dimension and delay, a common grid spanning both,
 * Laplace smoothing with a pseudo-count per cell).</li>
 * <li>{@link #spectralHellinger}: D_H, the Hellinger distance between the power spectra of
 * the two traces (periodograms of the mean-removed, Hann-windowed series, zero-padded to a
 * common power of two, smoothed with a Gaussian kernel and normalised to sum 1). It is 0 for
 * identical spectra (so a phase shift costs nothing) and at most 1.</li>
 * </ul>
 */
public final class TrajectoryMetrics {

	private TrajectoryMetrics() {}

	/** D_stsp with embedding dimension 2, delay 1, 30 bins per axis and pseudo-count 1e-2. */
	public static double stateSpaceDivergence(double[] xTrue, double[] xModel, int delay) {
		return stateSpaceDivergence(xTrue, xModel, 2, delay, 30, 1e-2);
	}

	/**
	 * @param dimension delay-embedding dimension (2 or 3 is sensible; bins^dimension cells)
	 * @param delay delay in samples
	 * @param bins bins per axis
	 * @param pseudoCount added to every cell count of both histograms (Laplace smoothing)
	 */
	public static double stateSpaceDivergence(double[] xTrue, double[] xModel, int dimension, int delay, int bins,
		double pseudoCount)
	{
		if (dimension < 1 || delay < 1 || bins < 2 || !(pseudoCount > 0)) throw new IllegalArgumentException(
			"need dimension >= 1, delay >= 1, bins >= 2, pseudoCount > 0");
		long cells = 1;
		for (int d = 0; d < dimension; d++) cells *= bins;
		if (cells > 50_000_000L) throw new IllegalArgumentException("too many cells: " + bins + "^" + dimension);
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (double v : xTrue) { min = Math.min(min, v); max = Math.max(max, v); }
		for (double v : xModel) { min = Math.min(min, v); max = Math.max(max, v); }
		if (!Double.isFinite(min) || !Double.isFinite(max)) return Double.POSITIVE_INFINITY;
		double[] p = histogram(xTrue, dimension, delay, bins, min, max, (int) cells);
		double[] q = histogram(xModel, dimension, delay, bins, min, max, (int) cells);
		double np = 0, nq = 0;
		for (int c = 0; c < cells; c++) {
			p[c] += pseudoCount;
			q[c] += pseudoCount;
			np += p[c];
			nq += q[c];
		}
		double kl = 0;
		for (int c = 0; c < cells; c++) {
			double pc = p[c] / np, qc = q[c] / nq;
			kl += pc * Math.log(pc / qc);
		}
		return Math.max(0, kl);
	}

	private static double[] histogram(double[] x, int dimension, int delay, int bins, double min, double max, int cells) {
		double[] h = new double[cells];
		int span = (dimension - 1) * delay;
		double width = max > min ? (max - min) / bins : 1;
		for (int n = span; n < x.length; n++) {
			int cell = 0;
			for (int j = 0; j < dimension; j++) {
				int b = (int) ((x[n - j * delay] - min) / width);
				if (b >= bins) b = bins - 1;
				if (b < 0) b = 0;
				cell = cell * bins + b;
			}
			h[cell]++;
		}
		return h;
	}

	/** D_H with a Gaussian smoothing of 2 frequency bins (of the padded common length). */
	public static double spectralHellinger(double[] x, double[] y) {
		return spectralHellinger(x, y, 2);
	}

	/**
	 * @param sigmaBins standard deviation of the Gaussian smoothing of the periodogram, in
	 *          frequency bins; 0 for none
	 */
	public static double spectralHellinger(double[] x, double[] y, double sigmaBins) {
		int n = Math.min(x.length, y.length);
		if (n < 4) throw new IllegalArgumentException("series too short for a spectrum");
		int size = Integer.highestOneBit(n);
		if (size < n) size <<= 1;
		double[] px = smoothedSpectrum(x, n, size, sigmaBins);
		double[] py = smoothedSpectrum(y, n, size, sigmaBins);
		double bc = 0;
		for (int k = 0; k < px.length; k++) bc += Math.sqrt(px[k] * py[k]);
		return Math.sqrt(Math.max(0, 1 - bc));
	}

	/** Normalised, smoothed one-sided periodogram of the first n samples of x, zero-padded to size. */
	static double[] smoothedSpectrum(double[] x, int n, int size, double sigma) {
		double mean = 0;
		for (int i = 0; i < n; i++) mean += x[i];
		mean /= n;
		double[] re = new double[size];
		double[] im = new double[size];
		for (int i = 0; i < n; i++) {
			double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / Math.max(1, n - 1));
			re[i] = (x[i] - mean) * w;
		}
		FastFourierTransformer.transformInPlace(new double[][] { re, im }, DftNormalization.STANDARD, TransformType.FORWARD);
		int half = size / 2 + 1;
		double[] power = new double[half];
		for (int k = 0; k < half; k++) power[k] = re[k] * re[k] + im[k] * im[k];
		double[] smooth = power;
		if (sigma > 0) {
			int radius = (int) Math.ceil(4 * sigma);
			double[] kernel = new double[2 * radius + 1];
			for (int j = -radius; j <= radius; j++) kernel[j + radius] = Math.exp(-0.5 * j * j / (sigma * sigma));
			smooth = new double[half];
			for (int k = 0; k < half; k++) {
				double s = 0, wsum = 0;
				for (int j = -radius; j <= radius; j++) {
					int i = k + j;
					if (i < 0 || i >= half) continue;
					s += kernel[j + radius] * power[i];
					wsum += kernel[j + radius];
				}
				smooth[k] = s / wsum;
			}
		}
		double total = 0;
		for (double v : smooth) total += v;
		if (!(total > 0)) {
			// a constant series: all power (none) is put at frequency 0
			double[] out = new double[half];
			out[0] = 1;
			return out;
		}
		for (int k = 0; k < half; k++) smooth[k] /= total;
		return smooth;
	}
}
