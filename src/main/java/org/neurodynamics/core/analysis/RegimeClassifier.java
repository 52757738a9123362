package org.neurodynamics.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.hipparchus.stat.StatUtils;
import org.neurodynamics.core.analysis.RegimeStats.Regime;

/**
 * Classifies the firing regime of a trace (or of a spike train) as rest, tonic spiking,
 * bursting with N spikes per burst, or irregular.
 * <p>
 * Bursts are groups of spikes separated by inter-burst intervals. Which intervals separate
 * bursts is decided
 * <ul>
 * <li>from a sampled trace: by the depth of the trough between two spikes. Bursting neurons
 * hyperpolarise deeper in the silent phase than between spikes of a burst, which stays true
 * in chaotic bursting where the longest intra-burst intervals are as long as the
 * inter-burst ones (Hindmarsh-Rose near I = 3). The troughs are split in two classes by
 * Otsu's criterion; the split is accepted when the classes are far apart (relative to the
 * spike amplitude and to their spread) and the deep-trough intervals are clearly longer. If
 * not, the interval criterion below is tried;</li>
 * <li>from spike times only: by the largest ratio between consecutive sorted inter-spike
 * intervals, which must exceed {@code minGapRatio} (default 2).</li>
 * </ul>
 * The first and last bursts are counted only when a separating gap is seen before/after
 * them (otherwise they may be cut by the recording). Bursting-N needs at least two complete
 * bursts and N must account for {@code minModeFraction} of them (default 80%); otherwise
 * bursting is irregular. Without bursts, spiking is tonic when the ISI coefficient of
 * variation is below {@code tonicMaxCv} (default 0.2), else irregular. Spiking that stops
 * (silence after the last spike longer than twice the longest ISI) is rest.
 */
public final class RegimeClassifier {

	private final SpikeDetector detector;
	private final double tonicMaxCv;
	private final double minGapRatio;
	private final double minModeFraction;

	public RegimeClassifier() {
		this(new SpikeDetector(), 0.2, 2.0, 0.8);
	}

	public RegimeClassifier(SpikeDetector detector, double tonicMaxCv, double minGapRatio, double minModeFraction) {
		this.detector = detector;
		this.tonicMaxCv = tonicMaxCv;
		this.minGapRatio = minGapRatio;
		this.minModeFraction = minModeFraction;
	}

	/**
	 * A classifier that detects spikes with fixed thresholds taken from recordings (see
	 * {@link SpikeThresholds}); with null, the adaptive detector.
	 */
	public static RegimeClassifier withThresholds(SpikeThresholds thresholds) {
		return thresholds == null ? new RegimeClassifier() : new RegimeClassifier(SpikeDetector.fixed(thresholds), 0.2, 2.0, 0.8);
	}

	public SpikeDetector detector() { return detector; }

	/** Classifies a sampled trace {@code x} with sampling interval {@code dt}. */
	public RegimeStats classify(double[] x, double dt) {
		double duration = x.length * dt;
		SpikeDetector.Spikes spikes = detector.detect(x);
		if (spikes.isRest() || spikes.count() < 2) return rest(spikes.count(), duration);
		double[] pos = spikes.positions();
		double[] times = spikes.times(dt);
		int n = pos.length;
		double[] troughs = new double[n - 1];
		for (int i = 0; i < n - 1; i++) troughs[i] = minBetween(x, (int) Math.round(pos[i]), (int) Math.round(pos[i + 1]));
		double[] isi = intervals(times);

		boolean[] gap = null;
		boolean firstComplete = false, lastComplete = false;
		double gapThreshold = Double.NaN;
		double split = troughSplit(troughs, isi, spikes.high() - spikes.low());
		if (!Double.isNaN(split)) {
			gap = new boolean[n - 1];
			for (int i = 0; i < n - 1; i++) gap[i] = troughs[i] < split;
			firstComplete = minBetween(x, 0, (int) Math.round(pos[0])) < split;
			lastComplete = minBetween(x, (int) Math.round(pos[n - 1]), x.length - 1) < split;
		} else {
			gapThreshold = isiSplit(isi);
			if (!Double.isNaN(gapThreshold)) {
				gap = new boolean[n - 1];
				for (int i = 0; i < n - 1; i++) gap[i] = isi[i] > gapThreshold;
				firstComplete = times[0] > gapThreshold;
				lastComplete = duration - times[n - 1] > gapThreshold;
			}
		}
		return build(times, isi, duration, times[n - 1], gap, firstComplete, lastComplete, gapThreshold);
	}

	/** Classifies a spike train: ascending spike times recorded over [start, end]. */
	public RegimeStats classify(double[] spikeTimes, double start, double end) {
		double duration = end - start;
		int n = spikeTimes.length;
		if (n < 2) return rest(n, duration);
		double[] isi = intervals(spikeTimes);
		boolean[] gap = null;
		double gapThreshold = isiSplit(isi);
		boolean firstComplete = false, lastComplete = false;
		if (!Double.isNaN(gapThreshold)) {
			gap = new boolean[n - 1];
			for (int i = 0; i < n - 1; i++) gap[i] = isi[i] > gapThreshold;
			firstComplete = spikeTimes[0] - start > gapThreshold;
			lastComplete = end - spikeTimes[n - 1] > gapThreshold;
		}
		return build(spikeTimes, isi, duration, spikeTimes[n - 1] - start, gap, firstComplete, lastComplete,
			gapThreshold);
	}

	private RegimeStats build(double[] times, double[] isi, double duration, double lastSpikeTime, boolean[] gap,
		boolean firstComplete, boolean lastComplete, double gapThreshold)
	{
		int n = times.length;
		double mean = StatUtils.mean(isi), maxIsi = StatUtils.max(isi);
		double cv = isi.length > 1 ? Math.sqrt(StatUtils.variance(isi)) / mean : 0;

		if (duration - lastSpikeTime > 2 * maxIsi) {
			// Spiking stopped: a transient on the way to rest.
			return new RegimeStats(Regime.REST, n, duration, mean, cv, 0, 0, Double.NaN, new int[0], gapThreshold);
		}

		List<Integer> counts = new ArrayList<>();
		if (gap != null) {
			int size = 1;
			boolean first = true;
			for (int i = 0; i < n - 1; i++) {
				if (gap[i]) {
					if (!first || firstComplete) counts.add(size);
					first = false;
					size = 1;
				} else {
					size++;
				}
			}
			if (!first && lastComplete) counts.add(size);
		}
		if (counts.size() >= 2) {
			int[] c = counts.stream().mapToInt(Integer::intValue).toArray();
			TreeSet<Integer> seen = new TreeSet<>(counts);
			int[] seenArr = seen.stream().mapToInt(Integer::intValue).toArray();
			int mode = 0, modeCount = 0;
			double sum = 0;
			for (int s : seenArr) {
				int k = 0;
				for (int v : c) if (v == s) k++;
				if (k > modeCount) {
					modeCount = k;
					mode = s;
				}
			}
			for (int v : c) sum += v;
			boolean consistent = mode >= 2 && modeCount >= minModeFraction * c.length;
			return new RegimeStats(consistent ? Regime.BURSTING : Regime.IRREGULAR, n, duration, mean, cv, c.length,
				consistent ? mode : 0, sum / c.length, seenArr, gapThreshold);
		}
		Regime r = cv <= tonicMaxCv ? Regime.TONIC : Regime.IRREGULAR;
		return new RegimeStats(r, n, duration, mean, cv, 0, 0, Double.NaN, new int[0], Double.NaN);
	}

	private static RegimeStats rest(int spikes, double duration) {
		return new RegimeStats(Regime.REST, spikes, duration, Double.NaN, Double.NaN, 0, 0, Double.NaN, new int[0],
			Double.NaN);
	}

	/**
	 * The ISI above which an interval separates bursts: the geometric mean of the two sorted
	 * intervals with the largest ratio, if that ratio is at least {@code minGapRatio}; NaN
	 * otherwise.
	 */
	double isiSplit(double[] isi) {
		if (isi.length < 2) return Double.NaN;
		double[] s = isi.clone();
		Arrays.sort(s);
		double best = 0;
		int at = -1;
		for (int i = 0; i + 1 < s.length; i++) {
			if (s[i] <= 0) continue;
			double r = s[i + 1] / s[i];
			if (r > best) {
				best = r;
				at = i;
			}
		}
		if (at < 0 || best < minGapRatio) return Double.NaN;
		return Math.sqrt(s[at] * s[at + 1]);
	}

	/**
	 * Otsu split of the troughs into deep (inter-burst) and shallow (intra-burst) classes;
	 * NaN when the classes are not clearly distinct: mean difference below 5% of the spike
	 * amplitude or below 4 pooled within-class standard deviations, or deep-trough intervals
	 * not at least 1.5 times longer on average.
	 */
	static double troughSplit(double[] troughs, double[] isi, double amplitude) {
		int m = troughs.length;
		if (m < 3) return Double.NaN;
		Integer[] order = new Integer[m];
		for (int i = 0; i < m; i++) order[i] = i;
		Arrays.sort(order, (a, b) -> Double.compare(troughs[a], troughs[b]));
		double[] s = new double[m];
		for (int i = 0; i < m; i++) s[i] = troughs[order[i]];
		double total = 0;
		for (double v : s) total += v;
		double bestScore = -1;
		int bestK = -1; // deep class is s[0..k]
		double left = 0;
		for (int k = 0; k < m - 1; k++) {
			left += s[k];
			int n1 = k + 1, n2 = m - n1;
			double m1 = left / n1, m2 = (total - left) / n2;
			double score = (double) n1 * n2 * (m2 - m1) * (m2 - m1);
			if (s[k + 1] > s[k] && score > bestScore) {
				bestScore = score;
				bestK = k;
			}
		}
		if (bestK < 0) return Double.NaN;
		int n1 = bestK + 1, n2 = m - n1;
		double m1 = 0, m2 = 0, i1 = 0, i2 = 0;
		for (int k = 0; k < m; k++) {
			if (k <= bestK) {
				m1 += s[k];
				i1 += isi[order[k]];
			} else {
				m2 += s[k];
				i2 += isi[order[k]];
			}
		}
		m1 /= n1;
		m2 /= n2;
		i1 /= n1;
		i2 /= n2;
		double ss = 0;
		for (int k = 0; k < m; k++) {
			double d = s[k] - (k <= bestK ? m1 : m2);
			ss += d * d;
		}
		double pooled = Math.sqrt(ss / Math.max(1, m - 2));
		double diff = m2 - m1;
		if (diff < 0.05 * amplitude || diff < 4 * pooled || i1 < 1.5 * i2) return Double.NaN;
		return 0.5 * (s[bestK] + s[bestK + 1]);
	}

	private static double[] intervals(double[] times) {
		double[] isi = new double[times.length - 1];
		for (int i = 0; i < isi.length; i++) isi[i] = times[i + 1] - times[i];
		return isi;
	}

	private static double minBetween(double[] x, int from, int to) {
		double m = Double.POSITIVE_INFINITY;
		for (int k = Math.max(0, from); k <= Math.min(x.length - 1, to); k++) m = Math.min(m, x[k]);
		return m;
	}
}
