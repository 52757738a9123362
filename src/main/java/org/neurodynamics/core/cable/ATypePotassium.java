package org.neurodynamics.core.cable;

/**
 * A-type (fast transient) K current: activates and inactivates fast near rest; it delays
 * the first spike, slows firing at low currents and, inactivated by depolarisation, lets
 * a cell's behaviour change with its holding level. Kinetics of the fast transient K
 * current of layer-5 pyramidal cells, A. Korngreen and B. Sakmann, J. Physiol. 525 (2000)
 * 621-639, as in Hay et al., PLoS Comput. Biol. 7 (2011) e1002107 ("K_Tst": shifted by
 * -10 mV for the junction potential, Q10 2.3 from 21 to 34 C):
 * <pre>
 * I_A   = gA m^4 h (V - EK)
 * m_inf = 1 / (1 + exp(-(V + 10) / 19)),  tau_m = (0.34 + 0.92 exp(-((V + 81) / 59)^2)) / qt ms
 * h_inf = 1 / (1 + exp((V + 76) / 10)),   tau_h = (8 + 49 exp(-((V + 83) / 23)^2)) / qt ms
 * </pre>
 * One parameter, gA (S/cm^2).
 */
public final class ATypePotassium {

	/** Q10 2.3 from 21 to 34 C. */
	static final double QT = Math.pow(2.3, 1.3);

	private ATypePotassium() {}

	public static GatedChannel channel(double reversalMv) {
		return new GatedChannel("A", reversalMv,
			Gate.ofSteadyState("m", Rate.sigmoid(1, -10, 19), Rate.reciprocal(QT, Rate.bell(0.34, 0.92, -81, 59)), 4),
			Gate.ofSteadyState("h", Rate.sigmoid(1, -76, -10), Rate.reciprocal(QT, Rate.bell(8, 49, -83, 23)), 1));
	}
}
