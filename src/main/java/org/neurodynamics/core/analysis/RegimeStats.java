package org.neurodynamics.core.analysis;

import java.util.Arrays;
import java.util.Locale;

/** The firing regime of one trace and its spike statistics (times in the trace's time unit). */
public final class RegimeStats {

	public enum Regime {
		/** No sustained spiking (no spikes, or spiking that stopped). */
		REST,
		/** Regular spiking, one spike per period. */
		TONIC,
		/** Bursts with a consistent number of spikes ({@link RegimeStats#spikesPerBurst()}). */
		BURSTING,
		/** Spiking or bursting without a consistent pattern (e.g. chaotic bursting). */
		IRREGULAR
	}

	private final Regime regime;
	private final int spikeCount;
	private final double duration;
	private final double meanIsi;
	private final double isiCv;
	private final int burstCount;
	private final int spikesPerBurst;
	private final double meanSpikesPerBurst;
	private final int[] spikesPerBurstSeen;
	private final double burstGapThreshold;

	public RegimeStats(Regime regime, int spikeCount, double duration, double meanIsi, double isiCv, int burstCount,
		int spikesPerBurst, double meanSpikesPerBurst, int[] spikesPerBurstSeen, double burstGapThreshold)
	{
		this.regime = regime;
		this.spikeCount = spikeCount;
		this.duration = duration;
		this.meanIsi = meanIsi;
		this.isiCv = isiCv;
		this.burstCount = burstCount;
		this.spikesPerBurst = spikesPerBurst;
		this.meanSpikesPerBurst = meanSpikesPerBurst;
		this.spikesPerBurstSeen = spikesPerBurstSeen.clone();
		this.burstGapThreshold = burstGapThreshold;
	}

	public Regime regime() { return regime; }
	public int spikeCount() { return spikeCount; }
	/** Length of the analysed recording. */
	public double duration() { return duration; }
	/** Spikes per time unit over the whole recording. */
	public double spikeRate() { return duration > 0 ? spikeCount / duration : Double.NaN; }
	/** Mean inter-spike interval, NaN with fewer than two spikes. */
	public double meanIsi() { return meanIsi; }
	/** Coefficient of variation of the inter-spike intervals, NaN with fewer than two spikes. */
	public double isiCv() { return isiCv; }
	/** Number of complete bursts (partial first/last bursts excluded); 0 when no bursts were found. */
	public int burstCount() { return burstCount; }
	/** The modal number of spikes per burst when {@link Regime#BURSTING}, else 0. */
	public int spikesPerBurst() { return spikesPerBurst; }
	/** Mean spikes per complete burst, NaN when no bursts were found. */
	public double meanSpikesPerBurst() { return meanSpikesPerBurst; }
	/** The distinct numbers of spikes per complete burst, ascending. */
	public int[] spikesPerBurstSeen() { return spikesPerBurstSeen.clone(); }
	/** The inter-spike interval above which an interval separates bursts, NaN if not ISI-based or none. */
	public double burstGapThreshold() { return burstGapThreshold; }

	/** "rest", "tonic", "bursting-3" or "irregular". */
	public String label() {
		switch (regime) {
			case REST: return "rest";
			case TONIC: return "tonic";
			case BURSTING: return "bursting-" + spikesPerBurst;
			default: return "irregular";
		}
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s: %d spikes, rate %.4g, mean ISI %.4g, ISI CV %.3f, %d bursts, spikes/burst %s (mean %.3g)",
			label(), spikeCount, spikeRate(), meanIsi, isiCv, burstCount, Arrays.toString(spikesPerBurstSeen), meanSpikesPerBurst);
	}
}
