package org.neurodynamics.core.embed;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The tree's nearest neighbour, with its exclusion window, is the brute-force one. */
class KdTreeTest {

	@Test
	void nearestNeighbourOutsideTheWindowMatchesBruteForce() {
		int n = 500, dim = 3;
		Random random = new Random(7);
		double[] points = new double[n * dim];
		for (int i = 0; i < points.length; i++) points[i] = random.nextGaussian();
		KdTree tree = new KdTree(points.clone(), dim);
		double[] dist2 = new double[1];
		for (int exclude : new int[] { 0, 5, 40 })
			for (int q = 0; q < n; q += 7) {
				int bestIndex = -1;
				double best = Double.POSITIVE_INFINITY;
				for (int j = 0; j < n; j++) {
					if (Math.abs(j - q) <= exclude) continue;
					double d = 0;
					for (int k = 0; k < dim; k++) d += (points[j * dim + k] - points[q * dim + k]) * (points[j * dim + k] - points[q * dim + k]);
					if (d < best) { best = d; bestIndex = j; }
				}
				assertEquals(bestIndex, tree.nearest(q, exclude, dist2), "query " + q + ", window " + exclude);
				assertEquals(best, dist2[0], 1e-12);
			}
	}

	@Test
	void noPointOutsideTheWindowGivesMinusOne() {
		KdTree tree = new KdTree(new double[] { 0, 1, 2, 3 }, 1);
		assertEquals(-1, tree.nearest(1, 3, new double[1]));
	}
}
