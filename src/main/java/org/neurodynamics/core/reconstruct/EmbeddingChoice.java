package org.neurodynamics.core.reconstruct;

import java.util.ArrayList;
import java.util.List;

import org.neurodynamics.core.analysis.Percentiles;
import org.neurodynamics.core.analysis.SpikeDetector;
import org.neurodynamics.core.embed.EmbeddingLayout;
import org.neurodynamics.core.embed.MutualInformation;
import org.neurodynamics.core.trace.Trace;

/**
 * Chooses the subsampling step s and the window layout from the data. The subsampled trace
 * must still resolve a spike (s up to a third of the spike's half-height width); the fine
 * part of the window (De samples) covers an inter-spike interval inside a burst (the 25th
 * percentile of the ISIs), which a one-step map needs to know where in the spike cycle it
 * is; and averaged blocks further back cover the slow time scale (a multiple of the 95th
 * percentile of the ISIs by the time they take: the silences between a burster's bursts), so that the recovered
 * state sees the slow variable that sets the bursts, which a one-interval window cannot. Traces
 * without spikes use the mutual-information delay instead and a uniform window.
 */
public final class EmbeddingChoice {

	static final int MIN_DIMENSION = 16, MAX_DIMENSION = 160;
	/** The slow part may not take more than this fraction of the shortest trace. */
	static final double MAX_SPAN_FRACTION = 0.25;

	public final int subsampling;
	/** Values per delay vector (the autoencoder's input size). */
	public final int dimension;
	public final EmbeddingLayout layout;
	/** How the choice was made, for the log and the summary table. */
	public final String reason;

	private EmbeddingChoice(int subsampling, EmbeddingLayout layout, String reason) {
		this.subsampling = subsampling;
		this.layout = layout;
		this.dimension = layout.width();
		this.reason = reason;
	}

	/** Completes {@code settings}: keeps the values the user fixed, chooses those left at 0. */
	public static EmbeddingChoice choose(List<Trace> traces, ReconstructionSettings settings) {
		List<Double> widths = new ArrayList<>(), isis = new ArrayList<>();
		SpikeDetector detector = new SpikeDetector();
		for (Trace t : traces) {
			float[] x = t.samples();
			SpikeDetector.Spikes spikes = detector.detect(x);
			if (spikes.isRest() || spikes.count() < 2) continue;
			double[] pos = spikes.positions();
			for (int i = 0; i < pos.length; i++) {
				widths.add(halfWidth(x, (int) Math.round(pos[i]), spikes.threshold()));
				if (i > 0) isis.add(pos[i] - pos[i - 1]);
			}
		}
		int s, de;
		String reason;
		EmbeddingLayout layout;
		if (isis.size() >= 3) {
			double width = percentile(widths, 50), isi = percentile(isis, 25), slowIsi = Percentiles.weightedBySize(toArray(isis), 95);
			s = settings.subsampling > 0 ? settings.subsampling : Math.max(1, (int) Math.floor(width / 3));
			int span = (int) Math.ceil(1.2 * isi / s / settings.delay) + 1;
			de = settings.embeddingDimension > 0 ? settings.embeddingDimension : clamp(span);
			reason = String.format("spike half-width %.1f samples, 25th-percentile ISI %.1f samples", width, isi);
			layout = withSlowPart(traces, de, settings, s, slowIsi);
			if (!layout.isUniform()) reason += String.format(", 95th-percentile ISI by time %.1f samples", slowIsi);
		}
		else {
			double[] x = toDouble(longest(traces).samples());
			int tau = MutualInformation.suggestedDelay(x, Math.max(2, Math.min(x.length / 4, 1000)), 32);
			s = settings.subsampling > 0 ? settings.subsampling : 1;
			de = settings.embeddingDimension > 0 ? settings.embeddingDimension : clamp((int) Math.ceil(4.0 * tau / s / settings.delay));
			reason = "no spikes found; mutual-information delay " + tau + " samples";
			layout = EmbeddingLayout.uniform(de, settings.delay);
		}
		return new EmbeddingChoice(s, layout, reason);
	}

	/**
	 * Adds {@link ReconstructionSettings#slowBins} averaged blocks behind the fine samples,
	 * reaching {@link ReconstructionSettings#slowSpanIsis} times the slow ISI back (or the span the user set);
	 * none when that is no longer than the fine part.
	 */
	private static EmbeddingLayout withSlowPart(List<Trace> traces, int de, ReconstructionSettings settings, int s, double slowIsi) {
		int fineSpan = (de - 1) * settings.delay;
		if (settings.slowBins == 0) return EmbeddingLayout.uniform(de, settings.delay);
		int shortest = traces.stream().mapToInt(t -> (t.length() + s - 1) / s).min().getAsInt();
		int wanted = settings.slowSpan > 0 ? settings.slowSpan : (int) Math.ceil(settings.slowSpanIsis * slowIsi / s);
		int slowSpan = Math.min(wanted, (int) (MAX_SPAN_FRACTION * shortest)) - fineSpan;
		int binWidth = slowSpan / settings.slowBins;
		if (binWidth < 2) return EmbeddingLayout.uniform(de, settings.delay);
		return new EmbeddingLayout(de, settings.delay, settings.slowBins, binWidth);
	}

	/** Width (samples) of a spike at half its height above the threshold. */
	private static double halfWidth(float[] x, int peak, double threshold) {
		double half = 0.5 * (x[peak] + threshold);
		int left = peak, right = peak;
		while (left > 0 && x[left] > half) left--;
		while (right < x.length - 1 && x[right] > half) right++;
		return Math.max(1, right - left);
	}

	private static int clamp(int de) {
		return Math.max(MIN_DIMENSION, Math.min(MAX_DIMENSION, de));
	}

	private static double percentile(List<Double> values, double p) {
		return Percentiles.rank(toArray(values), p);
	}

	private static double[] toArray(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static Trace longest(List<Trace> traces) {
		return traces.stream().max((a, b) -> Integer.compare(a.length(), b.length())).get();
	}

	private static double[] toDouble(float[] x) {
		double[] d = new double[x.length];
		for (int i = 0; i < x.length; i++) d[i] = x[i];
		return d;
	}

	@Override
	public String toString() {
		return "subsampling " + subsampling + ", window " + layout + " (" + reason + ")";
	}
}
