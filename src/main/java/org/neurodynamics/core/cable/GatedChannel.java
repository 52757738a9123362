package org.neurodynamics.core.cable;

/**
 * An ohmic channel {@code I = g prod_i s_i^power_i (v - E)} whose gates depend only on v
 * (HH Na and K, Pinsky-Rinzel soma Na and K-DR). One parameter: the maximal conductance
 * density g in S/cm^2; the reversal potential E (mV) is fixed.
 */
public final class GatedChannel implements Channel {

	/** S/cm^2 times mV to uA/cm^2. */
	static final double MILLI = 1000;

	private final String name;
	private final double reversal;
	private final Gate[] gates;
	private final String[] stateNames;

	public GatedChannel(String name, double reversalMv, Gate... gates) {
		this.name = name;
		this.reversal = reversalMv;
		this.gates = gates.clone();
		stateNames = new String[gates.length];
		for (int i = 0; i < gates.length; i++) stateNames[i] = gates[i].name;
	}

	public double reversal() { return reversal; }

	@Override public String name() { return name; }
	@Override public String[] parameterNames() { return new String[] { "g" + name }; }
	@Override public String[] parameterUnits() { return new String[] { "S/cm^2" }; }
	@Override public String[] stateNames() { return stateNames.clone(); }
	@Override public boolean isInstantaneous(int state) { return gates[state].instantaneous; }

	@Override
	public void initialState(double v, double[] s, int so) {
		for (int i = 0; i < gates.length; i++) s[so + i] = gates[i].steadyState(v);
	}

	private double openFraction(double[] s, int so) {
		double x = 1;
		for (int i = 0; i < gates.length; i++) x *= pow(s[so + i], gates[i].power);
		return x;
	}

	@Override
	public double current(double v, double[] s, int so, double[] p) {
		return MILLI * p[0] * openFraction(s, so) * (v - reversal);
	}

	@Override
	public double conductance(double v, double[] s, int so, double[] p) {
		return MILLI * p[0] * openFraction(s, so);
	}

	@Override
	public void currentDerivatives(double v, double[] s, int so, double[] p, double[] dIds, double[] dIdp) {
		double drive = MILLI * (v - reversal);
		dIdp[0] = drive * openFraction(s, so);
		for (int i = 0; i < gates.length; i++) {
			double d = gates[i].power * pow(s[so + i], gates[i].power - 1);
			for (int j = 0; j < gates.length; j++)
				if (j != i) d *= pow(s[so + j], gates[j].power);
			dIds[i] = drive * p[0] * d;
		}
	}

	@Override
	public void kinetics(double v, double[] s, int so, double[] p, Kinetics k) {
		for (int i = 0; i < gates.length; i++) k.gate(i, gates[i].alpha, gates[i].beta, v);
	}

	@Override
	public void kineticsDerivatives(double v, double[] s, int so, double[] p, Kinetics k) {
		for (int i = 0; i < gates.length; i++) k.gateDerivatives(i, gates[i].alpha, gates[i].beta, v);
	}

	private static double pow(double x, int n) {
		switch (n) {
			case 0: return 1;
			case 1: return x;
			case 2: return x * x;
			case 3: return x * x * x;
			case 4: { double y = x * x; return y * y; }
			default: return Math.pow(x, n);
		}
	}
}
