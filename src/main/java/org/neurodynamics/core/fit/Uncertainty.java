package org.neurodynamics.core.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealVector;

/**
 * Standard errors of fitted parameters from the Gauss-Newton approximation,
 * {@code cov = s^2 (J^T J)^-1} with s^2 the mean squared residual, in relative changes of the
 * parameters. The matrix is inverted only on its well-determined eigen-directions: a
 * direction whose eigenvalue is below {@link #CUTOFF} times the largest is numerically
 * singular, one whose standard deviation exceeds {@link #UNDETERMINED} (a relative change
 * of 1) is not determined by the data, and one along which the loss, evaluated one standard
 * deviation either side, does not rise as the quadratic model says (within 2x) is outside
 * the approximation's reach (spiking traces whose sensitivities are huge where spikes do
 * not line up). The first two are reported as combinations that are not identifiable, the
 * third as combinations the approximation does not reach (so are the numerically singular
 * ones when the largest direction is itself beyond it); a parameter with a loading above
 * {@link #LOADING} on any of them has no standard error. The residuals are treated as
 * independent, which the samples of a voltage trace are not when the model misses features
 * of the recording (model error is correlated in time): then the errors are lower bounds.
 */
public final class Uncertainty {

	/** Eigenvalues below this fraction of the largest are numerically zero. */
	public static final double CUTOFF = 1e-10;
	/** A direction with a larger standard deviation (in relative change) is not determined by the data. */
	public static final double UNDETERMINED = 1;
	/** A parameter is not identifiable when its component in such a direction exceeds this. */
	public static final double LOADING = 0.1;
	/** Relative standard errors below this are not distinguished from rounding. */
	public static final double SMALLEST = 1e-6;

	private final String[] names;
	private final double[] relative;
	private final boolean[] identifiable;
	private final List<String> combinations, curved;

	private Uncertainty(String[] names, double[] relative, boolean[] identifiable, List<String> combinations,
		List<String> curved)
	{
		this.names = names;
		this.relative = relative;
		this.identifiable = identifiable;
		this.combinations = Collections.unmodifiableList(combinations);
		this.curved = Collections.unmodifiableList(curved);
	}

	/**
	 * The uncertainty of {@code problem}'s parameters at coordinates phi: one simulation with
	 * sensitivities, and two without for each direction checked.
	 */
	public static Uncertainty of(FitProblem problem, double[] phi) {
		int p = problem.size();
		double[][] h = new double[p][p];
		double loss = problem.relativeCurvature(phi, h);
		String[] names = new String[p];
		for (int k = 0; k < p; k++) names[k] = problem.parameterName(k);
		double[] theta = problem.theta(phi), start = problem.theta(new double[p]);
		int[] fitted = problem.fitted();
		ToDoubleFunction<double[]> lossAt = r -> {
			double[] m = new double[p];
			for (int k = 0; k < p; k++) m[k] = (theta[fitted[k]] + r[k] * Math.abs(theta[fitted[k]])) / start[fitted[k]];
			try {
				return problem.loss(problem.coordinates(m), problem.steps(), null);
			}
			catch (org.neurodynamics.core.cable.SimulationUnstableException e) {
				return Double.NaN;
			}
		};
		return of(names, h, 2 * loss, problem.samples(problem.steps()), lossAt);
	}

	/**
	 * @param h the Gauss-Newton matrix {@code 1/n sum_t J_tk J_tl} in relative changes
	 * @param variance mean squared residual s^2 (twice the loss)
	 * @param n number of residuals
	 * @param lossAt the loss after relative changes of the parameters, to check the quadratic
	 *        model along each direction; null for no check
	 */
	static Uncertainty of(String[] names, double[][] h, double variance, double n, ToDoubleFunction<double[]> lossAt) {
		int p = names.length;
		double[] relative = new double[p];
		List<String> combinations = new ArrayList<>(), curved = new ArrayList<>();
		boolean[] identifiable = new boolean[p];
		java.util.Arrays.fill(identifiable, true);
		boolean finite = Double.isFinite(variance) && n > 0;
		for (double[] row : h) for (double x : row) finite &= Double.isFinite(x);
		if (!finite) {
			java.util.Arrays.fill(relative, Double.NaN);
			java.util.Arrays.fill(identifiable, false);
			combinations.add("all parameters (the loss or its sensitivities are not finite)");
			return new Uncertainty(names.clone(), relative, identifiable, combinations, curved);
		}
		EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(h));
		double[] lambda = eigen.getEigenvalues();
		int top = 0;
		for (int i = 1; i < p; i++) if (lambda[i] > lambda[top]) top = i;
		double largest = lambda[top];
		double[] sd = new double[p], rise = new double[p];
		for (int i = 0; i < p; i++) {
			sd[i] = Math.sqrt(variance / (n * lambda[i]));
			boolean checked = lambda[i] > CUTOFF * largest && sd[i] <= UNDETERMINED && lossAt != null;
			rise[i] = checked ? quadraticRise(lossAt, eigen.getEigenvector(i), sd[i], variance, n) : 1;
		}
		// below the cut-off of a largest direction that is itself an artefact (spikes that do not line up), a
		// direction is not shown to be undetermined: the matrix says nothing about it
		boolean topHolds = quadratic(rise[top]);
		double[] variances = new double[p];
		boolean[] reached = new boolean[p];
		java.util.Arrays.fill(reached, true);
		for (int i = 0; i < p; i++) {
			RealVector v = eigen.getEigenvector(i);
			boolean singular = !(lambda[i] > CUTOFF * largest), undetermined = !singular && sd[i] > UNDETERMINED;
			if ((singular && topHolds) || undetermined) {
				combinations.add(combination(names, v) + (singular ? String.format(Locale.ROOT, " (eigenvalue below %.0e of " +
					"the largest)", CUTOFF) : String.format(Locale.ROOT, " (s.d. %.2g)", sd[i])));
				for (int k = 0; k < p; k++) if (Math.abs(v.getEntry(k)) > LOADING) identifiable[k] = false;
			}
			else if (singular || !quadratic(rise[i])) {
				curved.add(combination(names, v) + (singular ? String.format(Locale.ROOT, " (eigenvalue below %.0e of a " +
					"largest direction along which the loss is not quadratic)", CUTOFF) : String.format(Locale.ROOT, " (s.d. " +
					"%.2g, over which the loss changes %.3g times as predicted)", sd[i], rise[i])));
				for (int k = 0; k < p; k++) if (Math.abs(v.getEntry(k)) > LOADING) reached[k] = false;
			}
			else for (int k = 0; k < p; k++) variances[k] += v.getEntry(k) * v.getEntry(k) * sd[i] * sd[i];
		}
		for (int k = 0; k < p; k++) relative[k] = identifiable[k] && reached[k] ? Math.sqrt(variances[k]) : Double.NaN;
		return new Uncertainty(names.clone(), relative, identifiable, combinations, curved);
	}

	/**
	 * One uncertainty over {@code names} from parts over disjoint subsets of them (the stages
	 * of a fit that determined different parameters on different sweeps): each parameter's
	 * error from the part that has it, the combinations of all parts.
	 */
	public static Uncertainty join(String[] names, Uncertainty... parts) {
		double[] relative = new double[names.length];
		boolean[] identifiable = new boolean[names.length];
		List<String> combinations = new ArrayList<>(), curved = new ArrayList<>();
		for (int k = 0; k < names.length; k++) {
			boolean found = false;
			for (Uncertainty u : parts) for (int j = 0; j < u.names.length && !found; j++) if (u.names[j].equals(names[k])) {
				relative[k] = u.relative[j];
				identifiable[k] = u.identifiable[j];
				found = true;
			}
			if (!found) throw new IllegalArgumentException("no part has " + names[k]);
		}
		for (Uncertainty u : parts) {
			combinations.addAll(u.combinations);
			curved.addAll(u.curved);
		}
		return new Uncertainty(names.clone(), relative, identifiable, combinations, curved);
	}

	/** Whether the loss rose within 2x of the prediction. */
	private static boolean quadratic(double rise) {
		return rise >= 0.5 && rise <= 2;
	}

	/**
	 * The mean rise of the loss one s.d. either side along direction v, over the rise the
	 * Gauss-Newton model predicts (half a residual variance per residual, s^2 / 2n).
	 */
	private static double quadraticRise(ToDoubleFunction<double[]> lossAt, RealVector v, double sd, double variance,
		double n)
	{
		double[] plus = v.mapMultiply(sd).toArray(), minus = v.mapMultiply(-sd).toArray();
		double rise = (lossAt.applyAsDouble(plus) + lossAt.applyAsDouble(minus)) / 2 - variance / 2;
		return rise / (variance / (2 * n));
	}

	/** "0.71 gL - 0.70 eL" (relative changes; the first term positive), components below {@link #LOADING} left out. */
	private static String combination(String[] names, RealVector v) {
		double sign = 0;
		for (int k = 0; k < names.length && sign == 0; k++) if (Math.abs(v.getEntry(k)) > LOADING) sign = Math.signum(v.getEntry(k));
		StringBuilder sb = new StringBuilder();
		for (int k = 0; k < names.length; k++) {
			double c = sign * v.getEntry(k);
			if (Math.abs(c) <= LOADING) continue;
			sb.append(sb.length() == 0 ? (c < 0 ? "-" : "") : c < 0 ? " - " : " + ")
				.append(String.format(Locale.ROOT, "%.2f ", Math.abs(c))).append(names[k]);
		}
		return sb.toString();
	}

	/** Relative standard error of parameter k (s.e. / |value|), NaN when there is none. */
	public double relative(int k) { return relative[k]; }

	public boolean identifiable(int k) { return identifiable[k]; }

	/**
	 * The relative standard error as shown to a user: a number, "< 1e-6" below
	 * {@link #SMALLEST}, "not identifiable", or "none (loss not quadratic)".
	 */
	public String describe(int k) {
		if (!identifiable[k]) return "not identifiable";
		if (Double.isNaN(relative[k])) return "none (loss not quadratic)";
		if (relative[k] < SMALLEST) return "< 1e-6";
		return String.format(Locale.ROOT, "%.3g", relative[k]);
	}

	/** Combinations of relative parameter changes the fit does not determine, each with why; empty when all are. */
	public List<String> notIdentifiable() { return combinations; }

	/**
	 * Combinations along which the loss is not the quadratic the standard errors assume (each
	 * with its s.d. and how far off); empty when the approximation holds.
	 */
	public List<String> notQuadratic() { return curved; }

	/** One line for a log: every parameter's relative s.e., then what is not identifiable. */
	public String summary() {
		StringBuilder sb = new StringBuilder("relative standard errors (Gauss-Newton): ");
		for (int k = 0; k < names.length; k++) sb.append(k > 0 ? ", " : "").append(names[k]).append(' ').append(describe(k));
		if (!combinations.isEmpty()) sb.append("; not identifiable (relative changes): ").append(String.join("; ",
			combinations));
		if (!curved.isEmpty()) sb.append("; no standard error where the loss is not quadratic over one s.d. (relative " +
			"changes): ").append(String.join("; ", curved));
		return sb.toString();
	}
}
