package org.neurodynamics.core.model;

/**
 * Hindmarsh-Rose burster (dimensionless). Control parameter: injected current I.
 * Period-1 spiking near 1.5, bursts of 2, 3, 4 spikes as I grows, irregular bursting
 * near 3.1-3.25, tonic spiking from ~3.5.
 */
public final class HindmarshRose implements NeuronModel {

	static final double A = 1, B = 3, C = 1, D = 5, R = 0.006, S = 4, XR = -1.6;

	/** The name shown in menus and passed by macros. */
	public static final String NAME = "Hindmarsh-Rose";

	@Override public String name() { return NAME; }
	@Override public String[] variables() { return new String[] { "x", "y", "z" }; }
	@Override public String[] units() { return new String[] { "", "", "" }; }
	@Override public String parameterName() { return "I"; }
	@Override public double[] usualTiming() { return new double[] { 4000, 1000, 0.5 }; }
	@Override public String timeUnit() { return ""; }
	@Override public double[] initialState() { return new double[] { -1.6, -10, 2 }; }

	@Override
	public void derivatives(double current, double[] y, double[] dydt) {
		double x = y[0], yy = y[1], z = y[2];
		dydt[0] = yy - A * x * x * x + B * x * x - z + current;
		dydt[1] = C - D * x * x - yy;
		dydt[2] = R * (S * (x - XR) - z);
	}
}
