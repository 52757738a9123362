package org.neurodynamics.core.data;

/**
 * The rows of a training matrix that may be too large to hold at once (e.g. the delay
 * vectors of a million-sample trace), produced on demand, a batch at a time.
 */
public interface RowSource {

	/** Number of rows. */
	long rows();

	/** Number of columns of every row. */
	int width();

	/**
	 * Writes rows {@code indices[from .. from+count)} into {@code out}, row-major
	 * ({@code count * width()} floats).
	 */
	void copyRows(long[] indices, int from, int count, float[] out);
}
