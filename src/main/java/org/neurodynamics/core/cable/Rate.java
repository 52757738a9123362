package org.neurodynamics.core.cable;

/**
 * A voltage-dependent rate constant (1/ms) of a gating transition, with its exact slope so
 * that sensitivities need no numerical differentiation. Voltages in mV.
 */
public interface Rate {

	/** Rate at membrane potential {@code v} (mV), in 1/ms. */
	double value(double v);

	/** d value / dv, in 1/(ms mV). */
	double slope(double v);

	/** {@code a * exp((v - v0) / k)}. */
	static Rate exponential(double a, double v0, double k) {
		return new Rate() {
			@Override public double value(double v) { return a * Math.exp((v - v0) / k); }
			@Override public double slope(double v) { return a / k * Math.exp((v - v0) / k); }
		};
	}

	/** {@code a / (1 + exp(-(v - v0) / k))}. */
	static Rate sigmoid(double a, double v0, double k) {
		return new Rate() {
			@Override public double value(double v) { return a / (1 + Math.exp(-(v - v0) / k)); }
			@Override public double slope(double v) {
				double e = Math.exp(-(v - v0) / k);
				return a * e / (k * (1 + e) * (1 + e));
			}
		};
	}

	/**
	 * {@code a * x / (1 - exp(-x / k))} with {@code x = v - v0}: the "linoid" of HH-type
	 * rates, continued smoothly through its removable singularity at x = 0 (value a k).
	 */
	static Rate linoid(double a, double v0, double k) {
		return new Rate() {
			@Override public double value(double v) {
				double u = (v - v0) / k;
				if (Math.abs(u) < 1e-6) return a * k * (1 + u / 2 + u * u / 12);
				return a * k * u / -Math.expm1(-u);
			}
			@Override public double slope(double v) {
				double u = (v - v0) / k;
				if (Math.abs(u) < 1e-6) return a * (0.5 + u / 6);
				double d = -Math.expm1(-u); // 1 - e^-u
				double e = Math.exp(-u);
				return a * (d - u * e) / (d * d);
			}
		};
	}
	/** A voltage-independent rate {@code c}. */
	static Rate constant(double c) {
		return new Rate() {
			@Override public double value(double v) { return c; }
			@Override public double slope(double v) { return 0; }
		};
	}

	/** {@code base + peak * exp(-((v - v0) / w)^2)}: the bell-shaped time constants of Korngreen and Sakmann. */
	static Rate bell(double base, double peak, double v0, double w) {
		return new Rate() {
			@Override public double value(double v) {
				double u = (v - v0) / w;
				return base + peak * Math.exp(-u * u);
			}
			@Override public double slope(double v) {
				double u = (v - v0) / w;
				return -2 * u / w * peak * Math.exp(-u * u);
			}
		};
	}

	/** {@code a(v) + b(v)}. */
	static Rate sum(Rate a, Rate b) {
		return new Rate() {
			@Override public double value(double v) { return a.value(v) + b.value(v); }
			@Override public double slope(double v) { return a.slope(v) + b.slope(v); }
		};
	}

	/** {@code a(v) * b(v)}. */
	static Rate product(Rate a, Rate b) {
		return new Rate() {
			@Override public double value(double v) { return a.value(v) * b.value(v); }
			@Override public double slope(double v) { return a.slope(v) * b.value(v) + a.value(v) * b.slope(v); }
		};
	}

	/** {@code c / a(v)}, e.g. a rate from a time constant. */
	static Rate reciprocal(double c, Rate a) {
		return new Rate() {
			@Override public double value(double v) { return c / a.value(v); }
			@Override public double slope(double v) {
				double x = a.value(v);
				return -c * a.slope(v) / (x * x);
			}
		};
	}
	/** {@code 1 - a(v)}: the closed fraction of a steady-state open fraction. */
	static Rate complement(Rate a) {
		return new Rate() {
			@Override public double value(double v) { return 1 - a.value(v); }
			@Override public double slope(double v) { return -a.slope(v); }
		};
	}
}
