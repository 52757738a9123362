package org.neurodynamics.core.fit;

import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.analysis.SpikeDetector;

/**
 * How well a model fitted to some sweeps of a step family predicts the others: whether its
 * spike count agrees at the held-out sweeps where the cell fires, and how far its steady
 * state is at the held-out sweeps where the cell is quiet. The spike counts of recording
 * and model come from the family's one detector and agree by its one rule
 * ({@link SpikeDetector#countsAgree}).
 */
public final class HeldOutSweeps {

	/** Held-out sweeps where the cell fires, and of those where the model's count agrees. */
	public final int spiking, countsRight;
	/** Held-out quiet sweeps, and |recorded - model| of their steady states (mV): largest and mean; NaN without any. */
	public final int quiet;
	public final double worstSteadyError, meanSteadyError;

	private HeldOutSweeps(int spiking, int countsRight, int quiet, double worstSteadyError, double meanSteadyError) {
		this.spiking = spiking;
		this.countsRight = countsRight;
		this.quiet = quiet;
		this.worstSteadyError = worstSteadyError;
		this.meanSteadyError = meanSteadyError;
	}

	/**
	 * The sweeps not in {@code fitted}, judged against {@code simulated} (one voltage per
	 * sweep, resampled to the recording; null where the model could not be simulated, which
	 * counts as wrong).
	 */
	public static HeldOutSweeps of(StepFamily family, List<float[]> simulated, int[] fitted) {
		int spiking = 0, right = 0, quiet = 0;
		double worst = 0, sum = 0;
		for (int s = 0; s < family.size(); s++) {
			if (contains(fitted, s)) continue;
			float[] sim = simulated.get(s), voltage = family.voltage(s);
			int recorded = family.spikes(voltage);
			if (recorded > 0) {
				spiking++;
				if (sim != null && SpikeDetector.countsAgree(recorded, family.spikes(sim))) right++;
			}
			else {
				quiet++;
				double e = sim == null ? Double.POSITIVE_INFINITY
					: Math.abs(family.steadyState(voltage) - family.steadyState(sim));
				worst = Math.max(worst, e);
				sum += e;
			}
		}
		return new HeldOutSweeps(spiking, right, quiet, quiet == 0 ? Double.NaN : worst, quiet == 0 ? Double.NaN : sum / quiet);
	}

	/**
	 * Predicts the held-out sweeps better: more of the spiking sweeps' counts right (as a
	 * fraction), then the smaller mean steady-state error at the quiet ones.
	 */
	public boolean isBetterThan(HeldOutSweeps other) {
		double a = fractionRight(), b = other.fractionRight();
		if (a != b) return a > b;
		double e = Double.isNaN(meanSteadyError) ? 0 : meanSteadyError, f = Double.isNaN(other.meanSteadyError) ? 0
			: other.meanSteadyError;
		return e < f;
	}

	private double fractionRight() {
		return spiking == 0 ? 1 : (double) countsRight / spiking;
	}

	/** "5 of 6 held-out spiking sweeps' counts right; quiet steady state off by 2.3 mV (at most 4.1)". */
	public String summary() {
		String counts = spiking == 0 ? "no held-out sweep fires" : countsRight + " of " + spiking + " held-out spiking sweeps' counts right";
		return quiet == 0 ? counts : counts + String.format(Locale.ROOT, "; quiet steady state off by %.1f mV (at most %.1f)",
			meanSteadyError, worstSteadyError);
	}

	private static boolean contains(int[] values, int v) {
		for (int x : values) if (x == v) return true;
		return false;
	}
}
