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
	/** Typical recorded trough (the median lowest point before a spike). */
	public final double trough;
	/** Typical recorded spike peak (median peak of the recorded spikes). */
	public final double peak;

	public SpikeThresholds(double trough, double peak) {
		this(trough, peak, 0.5 * (trough + peak));
	}

	private SpikeThresholds(double trough, double peak, double threshold) {
		if (!(Double.isFinite(trough) && Double.isFinite(peak) && peak > trough))
			throw new IllegalArgumentException("spike peak " + peak + " must lie above trough " + trough);
		this.trough = trough;
		this.peak = peak;
		this.threshold = threshold;
		this.rearm = threshold - REARM_FRACTION * (peak - trough);
	}

	/** The same recording's thresholds with the spike threshold set by the user (input units); re-arm as far below it. */
	public SpikeThresholds withThreshold(double value) {
		if (!Double.isFinite(value)) throw new IllegalArgumentException("threshold " + value);
		return new SpikeThresholds(trough, peak, value);
	}

	/** Recorded range, peak - trough. */
	public double range() { return peak - trough; }

	/**
	 * Thresholds from recorded traces: the peak is the median height of the spikes the
	 * adaptive {@link SpikeDetector} finds, the trough the median of the lowest point before
	 * each spike (back to the previous spike, or one median inter-spike interval for a
	 * train's first): the level spikes rise from. Not a low percentile of all samples, which a
	 * hyperpolarising test pulse or step would pull down until step artefacts cross the
	 * threshold. Without spike trains, the 5th percentile of the spiking traces. Null when no
	 * recording has spikes (then there is no spike height to hold a reconstruction or a model to).
	 */
	public static SpikeThresholds fromRecordings(List<float[]> traces) {
		SpikeDetector detector = new SpikeDetector();
		List<Double> peaks = new ArrayList<>(), troughs = new ArrayList<>();
		List<float[]> spiking = new ArrayList<>();
		for (float[] x : traces) {
			SpikeDetector.Spikes s = detector.detect(x);
			if (s.count() == 0) continue;
			for (double v : s.peaks()) peaks.add(v);
			spiking.add(x);
			double[] pos = s.positions();
			if (pos.length < 2) continue;
			double[] isi = new double[pos.length - 1];
			for (int i = 1; i < pos.length; i++) isi[i - 1] = pos[i] - pos[i - 1];
			double back = Percentiles.linear(isi, 50);
			for (int i = 0; i < pos.length; i++) {
				int to = (int) pos[i], from = (int) Math.max(0, i == 0 ? pos[0] - back : pos[i - 1]);
				double min = Double.POSITIVE_INFINITY;
				for (int j = from; j <= to; j++) min = Math.min(min, x[j]);
				troughs.add(min);
			}
		}
		if (peaks.isEmpty()) return null;
		double trough = troughs.isEmpty() ? lowPercentile(spiking) : Percentiles.linear(toArray(troughs), 50);
		double peak = Percentiles.linear(toArray(peaks), 50);
		return peak > trough ? new SpikeThresholds(trough, peak) : null;
	}

	private static double[] toArray(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/** The 5th percentile of the samples of {@code traces}, over a bounded sample so memory stays flat for long recordings. */
	private static double lowPercentile(List<float[]> traces) {
		long total = 0;
		for (float[] x : traces) total += x.length;
		int stride = (int) Math.max(1, total / 2_000_000);
		double[] values = new double[(int) (total / stride) + traces.size()];
		int n = 0;
		for (float[] x : traces) for (int i = 0; i < x.length; i += stride) values[n++] = x[i];
		return Percentiles.linear(values, 0, n, 5);
	}

	/**
	 * Thresholds for a recording without spikes at a threshold the user chose (input units):
	 * the trough is the 5th percentile of the samples, the peak as far above the threshold as
	 * the trough is below it.
	 */
	public static SpikeThresholds silentRecording(List<float[]> traces, double threshold) {
		int n = 0;
		for (float[] x : traces) n += x.length;
		double[] values = new double[n];
		n = 0;
		for (float[] x : traces) for (float v : x) values[n++] = v;
		double trough = Math.min(Percentiles.linear(values, 5), threshold - 1e-3);
		return new SpikeThresholds(trough, 2 * threshold - trough);
	}

	@Override
	public String toString() {
		return String.format("spike threshold %.4g (re-arm %.4g; recorded trough %.4g, peak %.4g)", threshold, rearm, trough, peak);
	}
}
