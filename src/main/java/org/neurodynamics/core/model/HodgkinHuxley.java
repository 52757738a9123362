package org.neurodynamics.core.model;

/**
 * Hodgkin-Huxley squid axon (1952), modern sign convention (rest near -65 mV).
 * Control parameter: injected current I (uA/cm^2). Rest below ~6.3, coexisting rest and
 * spiking between ~6.3 and ~9.8, tonic spiking above.
 */
public final class HodgkinHuxley implements NeuronModel {

	public static final double C = 1, G_NA = 120, G_K = 36, G_L = 0.3;
	public static final double E_NA = 50, E_K = -77, E_L = -54.387;

	/** The name shown in menus and passed by macros. */
	public static final String NAME = "Hodgkin-Huxley";

	@Override public String name() { return NAME; }
	@Override public String[] variables() { return new String[] { "V", "m", "h", "n" }; }
	@Override public String[] units() { return new String[] { "mV", "", "", "" }; }
	@Override public String parameterName() { return "I (uA/cm^2)"; }
	@Override public double[] usualTiming() { return new double[] { 500, 100, 0.05 }; }
	@Override public String timeUnit() { return "ms"; }

	/** The resting state at I = 0. */
	@Override
	public double[] initialState() {
		double v = -65;
		return new double[] { v, steady(alphaM(v), betaM(v)), steady(alphaH(v), betaH(v)), steady(alphaN(v), betaN(v)) };
	}

	/**
	 * The resting state (fixed point) at injected current {@code current}, found by
	 * bisection on the steady-state current balance; it exists below the Hopf point (~9.8).
	 */
	public static double[] restingState(double current) {
		double lo = -90, hi = -40;
		for (int i = 0; i < 100; i++) {
			double mid = 0.5 * (lo + hi);
			if (steadyCurrent(mid) - current < 0) lo = mid;
			else hi = mid;
		}
		double v = 0.5 * (lo + hi);
		return new double[] { v, steady(alphaM(v), betaM(v)), steady(alphaH(v), betaH(v)), steady(alphaN(v), betaN(v)) };
	}

	/** Net ionic current with every gate at its steady state: zero at a resting potential. */
	private static double steadyCurrent(double v) {
		double m = steady(alphaM(v), betaM(v)), h = steady(alphaH(v), betaH(v)), n = steady(alphaN(v), betaN(v));
		return G_NA * m * m * m * h * (v - E_NA) + G_K * n * n * n * n * (v - E_K) + G_L * (v - E_L);
	}

	@Override
	public void derivatives(double current, double[] y, double[] dydt) {
		double v = y[0], m = y[1], h = y[2], n = y[3];
		double iIon = G_NA * m * m * m * h * (v - E_NA) + G_K * n * n * n * n * (v - E_K) + G_L * (v - E_L);
		dydt[0] = (current - iIon) / C;
		dydt[1] = alphaM(v) * (1 - m) - betaM(v) * m;
		dydt[2] = alphaH(v) * (1 - h) - betaH(v) * h;
		dydt[3] = alphaN(v) * (1 - n) - betaN(v) * n;
	}

	static double steady(double alpha, double beta) {
		return alpha / (alpha + beta);
	}

	static double alphaM(double v) { return 0.1 * linoid(v + 40, 10); }
	static double betaM(double v) { return 4 * Math.exp(-(v + 65) / 18); }
	static double alphaH(double v) { return 0.07 * Math.exp(-(v + 65) / 20); }
	static double betaH(double v) { return 1 / (1 + Math.exp(-(v + 35) / 10)); }
	static double alphaN(double v) { return 0.01 * linoid(v + 55, 10); }
	static double betaN(double v) { return 0.125 * Math.exp(-(v + 65) / 80); }

	/** x / (1 - exp(-x/k)), continuous through its removable singularity at x = 0. */
	static double linoid(double x, double k) {
		double u = x / k;
		if (Math.abs(u) < 1e-6) return k * (1 + u / 2);
		return x / -Math.expm1(-u);
	}
}
