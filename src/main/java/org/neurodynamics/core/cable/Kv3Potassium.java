package org.neurodynamics.core.cable;

/**
 * Kv3-like fast delayed rectifier: high threshold, fast, non-inactivating; it repolarises
 * narrow spikes quickly, so that Na inactivation recovers and a cell fires fast. Kinetics
 * of Kv3.1 (Rettig et al., EMBO J. 11 (1992) 2473-2486) as in E. Hay, S. Hill,
 * F. Schuermann, H. Markram, I. Segev, "Models of neocortical layer 5b pyramidal cells
 * capturing a wide range of dendritic and perisomatic active properties", PLoS Comput.
 * Biol. 7 (2011) e1002107 ("SKv3_1"):
 * <pre>
 * I_Kv3 = gKv3 m (V - EK)
 * m_inf = 1 / (1 + exp(-(V - 18.7) / 9.7))
 * tau_m = 4 / (1 + exp(-(V + 46.56) / 44.14)) ms
 * </pre>
 * One parameter, gKv3 (S/cm^2).
 */
public final class Kv3Potassium {

	private Kv3Potassium() {}

	public static GatedChannel channel(double reversalMv) {
		Rate inverseTau = Rate.sum(Rate.constant(0.25), Rate.exponential(0.25, -46.56, -44.14));
		return new GatedChannel("Kv3", reversalMv, Gate.ofSteadyState("m", Rate.sigmoid(1, 18.7, 9.7), inverseTau, 1));
	}
}
