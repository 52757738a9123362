package org.neurodynamics.core.cable;

/**
 * The tree-structured linear system of one implicit step, solved in Hines order: nodes are
 * numbered parent before child, so eliminating from the leaves to the root leaves no
 * fill-in and costs O(n). One factorisation serves any number of right-hand sides, which
 * is what makes the sensitivity columns cheap.
 */
final class TreeMatrix {

	private final int[] parent;
	/** Entry (i, parent(i)) and (parent(i), i). */
	final double[] lower, upper;
	final double[] diagonal;
	private final double[] pivot, factor;

	TreeMatrix(int[] parent) {
		this.parent = parent;
		int n = parent.length;
		lower = new double[n];
		upper = new double[n];
		diagonal = new double[n];
		pivot = new double[n];
		factor = new double[n];
	}

	/** Eliminates the off-diagonal entries above each node; call after filling the diagonal. */
	void factor() {
		System.arraycopy(diagonal, 0, pivot, 0, pivot.length);
		for (int i = pivot.length - 1; i > 0; i--) {
			factor[i] = upper[i] / pivot[i];
			pivot[parent[i]] -= factor[i] * lower[i];
		}
	}

	/** Solves in place: b becomes x. */
	void solve(double[] b) {
		for (int i = b.length - 1; i > 0; i--) b[parent[i]] -= factor[i] * b[i];
		b[0] /= pivot[0];
		for (int i = 1; i < b.length; i++) b[i] = (b[i] - lower[i] * b[parent[i]]) / pivot[i];
	}
}
