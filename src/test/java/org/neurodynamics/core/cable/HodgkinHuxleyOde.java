package org.neurodynamics.core.cable;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * Independent reference: the single-compartment HH equations written out by hand and
 * integrated with an adaptive Dormand-Prince 8(5,3) method, with no code shared with the
 * cable solver except the channel rate formulas' published constants.
 */
public final class HodgkinHuxleyOde {

	private HodgkinHuxleyOde() {}

	/** V (mV) at t = i * sampleDt, i = 0..samples-1, for a constant current density (uA/cm^2). */
	public static double[] simulate(double currentDensity, double v0, double sampleDt, int samples) {
		OrdinaryDifferentialEquation hh = new OrdinaryDifferentialEquation() {
			@Override public int getDimension() { return 4; }

			@Override
			public double[] computeDerivatives(double t, double[] y) {
				double v = y[0], m = y[1], h = y[2], n = y[3];
				double iNa = 120 * m * m * m * h * (v - 55), iK = 36 * n * n * n * n * (v + 77), iL = 0.3 * (v + 65);
				return new double[] { currentDensity - iNa - iK - iL,
					am(v) * (1 - m) - bm(v) * m, ah(v) * (1 - h) - bh(v) * h, an(v) * (1 - n) - bn(v) * n };
			}
		};
		DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-8, 1.0, 1e-10, 1e-10);
		double[] y = { v0, am(v0) / (am(v0) + bm(v0)), ah(v0) / (ah(v0) + bh(v0)), an(v0) / (an(v0) + bn(v0)) };
		double[] out = new double[samples];
		out[0] = v0;
		ODEState state = new ODEState(0, y);
		for (int i = 1; i < samples; i++) {
			ODEStateAndDerivative next = integrator.integrate(hh, state, i * sampleDt);
			out[i] = next.getPrimaryState()[0];
			state = next;
		}
		return out;
	}

	static double am(double v) { return Math.abs(v + 40) < 1e-9 ? 1 : 0.1 * (v + 40) / (1 - Math.exp(-(v + 40) / 10)); }
	static double bm(double v) { return 4 * Math.exp(-(v + 65) / 18); }
	static double ah(double v) { return 0.07 * Math.exp(-(v + 65) / 20); }
	static double bh(double v) { return 1 / (1 + Math.exp(-(v + 35) / 10)); }
	static double an(double v) { return Math.abs(v + 55) < 1e-9 ? 0.1 : 0.01 * (v + 55) / (1 - Math.exp(-(v + 55) / 10)); }
	static double bn(double v) { return 0.125 * Math.exp(-(v + 65) / 80); }
}
