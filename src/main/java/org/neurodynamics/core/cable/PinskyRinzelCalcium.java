package org.neurodynamics.core.cable;

/**
 * The dendritic calcium system of Pinsky and Rinzel (1994): high-threshold Ca current, the
 * Ca- and voltage-dependent K-C current, the Ca-dependent K-AHP current and the calcium pool
 * that couples them. One mechanism, because the three currents share the pool state.
 *
 * <pre>
 * I_Ca    = gCa s^2 (V - VCa)
 * I_K-C   = gKC c chi(Ca) (V - VK),   chi = min(Ca/250, 1)
 * I_K-AHP = gKAHP q (V - VK)
 * dCa/dt  = -0.13 I_Ca - 0.075 Ca     (I_Ca in uA/cm^2, Ca in the paper's arbitrary units)
 * alpha_q = min(2e-5 Ca, 0.01), beta_q = 0.001
 * </pre>
 * Parameters gCa, gKC, gKAHP in S/cm^2. The initial calcium is 0.2 (independent of the
 * parameters, so the initial sensitivities are zero).
 */
public final class PinskyRinzelCalcium implements Channel {

	static final int S = 0, C = 1, Q = 2, CA = 3;
	private static final double MILLI = GatedChannel.MILLI;
	private static final double E_CA = PinskyRinzel.E_CA, E_K = PinskyRinzel.E_K;
	public static final double INITIAL_CALCIUM = 0.2;

	private static final Rate ALPHA_S = Rate.sigmoid(1.6, 5, 1 / 0.072);
	private static final Rate BETA_S = Rate.linoid(-0.02, -8.9, -5);

	@Override public String name() { return "CaK"; }
	@Override public String[] parameterNames() { return new String[] { "gCa", "gKC", "gKAHP" }; }
	@Override public String[] parameterUnits() { return new String[] { "S/cm^2", "S/cm^2", "S/cm^2" }; }
	@Override public String[] stateNames() { return new String[] { "s", "c", "q", "Ca" }; }

	@Override
	public void initialState(double v, double[] s, int so) {
		double as = ALPHA_S.value(v);
		s[so + S] = as / (as + BETA_S.value(v));
		double ac = alphaC(v);
		s[so + C] = ac / (ac + betaC(v, ac));
		double aq = alphaQ(INITIAL_CALCIUM);
		s[so + Q] = aq / (aq + 0.001);
		s[so + CA] = INITIAL_CALCIUM;
	}

	@Override
	public double current(double v, double[] s, int so, double[] p) {
		return conductance(v, s, so, p) * v - MILLI * (p[0] * sq(s[so + S]) * E_CA +
			(p[1] * s[so + C] * chi(s[so + CA]) + p[2] * s[so + Q]) * E_K);
	}

	@Override
	public double conductance(double v, double[] s, int so, double[] p) {
		return MILLI * (p[0] * sq(s[so + S]) + p[1] * s[so + C] * chi(s[so + CA]) + p[2] * s[so + Q]);
	}

	@Override
	public void currentDerivatives(double v, double[] s, int so, double[] p, double[] dIds, double[] dIdp) {
		double ss = s[so + S], c = s[so + C], q = s[so + Q], ca = s[so + CA];
		double dCa = MILLI * (v - E_CA), dK = MILLI * (v - E_K);
		dIdp[0] = dCa * ss * ss;
		dIdp[1] = dK * c * chi(ca);
		dIdp[2] = dK * q;
		dIds[S] = dCa * p[0] * 2 * ss;
		dIds[C] = dK * p[1] * chi(ca);
		dIds[Q] = dK * p[2];
		dIds[CA] = dK * p[1] * c * chiSlope(ca);
	}

	@Override
	public void kinetics(double v, double[] s, int so, double[] p, Kinetics k) {
		double as = ALPHA_S.value(v);
		k.a[S] = as;
		k.b[S] = as + BETA_S.value(v);
		double ac = alphaC(v);
		k.a[C] = ac;
		k.b[C] = ac + betaC(v, ac);
		double aq = alphaQ(s[so + CA]);
		k.a[Q] = aq;
		k.b[Q] = aq + 0.001;
		k.a[CA] = -0.13 * MILLI * p[0] * sq(s[so + S]) * (v - E_CA);
		k.b[CA] = 0.075;
	}

	@Override
	public void kineticsDerivatives(double v, double[] s, int so, double[] p, Kinetics k) {
		kinetics(v, s, so, p, k);
		int n = 4;
		double das = ALPHA_S.slope(v);
		k.dAdv[S] = das;
		k.dBdv[S] = das + BETA_S.slope(v);
		// alpha_c + beta_c is 2 exp((-53.5 - v)/27) on both branches
		k.dAdv[C] = alphaCSlope(v);
		k.dBdv[C] = -2.0 / 27 * Math.exp((-53.5 - v) / 27);
		double daq = alphaQSlope(s[so + CA]);
		k.dAds[Q * n + CA] = daq;
		k.dBds[Q * n + CA] = daq;
		double ss = s[so + S];
		k.dAdv[CA] = -0.13 * MILLI * p[0] * ss * ss;
		k.dAds[CA * n + S] = -0.13 * MILLI * p[0] * 2 * ss * (v - E_CA);
		k.dAdp[CA * 3 + 0] = -0.13 * MILLI * ss * ss * (v - E_CA);
	}

	static double chi(double ca) { return ca < 250 ? ca / 250 : 1; }
	static double chiSlope(double ca) { return ca < 250 ? 1.0 / 250 : 0; }
	static double alphaQ(double ca) { return Math.min(2e-5 * ca, 0.01); }
	static double alphaQSlope(double ca) { return 2e-5 * ca < 0.01 ? 2e-5 : 0; }

	static double alphaC(double v) {
		if (v <= -10) return Math.exp((v + 50) / 11 - (v + 53.5) / 27) / 18.975;
		return 2 * Math.exp((-53.5 - v) / 27);
	}

	static double alphaCSlope(double v) {
		if (v <= -10) return (1.0 / 11 - 1.0 / 27) * Math.exp((v + 50) / 11 - (v + 53.5) / 27) / 18.975;
		return -2.0 / 27 * Math.exp((-53.5 - v) / 27);
	}

	static double betaC(double v, double alphaC) {
		return v <= -10 ? 2 * Math.exp((-53.5 - v) / 27) - alphaC : 0;
	}

	private static double sq(double x) { return x * x; }
}
