package org.neurodynamics.core.embed;

import org.hipparchus.stat.StatUtils;

/**
 * False nearest neighbours (Kennel, Brown & Abarbanel, Phys. Rev. A 45, 3403, 1992): the
 * fraction of nearest neighbours in dimension d that separate when the (d+1)-th delay
 * coordinate is added, for d = 1..maxDim. A neighbour is false when the added coordinate
 * differs by more than {@code rtol} times the distance in d dimensions, or when the distance
 * in d+1 dimensions exceeds {@code atol} times the standard deviation of the series.
 * Neighbours closer in time than a Theiler window are excluded. The neighbour search uses
 * ImgLib2's k-d tree ({@link NearestNeighbours}) over at most {@code maxReference} points,
 * queried from at most {@code maxQueries} evenly spaced points.
 */
public final class FalseNearestNeighbours {

	/** Fractions of false neighbours and the suggested dimension. */
	public static final class Result {
		private final double[] fractions;
		private final int suggested;

		Result(double[] fractions, int suggested) {
			this.fractions = fractions;
			this.suggested = suggested;
		}

		/** Fraction of false neighbours for dimension d is element d-1 (d = 1..maxDim). */
		public double[] fractions() { return fractions.clone(); }
		public double fraction(int dimension) { return fractions[dimension - 1]; }
		/** First dimension with a fraction below the threshold (1%), else where the fractions reach a plateau. */
		public int suggestedDimension() { return suggested; }
	}

	private double rtol = 15;
	private double atol = 2;
	private int maxQueries = 2000;
	private int maxReference = 20000;
	private int theiler = -1;
	private double threshold = 0.01;

	public FalseNearestNeighbours rtol(double v) { rtol = v; return this; }
	public FalseNearestNeighbours atol(double v) { atol = v; return this; }
	public FalseNearestNeighbours maxQueries(int v) { maxQueries = v; return this; }
	public FalseNearestNeighbours maxReference(int v) { maxReference = v; return this; }
	/** Temporal neighbours |i - j| <= window are excluded; default (negative): the delay. */
	public FalseNearestNeighbours theilerWindow(int v) { theiler = v; return this; }
	/** Fraction below which a dimension is accepted (default 0.01). */
	public FalseNearestNeighbours threshold(double v) { threshold = v; return this; }

	public Result compute(double[] x, int delay, int maxDim) {
		if (delay < 1 || maxDim < 1) throw new IllegalArgumentException("delay and maxDim must be at least 1");
		int start = maxDim * delay;
		int n = Math.min(x.length - start, maxReference);
		if (n < 10) throw new IllegalArgumentException("series too short for maxDim " + maxDim + " and delay " + delay);
		double ra = Math.sqrt(StatUtils.populationVariance(x));
		int exclude = theiler >= 0 ? theiler : delay;
		int queries = Math.min(maxQueries, n);
		double[] fractions = new double[maxDim];
		int[] neighbour = new int[1];
		double[] dist2 = new double[1];
		for (int d = 1; d <= maxDim; d++) {
			// point i is the window whose newest sample is x(start + i)
			double[] pts = new double[n * d];
			for (int i = 0; i < n; i++)
				for (int j = 0; j < d; j++) pts[i * d + j] = x[start + i - j * delay];
			NearestNeighbours tree = new NearestNeighbours(pts, d);
			int falseCount = 0, valid = 0;
			for (int k = 0; k < queries; k++) {
				int q = (int) ((long) k * n / queries);
				if (tree.search(q, 1, q - exclude, q + exclude, neighbour, dist2) == 0 || !(dist2[0] > 0)) continue;
				int nb = neighbour[0];
				double rd = Math.sqrt(dist2[0]);
				double extra = Math.abs(x[start + q - d * delay] - x[start + nb - d * delay]);
				valid++;
				if (extra / rd > rtol || Math.sqrt(dist2[0] + extra * extra) / ra > atol) falseCount++;
			}
			fractions[d - 1] = valid == 0 ? Double.NaN : (double) falseCount / valid;
		}
		return new Result(fractions, suggest(fractions, threshold));
	}

	/**
	 * The first dimension whose fraction is below {@code threshold} or where a plateau begins:
	 * fraction below 5% and adding a dimension no longer halves it (finite data and a large
	 * delay leave a residue of a percent or two, e.g. Lorenz x at the AMI delay); else the first dimension within {@code threshold} of the smallest fraction.
	 */
	static int suggest(double[] f, double threshold) {
		for (int d = 1; d <= f.length; d++) {
			if (f[d - 1] < threshold) return d;
			if (d < f.length && f[d - 1] < 0.05 && f[d] > 0.5 * f[d - 1]) return d;
		}
		double min = Double.POSITIVE_INFINITY;
		for (double v : f) if (v < min) min = v;
		for (int d = 1; d <= f.length; d++) if (f[d - 1] <= min + threshold) return d;
		return f.length;
	}
}
