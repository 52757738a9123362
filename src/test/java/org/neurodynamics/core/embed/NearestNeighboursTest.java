package org.neurodynamics.core.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class NearestNeighboursTest {

	@Test
	void findsTheSameNeighboursAsBruteForceOutsideTheExcludedRange() {
		Random random = new Random(5);
		int n = 2000, dim = 3;
		double[] pts = new double[n * dim];
		for (int i = 0; i < pts.length; i++) pts[i] = random.nextGaussian();
		NearestNeighbours tree = new NearestNeighbours(pts, dim);
		assertEquals(n, tree.size());
		for (int k : new int[] { 1, 3, 4 })
			for (int q = 0; q < n; q += 37) {
				int from = q - random.nextInt(30), to = q + random.nextInt(30);
				int[] got = new int[k];
				double[] gotD = new double[k];
				assertEquals(k, tree.search(q, k, from, to, got, gotD));
				double[] expected = bruteForce(pts, dim, q, k, from, to);
				for (int i = 0; i < k; i++) {
					assertEquals(expected[i], gotD[i], 1e-12, "query " + q + ", neighbour " + i);
					double d = 0;
					for (int j = 0; j < dim; j++) d += Math.pow(pts[got[i] * dim + j] - pts[q * dim + j], 2);
					assertEquals(d, gotD[i], 1e-12);
					assertEquals(false, got[i] >= from && got[i] <= to);
				}
			}
	}

	@Test
	void fewerNeighboursWhenTheRangeCoversAlmostAll() {
		double[] pts = { 0, 1, 2, 3, 4 };
		NearestNeighbours tree = new NearestNeighbours(pts, 1);
		int[] nb = new int[3];
		double[] d = new double[3];
		assertEquals(1, tree.search(1, 3, -5, 3, nb, d));
		assertEquals(4, nb[0]);
		assertEquals(9, d[0], 0);
		assertEquals(0, tree.search(2, 1, 0, 4, nb, d));
	}

	private static double[] bruteForce(double[] pts, int dim, int q, int k, int from, int to) {
		double[] best = new double[k];
		java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
		for (int r = 0; r < pts.length / dim; r++) {
			if (r >= from && r <= to) continue;
			double d = 0;
			for (int j = 0; j < dim; j++) d += Math.pow(pts[r * dim + j] - pts[q * dim + j], 2);
			int p = k - 1;
			if (d >= best[p]) continue;
			while (p > 0 && best[p - 1] > d) { best[p] = best[p - 1]; p--; }
			best[p] = d;
		}
		return best;
	}
}
