package org.neurodynamics.core.cable;

import java.util.Arrays;

/**
 * Scratch space for the linear-in-self kinetics {@code ds_i/dt = A_i - B_i s_i} of one
 * channel and their partial derivatives. Matrices are row-major: {@code dAds[i * n + j]}
 * is dA_i/ds_j (zero for j = i), {@code dAdp[i * np + j]} is dA_i/dp_j.
 */
public final class Kinetics {

	public final int n, np;
	public final double[] a, b, dAdv, dBdv, dAds, dBds, dAdp, dBdp;

	public Kinetics(int states, int parameters) {
		n = states;
		np = parameters;
		a = new double[n];
		b = new double[n];
		dAdv = new double[n];
		dBdv = new double[n];
		dAds = new double[n * n];
		dBds = new double[n * n];
		dAdp = new double[n * np];
		dBdp = new double[n * np];
	}

	public void clear() {
		Arrays.fill(dAdv, 0);
		Arrays.fill(dBdv, 0);
		Arrays.fill(dAds, 0);
		Arrays.fill(dBds, 0);
		Arrays.fill(dAdp, 0);
		Arrays.fill(dBdp, 0);
	}

	/** Sets state i to a voltage-gated transition with opening rate alpha and closing beta. */
	void gate(int i, Rate alpha, Rate beta, double v) {
		double al = alpha.value(v), be = beta.value(v);
		a[i] = al;
		b[i] = al + be;
	}

	/** As {@link #gate} with the voltage derivatives. */
	void gateDerivatives(int i, Rate alpha, Rate beta, double v) {
		gate(i, alpha, beta, v);
		double dal = alpha.slope(v);
		dAdv[i] = dal;
		dBdv[i] = dal + beta.slope(v);
	}
}
