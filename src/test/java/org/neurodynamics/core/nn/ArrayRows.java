package org.neurodynamics.core.nn;

import org.neurodynamics.core.data.RowSource;

/** A RowSource over an in-memory matrix, for tests. */
final class ArrayRows implements RowSource {
	final float[][] rows;

	ArrayRows(float[][] rows) {
		this.rows = rows;
	}

	@Override
	public long rows() { return rows.length; }

	@Override
	public int width() { return rows[0].length; }

	@Override
	public void copyRows(long[] indices, int from, int count, float[] out) {
		int w = width();
		for (int i = 0; i < count; i++)
			System.arraycopy(rows[(int) indices[from + i]], 0, out, i * w, w);
	}

	/** Windows of A sin(w i + phi): a 2-D manifold (amplitude, phase) in R^de. */
	static ArrayRows sineWindows(int n, int de, long seed) {
		java.util.Random r = new java.util.Random(seed);
		float[][] x = new float[n][de];
		for (int k = 0; k < n; k++) {
			double a = 0.3 + 1.2 * r.nextDouble();
			double phi = 2 * Math.PI * r.nextDouble();
			for (int i = 0; i < de; i++)
				x[k][i] = (float) (a * Math.sin(0.35 * i + phi));
		}
		return new ArrayRows(x);
	}
}
