package org.neurodynamics.core.cable;

/**
 * Channels and standard values of the Pinsky-Rinzel two-compartment CA3 pyramidal cell:
 * P. F. Pinsky and J. Rinzel, "Intrinsic and network rhythmogenesis in a reduced Traub
 * model for CA3 neurons", J. Comput. Neurosci. 1 (1994) 39-60. The paper measures voltage
 * from rest; here it is absolute (rest at -60 mV, every voltage shifted by -60 mV), as in
 * most later implementations.
 *
 * <p>Soma: I_Na = gNa m_inf(V)^2 h (V - VNa), I_K-DR = gKDR n (V - VK). Dendrite: see
 * {@link PinskyRinzelCalcium}. Both: leak gL (V - VL). Coupling gc (V_other - V)/p for the
 * soma and /(1 - p) for the dendrite.
 */
public final class PinskyRinzel {

	/** Densities in S/cm^2 (the paper's mS/cm^2 / 1000). */
	public static final double G_NA = 0.030, G_KDR = 0.015, G_CA = 0.010, G_KC = 0.015,
		G_KAHP = 0.0008, G_L = 0.0001, G_C = 0.0021;
	/** Reversal potentials in mV. */
	public static final double E_NA = 60, E_K = -75, E_CA = 80, E_L = -60;
	/** Membrane capacitance (uF/cm^2) and the soma's fraction of the membrane area. */
	public static final double CM = 3, P = 0.5;

	private PinskyRinzel() {}

	/** Soma sodium; m is instantaneous (m_inf), as in the paper. */
	public static GatedChannel sodium() {
		return new GatedChannel("Na", E_NA,
			new Gate("m", Rate.linoid(0.32, -46.9, 4), Rate.linoid(-0.28, -19.9, -5), 2, true),
			new Gate("h", Rate.exponential(0.128, -43, -18), Rate.sigmoid(4, -20, 5), 1));
	}

	/** Soma delayed rectifier. */
	public static GatedChannel delayedRectifier() {
		return new GatedChannel("KDR", E_K,
			new Gate("n", Rate.linoid(0.016, -24.9, 5), Rate.exponential(0.25, -40, -40), 1));
	}
}
