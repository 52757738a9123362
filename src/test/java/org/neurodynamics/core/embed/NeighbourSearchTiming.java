package org.neurodynamics.core.embed;

import java.util.Arrays;

/**
 * Times the k-nearest-neighbour searches of the plugin with a temporal exclusion window
 * (points i, j with |i - j| <= w are not neighbours): brute force with partial distances
 * (how the latent forecast test of DimensionAnalysis searched before), the hand-written {@link KdTree} (false
 * nearest neighbours, k = 1, until it was replaced) and ImgLib2's KDTree with
 * KNearestNeighborSearchOnKDTree as the plugin uses it ({@link NearestNeighbours}: asked for
 * k + (points inside the window) neighbours, which always contain the k nearest outside it).
 */
public final class NeighbourSearchTiming {

	/** Seconds of each method (build + all queries; NaN where not applicable) and agreement. */
	public static final class Result {
		public double bruteSeconds, kdTreeSeconds = Double.NaN, imglibSeconds, imglibBuildSeconds;
		/** Largest relative difference of the summed neighbour distances of a query from brute force. */
		public double kdTreeDifference = Double.NaN, imglibDifference;
	}

	private NeighbourSearchTiming() {}

	/** Lorenz x, dt 0.01 (RK4), after a transient of 5000 steps. */
	public static double[] lorenzX(int n) {
		double x = 1, y = 1, z = 1, h = 0.01;
		double[] out = new double[n];
		for (int i = -5000; i < n; i++) {
			double[] s = { x, y, z };
			double[] k1 = lorenz(s), k2 = lorenz(add(s, k1, h / 2)), k3 = lorenz(add(s, k2, h / 2)), k4 = lorenz(add(s, k3, h));
			x += h / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
			y += h / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
			z += h / 6 * (k1[2] + 2 * k2[2] + 2 * k3[2] + k4[2]);
			if (i >= 0) out[i] = x;
		}
		return out;
	}

	private static double[] lorenz(double[] s) {
		return new double[] { 10 * (s[1] - s[0]), s[0] * (28 - s[2]) - s[1], s[0] * s[1] - 8.0 / 3 * s[2] };
	}

	private static double[] add(double[] s, double[] k, double h) {
		return new double[] { s[0] + h * k[0], s[1] + h * k[1], s[2] + h * k[2] };
	}

	/**
	 * Points: {@code references} delay windows of {@code x} (dimension {@code dim}, delay
	 * {@code delay}) every {@code stride} samples; {@code queries} evenly spaced among them;
	 * neighbours within {@code window} points in index excluded.
	 */
	public static Result run(double[] x, int dim, int delay, int stride, int references, int queries, int k, int window, int rounds) {
		double[] pts = new double[references * dim];
		int start = (dim - 1) * delay;
		for (int i = 0; i < references; i++)
			for (int j = 0; j < dim; j++) pts[i * dim + j] = x[start + i * stride - j * delay];
		int[] q = new int[queries];
		for (int i = 0; i < queries; i++) q[i] = (int) ((long) i * references / queries);
		Result r = new Result();
		r.bruteSeconds = r.kdTreeSeconds = r.imglibSeconds = r.imglibBuildSeconds = Double.POSITIVE_INFINITY;
		double[] brute = null, kd = null, im = null;
		for (int round = 0; round < rounds; round++) {
			long t0 = System.nanoTime();
			brute = brute(pts, dim, q, k, window);
			long t1 = System.nanoTime();
			if (k == 1) kd = kdTree(pts, dim, q, window);
			long t2 = System.nanoTime();
			double[] build = new double[1];
			im = imglib(pts, dim, q, k, window, build);
			long t3 = System.nanoTime();
			r.bruteSeconds = Math.min(r.bruteSeconds, (t1 - t0) * 1e-9);
			r.kdTreeSeconds = Math.min(r.kdTreeSeconds, (t2 - t1) * 1e-9);
			r.imglibSeconds = Math.min(r.imglibSeconds, (t3 - t2) * 1e-9);
			r.imglibBuildSeconds = Math.min(r.imglibBuildSeconds, build[0]);
		}
		if (k != 1) r.kdTreeSeconds = Double.NaN;
		else r.kdTreeDifference = difference(brute, kd);
		r.imglibDifference = difference(brute, im);
		return r;
	}

	private static double difference(double[] a, double[] b) {
		double m = 0;
		for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / Math.max(1e-300, Math.abs(a[i])));
		return m;
	}

	/** Summed squared distances of the k nearest non-excluded neighbours of each query. */
	static double[] brute(double[] pts, int dim, int[] queries, int k, int window) {
		int n = pts.length / dim;
		double[] out = new double[queries.length];
		double[] bestD = new double[k];
		for (int qi = 0; qi < queries.length; qi++) {
			int q = queries[qi];
			Arrays.fill(bestD, Double.POSITIVE_INFINITY);
			for (int r = 0; r < n; r++) {
				if (Math.abs(r - q) <= window) continue;
				double d = 0, worst = bestD[k - 1];
				for (int j = 0; j < dim && d < worst; j++) {
					double e = pts[q * dim + j] - pts[r * dim + j];
					d += e * e;
				}
				if (d >= worst) continue;
				int p = k - 1;
				while (p > 0 && bestD[p - 1] > d) { bestD[p] = bestD[p - 1]; p--; }
				bestD[p] = d;
			}
			for (double d : bestD) out[qi] += d;
		}
		return out;
	}

	static double[] kdTree(double[] pts, int dim, int[] queries, int window) {
		KdTree tree = new KdTree(pts, dim);
		double[] out = new double[queries.length];
		double[] d2 = new double[1];
		for (int qi = 0; qi < queries.length; qi++) {
			tree.nearest(queries[qi], window, d2);
			out[qi] = d2[0];
		}
		return out;
	}

	static double[] imglib(double[] pts, int dim, int[] queries, int k, int window, double[] buildSeconds) {
		long t0 = System.nanoTime();
		NearestNeighbours tree = new NearestNeighbours(pts, dim);
		buildSeconds[0] = (System.nanoTime() - t0) * 1e-9;
		double[] out = new double[queries.length];
		int[] neighbours = new int[k];
		double[] d2 = new double[k];
		for (int qi = 0; qi < queries.length; qi++) {
			int q = queries[qi];
			int found = tree.search(q, k, q - window, q + window, neighbours, d2);
			for (int i = 0; i < found; i++) out[qi] += d2[i];
		}
		return out;
	}
}
