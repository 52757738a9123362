package org.neurodynamics.core.analysis;

import java.util.Arrays;

/**
 * Decides what a spike is, for the whole plugin: step-family tables, fits and their
 * spike-time loss, batch features, the reconstruction's embedding and self-check all count
 * spikes here. A recording's spikes are judged with thresholds taken from the recording
 * itself ({@link #forRecording}); a single trace of unknown scale with an adaptive threshold.
 * <p>
 * The threshold is the midpoint between a robust low level (a low percentile of the
 * samples: the resting or trough level) and a robust high level (the second largest local
 * maximum, so a single artefact does not set the scale, and rare spikes in a long
 * recording still do; a lone spike in a trace is therefore not detected). A spike is the highest point of an excursion above the
 * threshold; two excursions count as separate spikes only if the trace fell in between by
 * at least {@code minProminence} times the range (high - low) below the threshold, so
 * noise wiggles around the threshold or on top of a spike are not extra spikes, and
 * subthreshold oscillations never reach the threshold. A spike riding a plateau (the
 * bursts of a plateau burster such as Sherman-Rinzel, whose voltage stays above the
 * re-arm level for the whole burst) ends once the trace is below the threshold and
 * {@link #PLATEAU_DROP} of the range below the spike's own peak, so each spike of the
 * burst counts.
 * <p>
 * A trace is at rest (no spikes) when its range is tiny relative to its own scale
 * (|low|, |high|) or not much larger than its sample-to-sample noise (estimated from the
 * median absolute second difference), or when an optional absolute threshold is not reached.
 * Spike times are sample indices refined by parabolic interpolation.
 */
public final class SpikeDetector {

	/** Relative tolerance of {@link #countsAgree}. */
	public static final double COUNT_TOLERANCE = 0.20;

	/**
	 * Whether a predicted spike count (a fitted model's, a reconstructed map's) agrees with a
	 * recorded one, for the whole plugin: within {@link #COUNT_TOLERANCE} or one spike, and
	 * silent exactly where the recording is silent (one spike and none are different regimes).
	 */
	public static boolean countsAgree(int recorded, int predicted) {
		if ((recorded == 0) != (predicted == 0)) return false;
		return Math.abs(predicted - recorded) <= Math.max(1, COUNT_TOLERANCE * recorded);
	}

	/** The spikes of one trace. */
	public static final class Spikes {
		private final double[] positions;
		private final double[] peaks;
		private final int[] onsets;
		private final double threshold;
		private final double low;
		private final double high;
		private final boolean rest;

		Spikes(double[] positions, double[] peaks, int[] onsets, double threshold, double low, double high, boolean rest) {
			this.onsets = onsets;
			this.positions = positions;
			this.peaks = peaks;
			this.threshold = threshold;
			this.low = low;
			this.high = high;
			this.rest = rest;
		}

		public int count() { return positions.length; }
		/** Spike times in (fractional) sample indices. */
		public double[] positions() { return positions.clone(); }
		/** Spike times in time units: positions times {@code dt}. */
		public double[] times(double dt) {
			double[] t = new double[positions.length];
			for (int i = 0; i < t.length; i++) t[i] = positions[i] * dt;
			return t;
		}
		/**
		 * Per spike, the first sample above the threshold: the threshold crossing lies between
		 * this sample and the one before (where differentiable spike times are measured).
		 */
		public int[] onsets() { return onsets.clone(); }
		/** Interpolated peak values. */
		public double[] peaks() { return peaks.clone(); }
		public double threshold() { return threshold; }
		/** Robust low level (a low percentile of the samples). */
		public double low() { return low; }
		/** Robust high level (the second largest local maximum). */
		public double high() { return high; }
		/** True when the trace was judged to be at rest (then there are no spikes). */
		public boolean isRest() { return rest; }
	}

	/** Fall from a spike's peak (fraction of high - low) that ends it below the threshold, even above the re-arm level. */
	static final double PLATEAU_DROP = 0.4;

	private final double lowPercentile;
	private final double minProminence;
	private final double restRelativeRange;
	private final double noiseFactor;
	private final double absoluteThreshold;
	/** Fixed thresholds taken from recordings; null = adaptive. */
	private final SpikeThresholds fixed;

	/** Defaults: low percentile 5, prominence 0.15 of the range, rest below 10% of scale or 8 noise SDs. */
	public SpikeDetector() {
		this(5, 0.15, 0.1, 8, Double.NaN);
	}

	/**
	 * @param lowPercentile percentile (0-100) of the samples used as the low level
	 * @param minProminence how far (fraction of high - low) below the threshold the trace
	 *          must fall between two spikes
	 * @param restRelativeRange a range below this fraction of max(|low|, |high|) means rest
	 * @param noiseFactor a range below this many noise standard deviations means rest
	 * @param absoluteThreshold if not NaN, spikes must also exceed this value (input units)
	 */
	public SpikeDetector(double lowPercentile, double minProminence, double restRelativeRange, double noiseFactor,
		double absoluteThreshold)
	{
		if (!(lowPercentile >= 0 && lowPercentile < 50)) throw new IllegalArgumentException("lowPercentile " + lowPercentile);
		if (!(minProminence >= 0 && minProminence < 0.5)) throw new IllegalArgumentException("minProminence " + minProminence);
		this.lowPercentile = lowPercentile;
		this.minProminence = minProminence;
		this.restRelativeRange = restRelativeRange;
		this.noiseFactor = noiseFactor;
		this.absoluteThreshold = absoluteThreshold;
		this.fixed = null;
	}

	private SpikeDetector(SpikeThresholds fixed) {
		this.lowPercentile = 5;
		this.minProminence = SpikeThresholds.REARM_FRACTION;
		this.restRelativeRange = 0;
		this.noiseFactor = 0;
		this.absoluteThreshold = Double.NaN;
		this.fixed = fixed;
	}

	/**
	 * A detector with fixed thresholds (taken from recordings): nothing adapts to the trace,
	 * so traces are judged by one rule; a trace that never crosses the threshold is at rest.
	 */
	public static SpikeDetector fixed(SpikeThresholds thresholds) {
		if (thresholds == null) throw new IllegalArgumentException("no thresholds");
		return new SpikeDetector(thresholds);
	}

	/**
	 * The detector of one recording (the sweeps of a step family, the traces of a
	 * reconstruction): fixed thresholds from its own spikes ({@link SpikeThresholds#fromRecordings}),
	 * so every sweep, and every model or map compared with it, is judged by one rule; each
	 * spike re-arms relative to its own peak, so spikes riding a depolarised plateau count.
	 * Without spikes in the recording the adaptive detector (which finds none there either).
	 */
	public static SpikeDetector forRecording(java.util.List<float[]> sweeps) {
		SpikeThresholds t = SpikeThresholds.fromRecordings(sweeps);
		return t == null ? new SpikeDetector() : fixed(t);
	}

	/** The fixed thresholds, or null for an adaptive detector. */
	public SpikeThresholds fixedThresholds() { return fixed; }

	public SpikeDetector withAbsoluteThreshold(double value) {
		return new SpikeDetector(lowPercentile, minProminence, restRelativeRange, noiseFactor, value);
	}

	public Spikes detect(float[] x) {
		double[] d = new double[x.length];
		for (int i = 0; i < d.length; i++) d[i] = x[i];
		return detect(d);
	}

	public Spikes detect(double[] x) {
		double[] none = new double[0];
		if (fixed != null) return crossings(x, fixed.threshold, fixed.rearm, fixed.trough, fixed.peak);
		if (x.length < 3) return new Spikes(none, none, new int[0], Double.NaN, Double.NaN, Double.NaN, true);
		double low = Percentiles.linear(x, lowPercentile);
		double[] maxima = LocalMaxima.values(x);
		if (maxima.length == 0) return new Spikes(none, none, new int[0], Double.NaN, low, Arrays.stream(x).max().getAsDouble(), true);
		Arrays.sort(maxima);
		// The second largest maximum: one artefact cannot set the scale, two spikes suffice.
		double high = maxima[Math.max(0, maxima.length - 2)];
		double range = high - low;
		double threshold = 0.5 * (low + high);
		if (!Double.isNaN(absoluteThreshold)) threshold = Math.max(threshold, absoluteThreshold);
		double scale = Math.max(Math.abs(low), Math.abs(high));
		if (!(range > restRelativeRange * scale) || !(range > noiseFactor * noiseSigma(x)))
			return new Spikes(none, none, new int[0], threshold, low, high, true);
		return crossings(x, threshold, threshold - minProminence * range, low, high);
	}

	/** Spikes as excursions above {@code threshold}, separated by falls below {@code rearm} or far below their own peak. */
	private static Spikes crossings(double[] x, double threshold, double rearm, double low, double high) {
		double[] pos = new double[16];
		double[] peak = new double[16];
		int[] onset = new int[16];
		int count = 0;
		boolean armed = true; // the trace has been below the re-arm level since the last spike
		int excursionMax = -1, excursionStart = -1; // highest and first sample of the current spike
		double drop = PLATEAU_DROP * (high - low);
		// Skip a spike already in progress at the start (its peak time is unknown), but no more:
		// a trace whose troughs never reach the re-arm level still has its later spikes counted.
		int i = 0;
		while (i < x.length && x[i] > threshold) i++;
		for (; i < x.length; i++) {
			double v = x[i];
			if (v > threshold) {
				if (armed) {
					armed = false;
					excursionMax = i;
					excursionStart = i;
				} else if (excursionMax >= 0 && v > x[excursionMax]) {
					excursionMax = i;
				}
			} else if (!armed && (v < rearm || (excursionMax >= 0 && v < x[excursionMax] - drop))) {
				if (count == pos.length) {
					pos = Arrays.copyOf(pos, count * 2);
					peak = Arrays.copyOf(peak, count * 2);
					onset = Arrays.copyOf(onset, count * 2);
				}
				pos[count] = LocalMaxima.interpolatedPosition(x, excursionMax);
				peak[count] = LocalMaxima.interpolatedValue(x, excursionMax);
				onset[count] = excursionStart;
				count++;
				armed = true;
				excursionMax = -1;
			}
		}
		// A spike still rising or falling at the end counts if its peak was passed.
		if (!armed && excursionMax >= 0 && excursionMax < x.length - 1) {
			pos = Arrays.copyOf(pos, count + 1);
			peak = Arrays.copyOf(peak, count + 1);
			onset = Arrays.copyOf(onset, count + 1);
			pos[count] = LocalMaxima.interpolatedPosition(x, excursionMax);
			peak[count] = LocalMaxima.interpolatedValue(x, excursionMax);
			onset[count] = excursionStart;
			count++;
		}
		return new Spikes(Arrays.copyOf(pos, count), Arrays.copyOf(peak, count), Arrays.copyOf(onset, count), threshold, low, high, count == 0);
	}

	/**
	 * Robust standard deviation of white sample noise: 1.4826 MAD(second differences) / sqrt 6.
	 * Second differences of a smooth, well-sampled signal are small, so the estimate is not
	 * fooled by fast but resolved oscillations.
	 */
	static double noiseSigma(double[] x) {
		if (x.length < 3) return 0;
		double[] d = new double[x.length - 2];
		for (int i = 0; i < d.length; i++) d[i] = x[i + 2] - 2 * x[i + 1] + x[i];
		double med = Percentiles.linear(d, 50);
		for (int i = 0; i < d.length; i++) d[i] = Math.abs(d[i] - med);
		return 1.4826 * Percentiles.linear(d, 50) / Math.sqrt(6);
	}
}
