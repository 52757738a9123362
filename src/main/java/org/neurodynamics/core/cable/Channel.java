package org.neurodynamics.core.cable;

/**
 * A membrane mechanism (ion channel, or channels sharing a pool) of one compartment.
 *
 * <p>Units: v in mV, time in ms, current density in uA/cm^2 (outward positive), conductance
 * densities as parameters in S/cm^2 (as NEURON), so {@code dI/dv} is in mS/cm^2.
 *
 * <p>Two structural promises make the implicit scheme and its exact derivative simple:
 * <ul>
 * <li>the current is affine in v for fixed states ({@code I = G(s,p) (v - E)}), so the
 * backward-Euler voltage step needs no Newton iteration and {@link #conductance} is exact;</li>
 * <li>every state obeys kinetics that are linear in itself,
 * {@code ds_i/dt = f_i = A_i(v, s_-i, p) - B_i(v, s_-i, p) s_i}, true of HH gates and
 * first-order ion pools, so each state has a closed-form implicit update.</li>
 * </ul>
 * A state may be declared instantaneous: it is then set to {@code A/B} (its steady state).
 *
 * <p>States live at {@code s[so .. so+stateCount)}, local parameters at {@code p[0 ..
 * parameterNames().length)}.
 */
public interface Channel {

	/** Short name, e.g. "Na". */
	String name();

	/** Local parameter names, e.g. {"g"}; their units are in {@link #parameterUnits()}. */
	String[] parameterNames();

	String[] parameterUnits();

	/** Names of the states, e.g. {"m", "h"}. */
	String[] stateNames();

	default int stateCount() { return stateNames().length; }

	default boolean isInstantaneous(int state) { return false; }

	/** Initial states at rest potential v; they must not depend on the parameters. */
	void initialState(double v, double[] s, int so);

	/** Ionic current density I(v, s; p) in uA/cm^2, affine in v. */
	double current(double v, double[] s, int so, double[] p);

	/** dI/dv (mS/cm^2) at states s. */
	double conductance(double v, double[] s, int so, double[] p);

	/** Writes dI/ds_i into {@code dIds[i]} and dI/dp_j into {@code dIdp[j]}. */
	void currentDerivatives(double v, double[] s, int so, double[] p, double[] dIds, double[] dIdp);

	/** Writes A_i and B_i of the kinetics f_i = A_i - B_i s_i into {@code k}. */
	void kinetics(double v, double[] s, int so, double[] p, Kinetics k);

	/**
	 * Writes A, B and their partial derivatives with respect to v, to the other states
	 * and to the local parameters into {@code k}. Entries left untouched must be zero
	 * ({@link Kinetics#clear()} is called before).
	 */
	void kineticsDerivatives(double v, double[] s, int so, double[] p, Kinetics k);

	/** f_i = ds_i/dt = A_i - B_i s_i, for callers that want the plain right-hand side. */
	default void rates(double v, double[] s, int so, double[] p, Kinetics k, double[] f) {
		kinetics(v, s, so, p, k);
		for (int i = 0; i < stateCount(); i++) f[i] = k.a[i] - k.b[i] * s[so + i];
	}
}
