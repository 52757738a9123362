package org.neurodynamics.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.hipparchus.complex.Complex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/**
 * Fixed points u* = F(u*, p) of a map, by damped Newton iteration on G(u) = u - F(u, p) from
 * several initial states (e.g. points along an orbit), deduplicated, each with the
 * eigenvalues of the Jacobian dF/du (complex allowed) and its stability (all |lambda| < 1).
 * Newton steps use Hipparchus' LU decomposition; the step is halved until |G| decreases
 * (backtracking), which keeps Newton from jumping out of the basin of a neural-network map.
 */
public final class FixedPoints {

	/** One fixed point. */
	public static final class FixedPoint {
		private final double[] state;
		private final Complex[] eigenvalues;
		private final double residual;
		private final int hits;

		FixedPoint(double[] state, Complex[] eigenvalues, double residual, int hits) {
			this.state = state;
			this.eigenvalues = eigenvalues;
			this.residual = residual;
			this.hits = hits;
		}

		public double[] state() { return state.clone(); }
		/** Eigenvalues of dF/du at the fixed point, by decreasing modulus. */
		public Complex[] eigenvalues() { return eigenvalues.clone(); }
		/** Largest eigenvalue modulus (spectral radius). */
		public double spectralRadius() { return eigenvalues.length == 0 ? 0 : eigenvalues[0].norm(); }
		/** Stable when every eigenvalue lies inside the unit circle. */
		public boolean isStable() { return spectralRadius() < 1; }
		/** Number of eigenvalues outside the unit circle (the dimension of the unstable manifold). */
		public int unstableDimension() {
			int k = 0;
			for (Complex c : eigenvalues) if (c.norm() > 1) k++;
			return k;
		}
		/** |u - F(u)| at the returned state. */
		public double residual() { return residual; }
		/** How many initial states converged to this point. */
		public int hits() { return hits; }

		@Override
		public String toString() {
			return "FixedPoint" + Arrays.toString(state) + (isStable() ? " stable" : " unstable") + " eigenvalues " +
				Arrays.toString(eigenvalues);
		}
	}

	private final int maxIterations;
	private final double tolerance;
	private final double dedupTolerance;

	/** Defaults: 100 Newton iterations, |G| tolerance 1e-10, points closer than 1e-6 (relative) are one. */
	public FixedPoints() {
		this(100, 1e-10, 1e-6);
	}

	public FixedPoints(int maxIterations, double tolerance, double dedupTolerance) {
		this.maxIterations = maxIterations;
		this.tolerance = tolerance;
		this.dedupTolerance = dedupTolerance;
	}

	/** Fixed points reached from the given initial states, stable ones first. */
	public List<FixedPoint> find(DifferentiableMap map, double p, List<double[]> initialStates) {
		List<double[]> found = new ArrayList<>();
		List<Integer> hits = new ArrayList<>();
		for (double[] start : initialStates) {
			double[] u = newton(map, p, start);
			if (u == null) continue;
			int same = -1;
			for (int i = 0; i < found.size(); i++) if (close(found.get(i), u)) same = i;
			if (same >= 0) hits.set(same, hits.get(same) + 1);
			else {
				found.add(u);
				hits.add(1);
			}
		}
		List<FixedPoint> out = new ArrayList<>();
		double[] g = new double[map.dimension()];
		for (int i = 0; i < found.size(); i++) {
			double[] u = found.get(i);
			out.add(new FixedPoint(u, eigenvalues(map.jacobian(u, p)), residual(map, p, u, g), hits.get(i)));
		}
		Collections.sort(out, (a, b) -> Double.compare(a.spectralRadius(), b.spectralRadius()));
		return out;
	}

	/** Eigenvalues of a square matrix, by decreasing modulus (Hipparchus non-symmetric eigen decomposition). */
	public static Complex[] eigenvalues(double[][] jacobian) {
		int m = jacobian.length;
		if (m == 1) return new Complex[] { new Complex(jacobian[0][0]) };
		double maxAbs = 0;
		for (double[] row : jacobian) for (double v : row) maxAbs = Math.max(maxAbs, Math.abs(v));
		if (maxAbs == 0) {
			// Hipparchus rejects the zero matrix ("zero norm"); its eigenvalues are all 0.
			Complex[] zeros = new Complex[m];
			Arrays.fill(zeros, Complex.ZERO);
			return zeros;
		}
		Complex[] ev = new EigenDecompositionNonSymmetric(new Array2DRowRealMatrix(jacobian, true)).getEigenvalues();
		Arrays.sort(ev, (a, b) -> Double.compare(b.norm(), a.norm()));
		return ev;
	}

	/** Damped Newton from {@code start}; the converged state or null. */
	double[] newton(DifferentiableMap map, double p, double[] start) {
		int m = map.dimension();
		double[] u = start.clone();
		double[] g = new double[m];
		double norm = residual(map, p, u, g);
		for (int it = 0; it < maxIterations && Double.isFinite(norm); it++) {
			if (norm < tolerance * (1 + norm(u))) return u;
			double[][] jf = map.jacobian(u, p);
			RealMatrix jg = new Array2DRowRealMatrix(m, m);
			for (int r = 0; r < m; r++) for (int c = 0; c < m; c++) jg.setEntry(r, c, (r == c ? 1 : 0) - jf[r][c]);
			DecompositionSolver solver = new LUDecomposition(jg).getSolver();
			if (!solver.isNonSingular()) return null;
			double[] step = solver.solve(new ArrayRealVector(g, false)).toArray();
			double lambda = 1;
			double[] trial = new double[m];
			double[] gt = new double[m];
			double trialNorm = Double.POSITIVE_INFINITY;
			for (int k = 0; k < 30; k++) {
				for (int i = 0; i < m; i++) trial[i] = u[i] - lambda * step[i];
				trialNorm = residual(map, p, trial, gt);
				if (trialNorm < norm) break;
				lambda *= 0.5;
			}
			if (!(trialNorm < norm)) return norm < Math.sqrt(tolerance) * (1 + norm(u)) ? u : null;
			u = trial;
			System.arraycopy(gt, 0, g, 0, m);
			norm = trialNorm;
		}
		return norm < tolerance * (1 + norm(u)) ? u : null;
	}

	/** g = u - F(u, p); returns |g|. */
	private static double residual(DifferentiableMap map, double p, double[] u, double[] g) {
		map.apply(u, p, g);
		double s = 0;
		for (int i = 0; i < u.length; i++) {
			g[i] = u[i] - g[i];
			s += g[i] * g[i];
		}
		return Math.sqrt(s);
	}

	private boolean close(double[] a, double[] b) {
		double d = 0;
		for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
		return d <= dedupTolerance * (1 + Math.max(norm(a), norm(b)));
	}

	private static double norm(double[] u) {
		double s = 0;
		for (double v : u) s += v * v;
		return Math.sqrt(s);
	}
}
