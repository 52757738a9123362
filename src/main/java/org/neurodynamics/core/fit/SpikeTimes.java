package org.neurodynamics.core.fit;

import java.util.Arrays;

/**
 * Spike times of a voltage trace sampled every dt ms from t = 0, and for a simulated trace
 * their exact sensitivities. A spike is an upward crossing of {@code threshold} between
 * samples i and i+1 ({@code V_i < threshold <= V_i+1}); after one, crossings count again
 * only once V has fallen below {@code rearm}, so noise at the threshold is one spike. Its
 * time is interpolated linearly within the step:
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
	public static SpikeTimes of(double[] v, int samples, double dt, double threshold, double rearm) {
		return of(v, new double[0][], samples, dt, threshold, rearm);
	}

	/**
	 * Spike times (ms) in the first {@code samples} samples of {@code v} and their
	 * sensitivities from {@code w[k][i] = dV_i/dtheta_k}.
	 */
	public static SpikeTimes of(double[] v, double[][] w, int samples, double dt, double threshold, double rearm) {
		if (!(rearm < threshold)) throw new IllegalArgumentException("the re-arm level must be below the threshold");
		if (samples > v.length) throw new IllegalArgumentException(samples + " samples of a trace of " + v.length);
		int p = w.length;
		double[] t = new double[8];
		double[][] g = new double[8][];
		int n = 0;
		boolean armed = true;
		for (int i = 0; i + 1 < samples; i++) {
			double a = v[i], b = v[i + 1];
			if (armed && a < threshold && b >= threshold) {
				double slope = b - a, f = (threshold - a) / slope;
				if (n == t.length) {
					t = Arrays.copyOf(t, 2 * n);
					g = Arrays.copyOf(g, 2 * n);
				}
				t[n] = (i + f) * dt;
				double[] d = new double[p];
				for (int k = 0; k < p; k++) d[k] = -((1 - f) * w[k][i] + f * w[k][i + 1]) * dt / slope;
				g[n++] = d;
				armed = false;
			}
			else if (b < rearm) armed = true;
		}
		return new SpikeTimes(Arrays.copyOf(t, n), Arrays.copyOf(g, n));
	}

	public int count() { return times.length; }

	/** Time of spike j (ms). */
	public double time(int j) { return times[j]; }

	/** dt_j / dtheta_k (ms per parameter unit). */
	public double derivative(int j, int k) { return gradient[j][k]; }
}
