package org.neurodynamics.core.cable;

/**
 * Hyperpolarisation-activated cation current (HCN, I_h): opens slowly below rest and
 * carries inward current there, so a hyperpolarising step sags back towards rest and
 * rebounds when it ends. Kinetics of M. H. P. Kole, S. Hallermann, G. J. Stuart, "Single
 * Ih channels in pyramidal neuron dendrites: properties, distribution, and impact on action
 * potential output", J. Neurosci. 26 (2006) 1677-1687, as in Hay et al. 2011 ("Ih"):
 * <pre>
 * I_h     = gH m (V - eH)
 * alpha_m = 0.00643 (V + 154.9) / (exp((V + 154.9) / 11.9) - 1)
 * beta_m  = 0.193 exp(V / 33.1)
 * </pre>
 * Parameters gH (S/cm^2) and eH (mV, -45 in the source): a mixed Na/K reversal that
 * differs between cells and preparations, so a fit may adjust it.
 */
public final class HCurrent implements Channel {

	public static final double E_H = -45;

	private static final Gate M = new Gate("m", Rate.linoid(-0.00643, -154.9, -11.9), Rate.exponential(0.193, 0, 33.1), 1);

	@Override public String name() { return "H"; }
	@Override public String[] parameterNames() { return new String[] { "gH", "eH" }; }
	@Override public String[] parameterUnits() { return new String[] { "S/cm^2", "mV" }; }
	@Override public String[] stateNames() { return new String[] { "m" }; }

	@Override
	public void initialState(double v, double[] s, int so) {
		s[so] = M.steadyState(v);
	}

	@Override
	public double current(double v, double[] s, int so, double[] p) {
		return GatedChannel.MILLI * p[0] * s[so] * (v - p[1]);
	}

	@Override
	public double conductance(double v, double[] s, int so, double[] p) {
		return GatedChannel.MILLI * p[0] * s[so];
	}

	@Override
	public void currentDerivatives(double v, double[] s, int so, double[] p, double[] dIds, double[] dIdp) {
		dIds[0] = GatedChannel.MILLI * p[0] * (v - p[1]);
		dIdp[0] = GatedChannel.MILLI * s[so] * (v - p[1]);
		dIdp[1] = -GatedChannel.MILLI * p[0] * s[so];
	}

	@Override
	public void kinetics(double v, double[] s, int so, double[] p, Kinetics k) {
		k.gate(0, M.alpha, M.beta, v);
	}

	@Override
	public void kineticsDerivatives(double v, double[] s, int so, double[] p, Kinetics k) {
		k.gateDerivatives(0, M.alpha, M.beta, v);
	}
}
