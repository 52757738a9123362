package org.neurodynamics.core.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Fixed spike thresholds taken from the recordings, so that a reconstructed orbit and the
 * recording (or a true model) are judged by the same rule: a spike must rise above
 * {@link #threshold}, half-way between the recorded troughs and the recorded spike peaks,
 * and the trace must fall back below {@link #rearm} before the next spike counts. An
 * oscillation far below the recorded spike height is therefore no spike, whatever its own
 * amplitude (an adaptive threshold would call it one).
 */
public final class SpikeThresholds {

	/** Fraction of the recorded range (peak - trough) between threshold and re-arm level. */
	static final double REARM_FRACTION = 0.15;

	/** Level a spike must exceed (input units). */
	public final double threshold;
	/** Level the trace must fall below between two spikes (input units). */
	public final double rearm;
	/** Typical recorded trough (low percentile of the samples). */
	public final double trough;
	/** Typical recorded spike peak (median peak of the recorded spikes). */
	public final double peak;

	public SpikeThresholds(double trough, double peak) {
		if (!(Double.isFinite(trough) && Double.isFinite(peak) && peak > trough))
			throw new IllegalArgumentException("spike peak " + peak + " must lie above trough " + trough);
		this.trough = trough;
		this.peak = peak;
		this.threshold = 0.5 * (trough + peak);
		this.rearm = threshold - REARM_FRACTION * (peak - trough);
	}

	/** Recorded range, peak - trough. */
	public double range() { return peak - trough; }

	/**
	 * Thresholds from recorded traces: the trough is the 5th percentile of all samples, the
	 * peak the median height of the spikes the adaptive {@link SpikeDetector} finds in
	 * them. Null when no recording has spikes (then there is no spike height to hold a
	 * reconstruction to).
	 */
	public static SpikeThresholds fromRecordings(List<float[]> traces) {
		SpikeDetector detector = new SpikeDetector();
		List<Double> peaks = new ArrayList<>();
		long total = 0;
		for (float[] x : traces) total += x.length;
		// a percentile over a bounded sample of the data keeps memory flat for long recordings
		int stride = (int) Math.max(1, total / 2_000_000);
		double[] values = new double[(int) (total / stride) + traces.size()];
		int n = 0;
		for (float[] x : traces) {
			for (double p : detector.detect(x).peaks()) peaks.add(p);
			for (int i = 0; i < x.length; i += stride) values[n++] = x[i];
		}
		if (peaks.isEmpty()) return null;
		double[] p = peaks.stream().mapToDouble(Double::doubleValue).toArray();
		double trough = Percentiles.linear(values, 0, n, 5), peak = Percentiles.linear(p, 50);
		return peak > trough ? new SpikeThresholds(trough, peak) : null;
	}

	@Override
	public String toString() {
		return String.format("spike threshold %.4g (re-arm %.4g; recorded trough %.4g, peak %.4g)", threshold, rearm, trough, peak);
	}
}
