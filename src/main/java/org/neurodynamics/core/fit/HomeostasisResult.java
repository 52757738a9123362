package org.neurodynamics.core.fit;

import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableSimulation;

/**
 * Downsampled time series of a homeostatic-control run: time (ms), the controller's rate
 * estimate (Hz), the rate counted from threshold crossings at 0 mV in each sample interval
 * (Hz), and the adapted parameter values.
 */
public final class HomeostasisResult {

	private final CableModel model;
	private final int[] adapted;
	private final double interval;
	private final double[] time, estimate, counted;
	private final double[][] parameters;

	HomeostasisResult(CableModel model, int[] adapted, double interval, int samples) {
		this.model = model;
		this.adapted = adapted.clone();
		this.interval = interval;
		time = new double[samples];
		estimate = new double[samples];
		counted = new double[samples];
		parameters = new double[adapted.length][samples];
	}

	void sample(int i, double t, double rate, double countedRate, CableSimulation sim) {
		if (i >= time.length) return;
		time[i] = t;
		estimate[i] = rate;
		counted[i] = countedRate;
		for (int k = 0; k < adapted.length; k++) parameters[k][i] = sim.parameter(adapted[k]);
	}

	public int length() { return time.length; }
	/** Sample interval in ms. */
	public double interval() { return interval; }
	public double[] time() { return time.clone(); }
	public double[] estimatedRate() { return estimate.clone(); }
	/** Spikes counted in each interval, in Hz (NaN for sample 0). */
	public double[] countedRate() { return counted.clone(); }
	public String parameterName(int k) { return model.parameters().get(adapted[k]).name(); }
	public int parameterCount() { return adapted.length; }
	public double[] parameter(int k) { return parameters[k].clone(); }

	/** Mean counted rate (Hz) over samples whose time lies in (from, to] ms. */
	public double meanCountedRate(double from, double to) {
		double sum = 0;
		int n = 0;
		for (int i = 1; i < time.length; i++) if (time[i] > from && time[i] <= to) {
			sum += counted[i];
			n++;
		}
		return n == 0 ? Double.NaN : sum / n;
	}
}
