package org.neurodynamics.core.fit;

import java.util.Locale;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableSimulation;
import org.neurodynamics.core.cable.Protocol;

/**
 * What to fit: a model under a protocol, the compartment whose voltage is compared with a
 * target trace, and the parameters to tune. Fitted parameters are positive multipliers of
 * their starting values, {@code theta_k = theta0_k exp(phi_k)}: the sign of every parameter
 * is kept (a leak reversal stays negative) and no clamping is needed.
 *
 * <p>Loss over a window of N steps at R recorded compartments:
 * {@code L = 1/(2NR) sum_r sum_{i=1..N} (V_ri - V*_ri)^2} (mV^2), the targets being linearly
 * resampled to the simulation steps.
 */
public final class FitProblem {

	private final CableModel model;
	private final Protocol protocol;
	private final int[] recordAt;
	private final double[][] target;
	private final int[] fitted;
	private final double[] start;

	/**
	 * @param target voltage (mV) sampled every {@code targetDt} ms from t = 0; the fit covers
	 *        the shorter of the target and the protocol
	 * @param fitted indices into the model's parameters
	 * @param start full parameter vector the multipliers apply to (usually the defaults)
	 */
	public FitProblem(CableModel model, Protocol protocol, int recordAt, float[] target, double targetDt, int[] fitted,
		double[] start)
	{
		this(model, protocol, new int[] { recordAt }, new float[][] { target }, targetDt, fitted, start);
	}

	/** Several recorded compartments, one target trace each (same sampling). */
	public FitProblem(CableModel model, Protocol protocol, int[] recordAt, float[][] targets, double targetDt, int[] fitted,
		double[] start)
	{
		if (recordAt.length == 0 || recordAt.length != targets.length) throw new IllegalArgumentException(
			"one target per recorded compartment");
		int length = Integer.MAX_VALUE;
		for (int r = 0; r < recordAt.length; r++) {
			checkTarget(model, recordAt[r], targets[r], targetDt);
			length = Math.min(length, targets[r].length);
		}
		if (fitted.length == 0) throw new UserInputException("Choose at least one parameter to fit.");
		for (int k = 0; k < fitted.length; k++) {
			if (start[fitted[k]] == 0) throw new UserInputException("Parameter " + model.parameters().get(fitted[k]).name() +
				" starts at 0; it is fitted as a multiple of its starting value, so give it a nonzero start.");
			for (int j = 0; j < k; j++) if (fitted[j] == fitted[k]) throw new UserInputException("Parameter " +
				model.parameters().get(fitted[k]).name() + " is listed twice.");
		}
		double duration = Math.min(protocol.duration(), (length - 1) * targetDt);
		if (duration < protocol.dt()) throw new UserInputException("The target trace (" + duration +
			" ms) is shorter than one time step.");
		this.model = model;
		this.protocol = protocol.withDuration(duration);
		this.recordAt = recordAt.clone();
		this.fitted = fitted.clone();
		this.start = start.clone();
		int steps = this.protocol.steps();
		this.target = new double[recordAt.length][steps + 1];
		for (int r = 0; r < recordAt.length; r++)
			for (int i = 0; i <= steps; i++) {
				double x = Math.min(i * protocol.dt() / targetDt, length - 1);
				int j = Math.min((int) x, length - 2);
				double w = x - j;
				this.target[r][i] = targets[r][j] * (1 - w) + targets[r][j + 1] * w;
			}
	}

	private static void checkTarget(CableModel model, int recordAt, float[] target, double targetDt) {
		if (target.length < 2) throw new UserInputException("The target trace has " + target.length +
			" sample(s); at least 2 are needed.");
		if (!(targetDt > 0)) throw new UserInputException("The target trace's sampling interval is " + targetDt +
			" ms; set a positive time calibration.");
		for (int i = 0; i < target.length; i++) if (!Float.isFinite(target[i])) throw new UserInputException(
			"The target trace has a non-finite sample at index " + i + "; remove or interpolate missing samples.");
		if (recordAt < 0 || recordAt >= model.compartmentCount()) throw new UserInputException("Recording compartment " +
			recordAt + " does not exist; the model has compartments 0.." + (model.compartmentCount() - 1) + ".");
	}

	public CableModel model() { return model; }
	public Protocol protocol() { return protocol; }
	public int[] recordAt() { return recordAt.clone(); }
	public int[] fitted() { return fitted.clone(); }
	public int size() { return fitted.length; }
	/** Steps in the full window. */
	public int steps() { return protocol.steps(); }
	public double dt() { return protocol.dt(); }

	/** The full parameter vector for log-multipliers phi. */
	public double[] theta(double[] phi) {
		double[] t = start.clone();
		for (int k = 0; k < fitted.length; k++) t[fitted[k]] = start[fitted[k]] * Math.exp(phi[k]);
		return t;
	}

	public String parameterName(int k) {
		return model.parameters().get(fitted[k]).name();
	}

	/** "gNa = 0.1234, gK = ..." for messages. */
	public String describe(double[] phi) {
		double[] t = theta(phi);
		StringBuilder sb = new StringBuilder();
		for (int k = 0; k < fitted.length; k++) sb.append(k > 0 ? ", " : "").append(parameterName(k)).append(" = ")
			.append(String.format(Locale.ROOT, "%.6g", t[fitted[k]]));
		return sb.toString();
	}

	/**
	 * Loss over the first {@code steps} steps and, if {@code gradient} is not null, dL/dphi
	 * from forward sensitivities carried in the same simulation.
	 */
	public double loss(double[] phi, int steps, double[] gradient) {
		return loss(phi, steps, gradient, null);
	}

	/**
	 * As {@link #loss(double[], int, double[])}, and if {@code curvature} is not null also the
	 * Gauss-Newton matrix {@code 1/n sum_t J_tk J_tl} with {@code J_tk = dV_t/dphi_k}: the
	 * Hessian of the loss without its second-derivative term.
	 */
	public double loss(double[] phi, int steps, double[] gradient, double[][] curvature) {
		double[] theta = theta(phi);
		CableSimulation sim = protocol.start(model, theta, gradient == null ? new int[0] : fitted);
		int p = gradient == null ? 0 : fitted.length;
		double sum = 0;
		double[] g = new double[p], w = new double[p];
		double[][] h = curvature == null ? null : new double[p][p];
		for (int i = 1; i <= steps; i++) {
			sim.step();
			for (int r = 0; r < recordAt.length; r++) {
				double e = sim.voltage(recordAt[r]) - target[r][i];
				sum += e * e;
				for (int k = 0; k < p; k++) {
					w[k] = sim.sensitivity(k, recordAt[r]);
					g[k] += e * w[k];
				}
				if (h != null) for (int k = 0; k < p; k++) for (int l = 0; l <= k; l++) h[k][l] += w[k] * w[l];
			}
		}
		double n = (double) steps * recordAt.length;
		for (int k = 0; k < p; k++) gradient[k] = g[k] / n * theta[fitted[k]];
		if (h != null) for (int k = 0; k < p; k++) for (int l = 0; l <= k; l++) {
			curvature[k][l] = h[k][l] / n * theta[fitted[k]] * theta[fitted[l]];
			curvature[l][k] = curvature[k][l];
		}
		return sum / (2 * n);
	}
}
