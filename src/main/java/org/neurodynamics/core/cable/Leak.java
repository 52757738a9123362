package org.neurodynamics.core.cable;

/**
 * Passive leak {@code I = g (v - e)}; both the conductance density g (S/cm^2) and the
 * reversal potential e (mV) are parameters.
 */
public final class Leak implements Channel {

	private static final String[] NONE = {};

	@Override public String name() { return "L"; }
	@Override public String[] parameterNames() { return new String[] { "gL", "eL" }; }
	@Override public String[] parameterUnits() { return new String[] { "S/cm^2", "mV" }; }
	@Override public String[] stateNames() { return NONE; }
	@Override public void initialState(double v, double[] s, int so) {}

	@Override
	public double current(double v, double[] s, int so, double[] p) {
		return GatedChannel.MILLI * p[0] * (v - p[1]);
	}

	@Override
	public double conductance(double v, double[] s, int so, double[] p) {
		return GatedChannel.MILLI * p[0];
	}

	@Override
	public void currentDerivatives(double v, double[] s, int so, double[] p, double[] dIds, double[] dIdp) {
		dIdp[0] = GatedChannel.MILLI * (v - p[1]);
		dIdp[1] = -GatedChannel.MILLI * p[0];
	}

	@Override public void kinetics(double v, double[] s, int so, double[] p, Kinetics k) {}
	@Override public void kineticsDerivatives(double v, double[] s, int so, double[] p, Kinetics k) {}
}
