package org.neurodynamics.core.cable;

/**
 * Hodgkin-Huxley (1952) squid-axon channels in the modern sign convention with rest near
 * -65 mV, rates as NEURON's hh.mod at 6.3 degC (temperature factor 1). Densities in S/cm^2.
 * Defaults of the Gradient Diffusion paper's axon: gNa 0.12, gK 0.036, gL 0.0003; E 55 /
 * -77 / -65 mV.
 */
public final class HodgkinHuxley {

	public static final double G_NA = 0.12, G_K = 0.036, G_L = 0.0003;
	public static final double E_NA = 55, E_K = -77, E_L = -65;

	private HodgkinHuxley() {}

	/** Transient sodium, {@code gNa m^3 h (v - eNa)}. */
	public static GatedChannel sodium(double eNa) {
		return new GatedChannel("Na", eNa,
			new Gate("m", Rate.linoid(0.1, -40, 10), Rate.exponential(4, -65, -18), 3),
			new Gate("h", Rate.exponential(0.07, -65, -20), Rate.sigmoid(1, -35, 10), 1));
	}

	/** Delayed-rectifier potassium, {@code gK n^4 (v - eK)}. */
	public static GatedChannel potassium(double eK) {
		return new GatedChannel("K", eK,
			new Gate("n", Rate.linoid(0.01, -55, 10), Rate.exponential(0.125, -65, -80), 4));
	}

	public static GatedChannel sodium() { return sodium(E_NA); }
	public static GatedChannel potassium() { return potassium(E_K); }
}
