package org.neurodynamics.core.cable;

/**
 * A voltage-gated HH-type gate: {@code ds/dt = alpha(v) (1 - s) - beta(v) s}, entering the
 * conductance as {@code s^power}. An instantaneous gate sits at {@code alpha/(alpha+beta)}.
 */
public final class Gate {

	final String name;
	final Rate alpha, beta;
	final int power;
	final boolean instantaneous;

	public Gate(String name, Rate alpha, Rate beta, int power, boolean instantaneous) {
		this.name = name;
		this.alpha = alpha;
		this.beta = beta;
		this.power = power;
		this.instantaneous = instantaneous;
	}

	public Gate(String name, Rate alpha, Rate beta, int power) {
		this(name, alpha, beta, power, false);
	}

	/**
	 * A gate given, as in most published channel models, by its steady state {@code inf(v)}
	 * and the inverse of its time constant {@code 1/tau(v)}: alpha = inf / tau, beta = (1 - inf) / tau.
	 */
	public static Gate ofSteadyState(String name, Rate steadyState, Rate inverseTau, int power) {
		return new Gate(name, Rate.product(steadyState, inverseTau),
			Rate.product(Rate.complement(steadyState), inverseTau), power);
	}

	/** An instantaneous gate at {@code inf(v)}. */
	public static Gate instantaneous(String name, Rate steadyState, int power) {
		return new Gate(name, steadyState, Rate.complement(steadyState), power, true);
	}

	/** Steady-state value at v. */
	public double steadyState(double v) {
		double a = alpha.value(v);
		return a / (a + beta.value(v));
	}
}
