package org.neurodynamics.core.model;

/**
 * Sherman-Rinzel pancreatic beta-cell burster: two fast variables (V, n) and a slow one
 * (S). Control parameter lambda scales the K activation rate: tonic spiking for lambda
 * up to ~0.85, bursting above, with more spikes per burst as lambda grows.
 */
public final class ShermanRinzel implements NeuronModel {

	static final double G_CA = 3.6, G_K = 10, G_S = 4, V_CA = 25, V_K = -75;
	static final double V_M = -20, THETA_M = 12, V_N = -17, THETA_N = 5.6, V_S = -38, THETA_S = 10;
	static final double TAU = 20, TAU_S = 35000;

	/** The name shown in menus and passed by macros. */
	public static final String NAME = "Sherman-Rinzel";

	@Override public String name() { return NAME; }
	@Override public String[] variables() { return new String[] { "V", "n", "S" }; }
	@Override public String[] units() { return new String[] { "mV", "", "" }; }
	@Override public String parameterName() { return "lambda"; }
	@Override public double[] usualTiming() { return new double[] { 300000, 60000, 20 }; }
	@Override public String timeUnit() { return "ms"; }
	@Override public double[] initialState() { return new double[] { -50, 0.0, 0.4 }; }

	@Override
	public void derivatives(double lambda, double[] y, double[] dydt) {
		double v = y[0], n = y[1], s = y[2];
		dydt[0] = (-G_CA * boltzmann(v, V_M, THETA_M) * (v - V_CA) - G_K * n * (v - V_K) - G_S * s * (v - V_K)) / TAU;
		dydt[1] = lambda * (boltzmann(v, V_N, THETA_N) - n) / TAU;
		dydt[2] = (boltzmann(v, V_S, THETA_S) - s) / TAU_S;
	}

	static double boltzmann(double v, double half, double slope) {
		return 1 / (1 + Math.exp((half - v) / slope));
	}
}
