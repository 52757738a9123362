package org.neurodynamics.core.nn;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Single-precision matrix products of row-major arrays on the Java heap, computed by
 * OpenBLAS (the BLAS that ND4J bundles, called directly so that a product of the small
 * matrices of this plugin costs no more than the product itself).
 */
final class Blas {

	private Blas() {}

	/**
	 * c = alpha op(a) op(b) + beta c, with op(a) m x k, op(b) k x n and c m x n, all
	 * row-major and starting at index 0; {@code ta}/{@code tb} transpose a/b.
	 */
	static void gemm(boolean ta, boolean tb, int m, int n, int k, float alpha, float[] a, float[] b, float beta, float[] c) {
		openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor, ta ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
			tb ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans, m, n, k, alpha, a, ta ? m : k, b, tb ? k : n, beta, c, n);
	}

	/** Sets the number of threads OpenBLAS uses. */
	static void setThreads(int n) {
		org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(n);
	}

	/** The number of threads OpenBLAS uses. */
	static int threads() {
		return org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads();
	}
}
