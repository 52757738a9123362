package org.neurodynamics.core.cable;

/**
 * Persistent Na current with slow inactivation, from the recordings of M. Magistretti and
 * A. Alonso, "Biophysical properties and slow voltage-dependent inactivation of a sustained
 * sodium current in entorhinal cortex layer-II principal neurons", J. Gen. Physiol. 114
 * (1999) 491-509, in the form of the Allen Institute's cell models (Gouwens et al. 2018,
 * "Nap"), at 34 C (Q10 2.3 from 21 C):
 * <pre>
 * I_NaP   = gNaP m_inf(V) h (V - ENa)                  m instantaneous
 * m_inf   = 1 / (1 + exp(-(V + 52.6) / 4.6))
 * h_inf   = 1 / (1 + exp((V + 48.8) / 10))
 * 1/tau_h = qt (alpha_h + beta_h),  qt = 2.3^1.3
 * alpha_h = -2.88e-6 (V + 17) / (1 - exp((V + 17) / 4.63))
 * beta_h  = 6.94e-6 (V + 64.4) / (1 - exp(-(V + 64.4) / 2.63))
 * </pre>
 * It activates below the spike threshold and inactivates over seconds: it depolarises a
 * cell's plateau under sustained current (where the transient Na then stays inactivated,
 * depolarisation block) and adds a slow component to adaptation. One parameter, gNaP (S/cm^2).
 */
public final class PersistentSodium {

	/** Q10 2.3 from 21 to 34 C. */
	static final double QT = Math.pow(2.3, 1.3);

	private PersistentSodium() {}

	public static GatedChannel channel(double reversalMv) {
		Rate inverseTau = Rate.product(Rate.constant(QT),
			Rate.sum(Rate.linoid(-2.88e-6, -17, -4.63), Rate.linoid(6.94e-6, -64.4, 2.63)));
		return new GatedChannel("NaP", reversalMv,
			Gate.instantaneous("m", Rate.sigmoid(1, -52.6, 4.6), 1),
			Gate.ofSteadyState("h", Rate.sigmoid(1, -48.8, -10), inverseTau, 1));
	}
}
