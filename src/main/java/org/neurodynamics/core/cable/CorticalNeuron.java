package org.neurodynamics.core.cable;

/**
 * Channels of a regular-spiking cortical pyramidal cell as a single compartment: M. Pospischil,
 * M. Toledo-Rodriguez, C. Monier, Z. Piwkowska, T. Bal, Y. Fregnac, H. Markram, A. Destexhe,
 * "Minimal Hodgkin-Huxley type models for different classes of cortical and thalamic
 * neurons", Biol. Cybern. 99 (2008) 427-441 (their RS cell of rat somatosensory cortex in
 * vitro). Rates in 1/ms, V in mV, with the spike threshold adjustment VT = -56.2 mV:
 * <ul>
 * <li>Na (Traub and Miles 1991): {@code gNa m^3 h (V - 50)};
 * alpha_m = -0.32 (V-VT-13) / (exp(-(V-VT-13)/4) - 1), beta_m = 0.28 (V-VT-40) / (exp((V-VT-40)/5) - 1),
 * alpha_h = 0.128 exp(-(V-VT-17)/18), beta_h = 4 / (1 + exp(-(V-VT-40)/5));</li>
 * <li>delayed-rectifier K: {@code gK n^4 (V + 90)};
 * alpha_n = -0.032 (V-VT-15) / (exp(-(V-VT-15)/5) - 1), beta_n = 0.5 exp(-(V-VT-10)/40);</li>
 * <li>slow non-inactivating M-type K (Yamada, Koch and Adams 1989): {@code gM p (V + 90)};
 * p_inf = 1 / (1 + exp(-(V+35)/10)), tau_p = tau_max / (3.3 exp((V+35)/20) + exp(-(V+35)/20)),
 * tau_max = 608 ms, i.e. alpha_p = p_inf / tau_p, beta_p = (1 - p_inf) / tau_p;</li>
 * <li>leak gL (V - eL).</li>
 * </ul>
 * Defaults (their Table 1, RS in vitro): gNa 0.056, gK 0.006, gM 7.5e-5, gL 2.05e-5 S/cm^2,
 * eL -70.3 mV, cm 1 uF/cm^2, a soma of L = d = 61.4 um (area pi d L = 11844 um^2).
 */
public final class CorticalNeuron {

	public static final double G_NA = 0.056, G_K = 0.006, G_M = 7.5e-5, G_L = 2.05e-5, E_L = -70.3;
	public static final double E_NA = 50, E_K = -90, V_T = -56.2, TAU_MAX = 608, DIAMETER = 61.4;

	private CorticalNeuron() {}

	public static GatedChannel sodium() {
		return new GatedChannel("Na", E_NA,
			new Gate("m", Rate.linoid(0.32, V_T + 13, 4), Rate.linoid(-0.28, V_T + 40, -5), 3),
			new Gate("h", Rate.exponential(0.128, V_T + 17, -18), Rate.sigmoid(4, V_T + 40, 5), 1));
	}

	public static GatedChannel potassium() {
		return new GatedChannel("K", E_K,
			new Gate("n", Rate.linoid(0.032, V_T + 15, 5), Rate.exponential(0.5, V_T + 10, -40), 4));
	}

	public static GatedChannel mCurrent() {
		return new GatedChannel("M", E_K, new Gate("p", mRate(true), mRate(false), 1));
	}

	/** alpha_p (opening) or beta_p (closing) of the M current, with its exact slope. */
	static Rate mRate(boolean opening) {
		return new Rate() {
			@Override
			public double value(double v) {
				double u = (v + 35) / 10, s = 1 / (1 + Math.exp(-u));
				return f(u) * (opening ? s : 1 - s) / TAU_MAX;
			}

			@Override
			public double slope(double v) {
				double u = (v + 35) / 10, s = 1 / (1 + Math.exp(-u)), ds = s * (1 - s);
				double fu = f(u), df = 1.65 * Math.exp(u / 2) - 0.5 * Math.exp(-u / 2);
				double d = opening ? df * s + fu * ds : df * (1 - s) - fu * ds;
				return d / TAU_MAX / 10;
			}

			private double f(double u) {
				return 3.3 * Math.exp(u / 2) + Math.exp(-u / 2);
			}
		};
	}
}
