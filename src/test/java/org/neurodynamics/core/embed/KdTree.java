package org.neurodynamics.core.embed;

import java.util.Arrays;

/**
 * A static k-d tree over points stored row-major, for nearest-neighbour queries that may
 * exclude a range of point indices (a Theiler window of temporal neighbours). Build
 * O(N log^2 N), query ~O(log N). The plugin's false nearest neighbours used it until ImgLib2's
 * KDTree ({@link NearestNeighbours}) measured as fast or faster; it stays as the baseline of
 * {@link NeighbourSearchTiming} (bench/results/kdtree-2026-12-02.md).
 */
final class KdTree {

	private final double[] points; // n x dim, row-major
	private final int dim;
	private final int[] index; // permutation of point indices, tree laid out implicitly
	private final int[] splitDim;

	KdTree(double[] points, int dim) {
		this.points = points;
		this.dim = dim;
		int n = points.length / dim;
		index = new int[n];
		for (int i = 0; i < n; i++) index[i] = i;
		splitDim = new int[n];
		build(0, n);
	}

	private void build(int lo, int hi) {
		if (hi - lo <= 1) return;
		// split on the dimension of largest spread
		int best = 0;
		double bestSpread = -1;
		for (int d = 0; d < dim; d++) {
			double mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY;
			for (int i = lo; i < hi; i++) {
				double v = points[index[i] * dim + d];
				mn = Math.min(mn, v);
				mx = Math.max(mx, v);
			}
			if (mx - mn > bestSpread) {
				bestSpread = mx - mn;
				best = d;
			}
		}
		final int d = best;
		Integer[] boxed = new Integer[hi - lo];
		for (int i = lo; i < hi; i++) boxed[i - lo] = index[i];
		Arrays.sort(boxed, (a, b) -> Double.compare(points[a * dim + d], points[b * dim + d]));
		for (int i = lo; i < hi; i++) index[i] = boxed[i - lo];
		int mid = (lo + hi) >>> 1;
		splitDim[mid] = d;
		build(lo, mid);
		build(mid + 1, hi);
	}

	/**
	 * Index of the nearest point to point {@code q} among points j with |j - q| > exclude,
	 * or -1 if none; {@code dist2[0]} receives the squared distance.
	 */
	int nearest(int q, int exclude, double[] dist2) {
		double[] best = { Double.POSITIVE_INFINITY };
		int[] bestIdx = { -1 };
		search(0, index.length, q, exclude, best, bestIdx);
		dist2[0] = best[0];
		return bestIdx[0];
	}

	private void search(int lo, int hi, int q, int exclude, double[] best, int[] bestIdx) {
		if (hi <= lo) return;
		int mid = (lo + hi) >>> 1;
		int p = index[mid];
		if (Math.abs(p - q) > exclude) {
			double s = 0;
			for (int d = 0; d < dim; d++) {
				double diff = points[p * dim + d] - points[q * dim + d];
				s += diff * diff;
			}
			if (s < best[0]) {
				best[0] = s;
				bestIdx[0] = p;
			}
		}
		if (hi - lo == 1) return;
		int d = splitDim[mid];
		double delta = points[q * dim + d] - points[p * dim + d];
		if (delta < 0) {
			search(lo, mid, q, exclude, best, bestIdx);
			if (delta * delta < best[0]) search(mid + 1, hi, q, exclude, best, bestIdx);
		} else {
			search(mid + 1, hi, q, exclude, best, bestIdx);
			if (delta * delta < best[0]) search(lo, mid, q, exclude, best, bestIdx);
		}
	}
}
