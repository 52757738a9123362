package org.neurodynamics.core.fit;

/**
 * Matched spike-time distance between a model's and a recorded spike train over a window
 * ending at {@code end} ms: the shorter train is padded with spikes at {@code end}, spikes
 * are paired in order, and {@code D = 1/2 sum_j ((t_j - t*_j) / tau)^2}.
 *
 * <p>Why this distance: each model spike is pulled towards its recorded partner in proportion
 * to its timing error however far apart they are (a van Rossum distance stops pulling once
 * spikes are a few kernel widths apart, and with 2-4x too many model spikes most of its pulls
 * cancel). An extra model spike is paired with the window's end and pushed out through it,
 * and a recorded spike without a model partner pulls the matched ones earlier: too fast firing
 * is slowed and too slow firing sped up. Because of the padding, D is continuous when a spike
 * crosses the window's end, so Adam's growing window and the spike count change smoothly
 * there. It jumps only where a spike appears or vanishes inside the window (a peak grazing
 * the threshold), which no function of spike times avoids; the voltage term covers that.
 */
final class SpikeTimeDistance {

	private SpikeTimeDistance() {}

	/**
	 * Returns {@code scale * D}; adds {@code scale * dD/dtheta} to {@code gradient} and, if not
	 * null, the Gauss-Newton matrix {@code scale * sum_j J_j J_j^T} of the residuals
	 * {@code (t_j - t*_j) / tau} to the lower triangle of {@code curvature}.
	 */
	static double add(SpikeTimes model, SpikeTimes recorded, double end, double tau, double scale, double[] gradient,
		double[][] curvature)
	{
		int n = Math.max(model.count(), recorded.count()), p = gradient.length;
		double sum = 0;
		for (int j = 0; j < n; j++) {
			boolean simulated = j < model.count();
			double t = simulated ? model.time(j) : end, r = j < recorded.count() ? recorded.time(j) : end;
			double e = (t - r) / tau;
			sum += e * e;
			if (!simulated) continue; // a padded spike sits at the end whatever theta is
			for (int k = 0; k < p; k++) gradient[k] += scale * e * model.derivative(j, k) / tau;
			if (curvature != null) for (int k = 0; k < p; k++) for (int l = 0; l <= k; l++)
				curvature[k][l] += scale * model.derivative(j, k) * model.derivative(j, l) / (tau * tau);
		}
		return scale * sum / 2;
	}
}
