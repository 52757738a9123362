package org.neurodynamics.core.analysis;

import java.util.List;

/**
 * Largest Lyapunov exponent of a map from the product of Jacobians along an orbit: a tangent
 * vector is multiplied by each Jacobian and renormalised every step (Benettin et al.), the
 * exponent being the mean log growth. A plain matrix-vector product per step is all that is
 * needed, so no linear-algebra library is used here.
 */
public final class LyapunovExponent {

	/** The estimate, per map step and per time unit. */
	public static final class Result {
		private final double perStep;
		private final double dt;
		private final int steps;
		private final boolean diverged;

		Result(double perStep, double dt, int steps, boolean diverged) {
			this.perStep = perStep;
			this.dt = dt;
			this.steps = steps;
			this.diverged = diverged;
		}

		/** Exponent per map iteration (nats per step). */
		public double perStep() { return perStep; }
		/** Exponent per time unit: perStep / dt (NaN if dt is not positive). */
		public double perTimeUnit() { return dt > 0 ? perStep / dt : Double.NaN; }
		/** Number of steps averaged. */
		public int steps() { return steps; }
		/** True if the orbit left the finite numbers before all steps were done. */
		public boolean diverged() { return diverged; }
	}

	private LyapunovExponent() {}

	/**
	 * Iterates {@code map} from {@code u0} at parameter {@code p}: {@code transient} steps are
	 * dropped, then the tangent growth is averaged over {@code steps} steps.
	 *
	 * @param dt time per map step (for {@link Result#perTimeUnit()}), or NaN
	 */
	public static Result largest(DifferentiableMap map, double[] u0, double p, int transientSteps, int steps, double dt) {
		int m = map.dimension();
		double[] u = u0.clone();
		double[] next = new double[m];
		for (int i = 0; i < transientSteps; i++) {
			map.apply(u, p, next);
			double[] t = u;
			u = next;
			next = t;
			if (!finite(u)) return new Result(Double.NaN, dt, 0, true);
		}
		double[] v = initialTangent(m);
		double[] w = new double[m];
		double sum = 0;
		for (int k = 0; k < steps; k++) {
			double[][] j = map.jacobian(u, p);
			double norm = multiplyAndNormalise(j, v, w);
			double[] t = v;
			v = w;
			w = t;
			map.apply(u, p, next);
			t = u;
			u = next;
			next = t;
			if (!finite(u) || !(norm >= 0) || Double.isInfinite(norm)) return new Result(k > 0 ? sum / k : Double.NaN, dt, k, true);
			sum += Math.log(Math.max(norm, Double.MIN_NORMAL));
		}
		return new Result(sum / steps, dt, steps, false);
	}

	/** The exponent from a given sequence of Jacobians along an orbit, in order. */
	public static Result fromJacobians(List<double[][]> jacobians, double dt) {
		if (jacobians.isEmpty()) return new Result(Double.NaN, dt, 0, false);
		int m = jacobians.get(0).length;
		double[] v = initialTangent(m);
		double[] w = new double[m];
		double sum = 0;
		for (double[][] j : jacobians) {
			sum += Math.log(Math.max(multiplyAndNormalise(j, v, w), Double.MIN_NORMAL));
			double[] t = v;
			v = w;
			w = t;
		}
		return new Result(sum / jacobians.size(), dt, jacobians.size(), false);
	}

	/** A fixed, generic unit vector (not aligned with any axis), so results are reproducible. */
	private static double[] initialTangent(int m) {
		double[] v = new double[m];
		double s = 0;
		for (int i = 0; i < m; i++) {
			v[i] = 1.0 + 0.37 * i + 0.11 * i * i;
			s += v[i] * v[i];
		}
		s = Math.sqrt(s);
		for (int i = 0; i < m; i++) v[i] /= s;
		return v;
	}

	/** w = J v / |J v|; returns |J v| (with v of unit length). A zero vector is replaced by the initial one. */
	private static double multiplyAndNormalise(double[][] j, double[] v, double[] w) {
		int m = v.length;
		double s = 0;
		for (int r = 0; r < m; r++) {
			double acc = 0;
			for (int c = 0; c < m; c++) acc += j[r][c] * v[c];
			w[r] = acc;
			s += acc * acc;
		}
		double norm = Math.sqrt(s);
		if (norm > 0 && Double.isFinite(norm)) {
			for (int r = 0; r < m; r++) w[r] /= norm;
		} else {
			System.arraycopy(initialTangent(m), 0, w, 0, m);
		}
		return norm;
	}

	private static boolean finite(double[] u) {
		for (double v : u) if (!Double.isFinite(v)) return false;
		return true;
	}
}
