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
}
