package org.neurodynamics.core.fit;

import org.neurodynamics.core.analysis.SpikeDetector;

/**
 * Spike times of a voltage trace sampled every dt ms from t = 0, and for a simulated trace
 * their exact sensitivities. Which excursions are spikes the {@link SpikeDetector} decides
 * (the one rule of the plugin); a spike's time is its upward crossing of the detector's
 * threshold between samples i and i+1 ({@code V_i <= threshold < V_i+1}), interpolated
 * linearly within the step:
 * {@code t_s = (i + f) dt}, {@code f = (threshold - V_i) / (V_i+1 - V_i)}.
 *
 * <p>Differentiating this expression (the implicit function theorem on the interpolant) gives
 * {@code dt_s/dtheta = -W(t_s) / V'(t_s)} with {@code W(t_s) = (1 - f) W_i + f W_i+1}
 * interpolated like V and {@code V'(t_s) = (V_i+1 - V_i) / dt} the slope of the interpolant.
 * With W the exact sensitivities of the discrete scheme, this is the exact derivative of the
 * interpolated crossing time, equal to its finite differences as long as the crossing stays
 * within its step and no spike appears or vanishes (a spike peak grazing the threshold,
 * where V' -> 0 and the derivative diverges).
 */
public final class SpikeTimes {

	private final double[] times;
	/** gradient[spike][k] = dt_s/dtheta_k; empty rows without sensitivities. */
	private final double[][] gradient;

	private SpikeTimes(double[] times, double[][] gradient) {
		this.times = times;
		this.gradient = gradient;
	}

	/** Spike times (ms) in the first {@code samples} samples of {@code v}. */
	public static SpikeTimes of(double[] v, int samples, double dt, SpikeDetector detector) {
		return of(v, new double[0][], samples, dt, detector);
	}

	/**
	 * Spike times (ms) in the first {@code samples} samples of {@code v} and their
	 * sensitivities from {@code w[k][i] = dV_i/dtheta_k}.
	 */
	public static SpikeTimes of(double[] v, double[][] w, int samples, double dt, SpikeDetector detector) {
		if (samples > v.length) throw new IllegalArgumentException(samples + " samples of a trace of " + v.length);
		double[] x = java.util.Arrays.copyOf(v, samples);
		SpikeDetector.Spikes spikes = detector.detect(x);
		int[] onsets = spikes.onsets();
		double threshold = spikes.threshold();
		int p = w.length;
		double[] t = new double[onsets.length];
		double[][] g = new double[onsets.length][];
		for (int n = 0; n < onsets.length; n++) {
			int i = onsets[n] - 1; // the crossing lies between samples i and i + 1
			double a = x[i], b = x[i + 1], slope = b - a, f = (threshold - a) / slope;
			t[n] = (i + f) * dt;
			double[] d = new double[p];
			for (int k = 0; k < p; k++) d[k] = -((1 - f) * w[k][i] + f * w[k][i + 1]) * dt / slope;
			g[n] = d;
		}
		return new SpikeTimes(t, g);
	}

	public int count() { return times.length; }

	/** Time of spike j (ms). */
	public double time(int j) { return times[j]; }

	/** dt_j / dtheta_k (ms per parameter unit). */
	public double derivative(int j, int k) { return gradient[j][k]; }
}
