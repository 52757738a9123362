package org.neurodynamics.core.batch;

import java.util.Locale;

/**
 * How far a batch is: the cells done and failed, and the time left, from the mean time of
 * the cells done so far and the cells run side by side.
 */
final class BatchClock {

	private final int cells, threads;
	private int done;
	private long nanos;

	BatchClock(int cells, int threads) {
		this.cells = cells;
		this.threads = Math.max(1, threads);
	}

	void cellDone(long cellNanos) {
		done++;
		nanos += cellNanos;
	}

	/** Seconds until the last cell is done, NaN before the first. */
	double secondsLeft() {
		if (done == 0) return Double.NaN;
		int left = cells - done;
		return left == 0 ? 0 : nanos * 1e-9 / done * left / Math.min(threads, left);
	}

	/** "3 of 20 cells done, 1 failed, about 4 min left". */
	String progress(int failed) {
		double left = secondsLeft();
		return String.format(Locale.ROOT, "%d of %d cells done%s%s", done, cells, failed > 0 ? ", " + failed + " failed" : "",
			done < cells && !Double.isNaN(left) ? ", about " + duration(left) + " left" : "");
	}

	/** A duration to the precision a reader plans by: "40 s", "12 min", "2.5 h". */
	static String duration(double seconds) {
		if (seconds < 60) return Math.max(1, Math.round(seconds)) + " s";
		if (seconds < 3600) return Math.round(seconds / 60) + " min";
		return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
	}
}
