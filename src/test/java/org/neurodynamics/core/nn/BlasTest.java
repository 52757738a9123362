package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;

class BlasTest {

	@Test
	void everyTransposeCombinationAgreesWithTheDefinition() {
		Random r = new Random(2);
		int m = 7, n = 5, k = 3;
		for (boolean ta : new boolean[] { false, true })
			for (boolean tb : new boolean[] { false, true }) {
				float[] a = RolloutMapLossTest.gaussian(r, m * k, 1), b = RolloutMapLossTest.gaussian(r, k * n, 1);
				float[] c = RolloutMapLossTest.gaussian(r, m * n, 1), expected = new float[m * n];
				for (int i = 0; i < m; i++)
					for (int j = 0; j < n; j++) {
						double s = 0;
						for (int q = 0; q < k; q++)
							s += (ta ? a[q * m + i] : a[i * k + q]) * (double) (tb ? b[j * k + q] : b[q * n + j]);
						expected[i * n + j] = (float) (0.5 * s + 2 * c[i * n + j]);
					}
				Blas.gemm(ta, tb, m, n, k, 0.5f, a, b, 2f, c);
				assertArrayEquals(expected, c, 1e-5f, "transpose a " + ta + ", b " + tb);
			}
	}
}
