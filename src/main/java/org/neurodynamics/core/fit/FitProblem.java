package org.neurodynamics.core.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.analysis.SpikeDetector;
import org.neurodynamics.core.analysis.SpikeThresholds;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableSimulation;
import org.neurodynamics.core.cable.Protocol;

/**
 * What to fit: a model under a protocol, the compartment whose voltage is compared with a
 * target trace, and the parameters to tune. Fitted parameters move in bounded coordinates
 * phi ({@link BoundedParameter}): phi = 0 is the start, every phi a value within the
 * parameter's physical range, and near the start one unit of phi is a relative change of
 * one, as for a log-multiplier.
 *
 * <p>Loss over a window of N steps at R recorded compartments:
 * {@code L = 1/(2NRS) sum_s sum_r sum_{i=1..N} (V_sri - V*_sri)^2} (mV^2) over S sweeps (one
 * unless a step family is fitted), the targets being linearly resampled to the simulation steps.
 * Optional terms: a low-pass filtered voltage ({@link #withSmoothing}) and spike times
 * ({@link #withSpikeTimes}).
 */
public final class FitProblem {

	private final CableModel model;
	private final Protocol[] protocols;
	private final int[] recordAt;
	/** target[sweep][recorded compartment][step] */
	private final double[][][] target;
	private final int[] fitted;
	private final double[] start;
	private final BoundedParameter[] bounds;
	/** Weight of the raw voltage term, and of the low-pass filtered voltage term with its time constant (ms). */
	private double voltageWeight = 1, smoothWeight = 0, smoothTau = 50;
	/** Low-pass filtered target, smoothTarget[sweep][r][step], when smoothWeight > 0. */
	private double[][][] smoothTarget;
	/** Weight of the spike-time term and its time scale (ms). */
	private double spikeWeight = 0, spikeTau = 10;
	/** What a spike is, for model and target alike: thresholds taken from the targets. */
	private SpikeDetector spikeDetector;

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
		this(model, List.of(protocol), recordAt, List.<float[][]>of(targets), targetDt, fitted, start);
	}

	/**
	 * Several sweeps fitted together (a recorded step family): sweep s runs {@code protocols[s]}
	 * and is compared with {@code targets.get(s)[r]} at compartment {@code recordAt[r]}. The
	 * loss is the mean over sweeps; every sweep is cut to the shortest of them.
	 */
	public FitProblem(CableModel model, List<Protocol> protocols, int[] recordAt, List<float[][]> targets, double targetDt,
		int[] fitted, double[] start)
	{
		if (protocols.isEmpty() || protocols.size() != targets.size()) throw new IllegalArgumentException(
			"one target set per sweep");
		int length = Integer.MAX_VALUE;
		double protocolDuration = Double.POSITIVE_INFINITY, dt = protocols.get(0).dt();
		for (int sweep = 0; sweep < protocols.size(); sweep++) {
			float[][] t = targets.get(sweep);
			if (recordAt.length == 0 || recordAt.length != t.length) throw new IllegalArgumentException(
				"one target per recorded compartment");
			for (int r = 0; r < recordAt.length; r++) {
				checkTarget(model, recordAt[r], t[r], targetDt);
				length = Math.min(length, t[r].length);
			}
			if (protocols.get(sweep).dt() != dt) throw new IllegalArgumentException("all sweeps need the same time step");
			protocolDuration = Math.min(protocolDuration, protocols.get(sweep).duration());
		}
		if (fitted.length == 0) throw new UserInputException("Choose at least one parameter to fit.");
		BoundedParameter[] bounds = new BoundedParameter[fitted.length];
		for (int k = 0; k < fitted.length; k++) {
			bounds[k] = BoundedParameter.of(model.parameters().get(fitted[k]), start[fitted[k]]);
			for (int j = 0; j < k; j++) if (fitted[j] == fitted[k]) throw new UserInputException("Parameter " +
				model.parameters().get(fitted[k]).name() + " is listed twice.");
		}
		double duration = Math.min(protocolDuration, (length - 1) * targetDt);
		if (duration < dt) throw new UserInputException("The target trace (" + duration +
			" ms) is shorter than one time step.");
		this.model = model;
		this.protocols = new Protocol[protocols.size()];
		for (int sweep = 0; sweep < protocols.size(); sweep++) this.protocols[sweep] = protocols.get(sweep).withDuration(duration);
		this.recordAt = recordAt.clone();
		this.fitted = fitted.clone();
		this.start = start.clone();
		this.bounds = bounds;
		int steps = this.protocols[0].steps();
		this.target = new double[protocols.size()][recordAt.length][steps + 1];
		for (int sweep = 0; sweep < protocols.size(); sweep++)
			for (int r = 0; r < recordAt.length; r++) {
				float[] t = targets.get(sweep)[r];
				for (int i = 0; i <= steps; i++) {
					double x = Math.min(i * dt / targetDt, length - 1);
					int j = Math.min((int) x, length - 2);
					double w = x - j;
					this.target[sweep][r][i] = t[j] * (1 - w) + t[j + 1] * w;
				}
			}
	}

	/**
	 * A copy whose loss adds a low-pass filtered voltage term: with
	 * {@code y_i = y_{i-1} + a (V_i - y_{i-1})}, {@code a = dt / (tau + dt)}, {@code y_0 = V_0}
	 * (the same filter on the target), the loss is
	 * {@code 1/(2n) sum [voltageWeight (V - V*)^2 + smoothWeight (y - y*)^2]}. A filtered spike
	 * train is a smooth function of the spike times, so the filtered term still pulls when a
	 * spike is missing or extra, where the raw squared voltage only compares samples.
	 */
	public FitProblem withSmoothing(double voltageWeight, double smoothWeight, double tauMs) {
		if (!(voltageWeight >= 0 && smoothWeight >= 0) || voltageWeight + smoothWeight == 0) throw new UserInputException(
			"The loss weights must be zero or positive and not both zero; got voltage " + voltageWeight + ", smoothed " +
			smoothWeight + ".");
		if (!(tauMs > 0) || Double.isInfinite(tauMs)) throw new UserInputException("The smoothing time constant must be a " +
			"positive number of ms, got " + tauMs + ".");
		FitProblem q = new FitProblem(this);
		q.voltageWeight = voltageWeight;
		q.smoothWeight = smoothWeight;
		q.smoothTau = tauMs;
		double a = dt() / (tauMs + dt());
		q.smoothTarget = new double[target.length][recordAt.length][];
		for (int sw = 0; sw < target.length; sw++) for (int r = 0; r < recordAt.length; r++) {
			double[] t = target[sw][r], y = new double[t.length];
			y[0] = t[0];
			for (int i = 1; i < t.length; i++) y[i] = y[i - 1] + a * (t[i] - y[i - 1]);
			q.smoothTarget[sw][r] = y;
		}
		return q;
	}

	/**
	 * A copy whose loss adds a spike-time term: at every recorded compartment of every sweep,
	 * the spikes of model and target within the loss window (the {@link SpikeDetector} of the
	 * targets: thresholds from the recorded sweeps, {@code thresholdMv} replacing the
	 * threshold unless it is NaN; times are the threshold crossings, see {@link SpikeTimes}) are compared with the {@link SpikeTimeDistance}, scaled so
	 * that the term is {@code weight / (2 R S) sum ((t - t*) / tau)^2} (mV^2 like the voltage
	 * term: one spike {@code tau} ms off in every sweep adds weight/2). Its gradient comes
	 * from the voltage sensitivities at the crossings, exactly. Weight 0 leaves the loss as it is.
	 */
	public FitProblem withSpikeTimes(double weight, double thresholdMv, double tauMs) {
		checkSpikeTimes(weight, thresholdMv, tauMs);
		FitProblem q = new FitProblem(this);
		q.spikeWeight = weight;
		q.spikeDetector = detectorOf(target, thresholdMv);
		q.spikeTau = tauMs;
		return q;
	}

	/** The detector of the recorded targets (all sweeps and compartments), with the user's threshold if it is a number. */
	private static SpikeDetector detectorOf(double[][][] target, double thresholdMv) {
		List<float[]> traces = new ArrayList<>();
		for (double[][] sweep : target) for (double[] v : sweep) {
			float[] f = new float[v.length];
			for (int i = 0; i < f.length; i++) f[i] = (float) v[i];
			traces.add(f);
		}
		SpikeThresholds t = SpikeThresholds.fromRecordings(traces);
		if (Double.isNaN(thresholdMv)) return t == null ? new SpikeDetector() : SpikeDetector.fixed(t);
		if (t == null) t = SpikeThresholds.silentRecording(traces, thresholdMv);
		return SpikeDetector.fixed(t.withThreshold(thresholdMv));
	}

	/** Refuses settings of the spike-time term that {@link #withSpikeTimes} cannot use, in the user's terms. */
	public static void checkSpikeTimes(double weight, double thresholdMv, double tauMs) {
		if (!(weight >= 0) || Double.isInfinite(weight)) throw new UserInputException("The spike weight must be zero or " +
			"positive, got " + weight + ".");
		if (Double.isInfinite(thresholdMv)) throw new UserInputException("The spike threshold must be a voltage in mV (NaN to " +
			"take it from the recording), got " + thresholdMv + ".");
		if (!(tauMs > 0) || Double.isInfinite(tauMs)) throw new UserInputException("The spike time scale must be a " +
			"positive number of ms, got " + tauMs + ".");
	}

	/** A copy with the same loss terms. */
	private FitProblem(FitProblem o) {
		model = o.model;
		protocols = o.protocols;
		recordAt = o.recordAt;
		target = o.target;
		fitted = o.fitted;
		start = o.start;
		bounds = o.bounds;
		voltageWeight = o.voltageWeight;
		smoothWeight = o.smoothWeight;
		smoothTau = o.smoothTau;
		smoothTarget = o.smoothTarget;
		spikeWeight = o.spikeWeight;
		spikeDetector = o.spikeDetector;
		spikeTau = o.spikeTau;
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
	/** The protocol of the first sweep. */
	public Protocol protocol() { return protocols[0]; }
	public int sweeps() { return protocols.length; }
	public int[] recordAt() { return recordAt.clone(); }
	public int[] fitted() { return fitted.clone(); }
	public int size() { return fitted.length; }
	/** Steps in the full window. */
	public int steps() { return protocols[0].steps(); }
	public double dt() { return protocols[0].dt(); }

	/** The full parameter vector at coordinates phi. */
	public double[] theta(double[] phi) {
		double[] t = start.clone();
		for (int k = 0; k < fitted.length; k++) t[fitted[k]] = bounds[k].value(phi[k]);
		return t;
	}

	/** The fitted parameters' values at phi divided by their starts. */
	public double[] multipliers(double[] phi) {
		double[] m = new double[fitted.length];
		for (int k = 0; k < m.length; k++) m[k] = bounds[k].value(phi[k]) / start[fitted[k]];
		return m;
	}

	/** The coordinates of the given multipliers of the starts (values past a bound just inside it). */
	public double[] coordinates(double[] multipliers) {
		double[] phi = new double[fitted.length];
		for (int k = 0; k < phi.length; k++) phi[k] = bounds[k].coordinate(multipliers[k] * start[fitted[k]]);
		return phi;
	}

	/** The range and coordinate of fitted parameter k. */
	public BoundedParameter bounds(int k) { return bounds[k]; }

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
	 * Gauss-Newton matrix {@code 1/n sum_t J_tk J_tl} with {@code J_tk = dV_t/dphi_k} (and
	 * likewise for the filtered voltages and the spike-time residuals): the Hessian of the loss
	 * without its second-derivative term.
	 */
	public double loss(double[] phi, int steps, double[] gradient, double[][] curvature) {
		double[] chain = new double[fitted.length];
		for (int k = 0; k < chain.length; k++) chain[k] = bounds[k].derivative(phi[k]);
		return loss(phi, steps, gradient, curvature, chain);
	}

	/**
	 * The loss over the whole window and, in {@code curvature}, the Gauss-Newton matrix in
	 * relative changes of the parameters ({@code d theta_k / |theta_k|}), which does not
	 * depend on the bounded coordinates: the matrix the uncertainty is read from.
	 */
	double relativeCurvature(double[] phi, double[][] curvature) {
		double[] theta = theta(phi), chain = new double[fitted.length];
		for (int k = 0; k < chain.length; k++) chain[k] = Math.abs(theta[fitted[k]]);
		return loss(phi, steps(), new double[fitted.length], curvature, chain);
	}

	/** Residual samples in the loss over {@code steps} steps: steps x recorded compartments x sweeps. */
	double samples(int steps) {
		return (double) steps * recordAt.length * protocols.length;
	}

	/** The loss with derivatives taken in coordinates x, {@code chain[k] = d theta_k / d x_k}. */
	private double loss(double[] phi, int steps, double[] gradient, double[][] curvature, double[] chain) {
		double[] theta = theta(phi);
		int p = gradient == null ? 0 : fitted.length;
		boolean smooth = smoothWeight > 0;
		double a = dt() / (smoothTau + dt()), wv = voltageWeight, ws = smoothWeight;
		double sum = 0;
		double[] g = new double[p], w = new double[p];
		double[][] h = curvature == null ? null : new double[p][p];
		boolean spikes = spikeWeight > 0;
		double spikeSum = 0, spikeScale = spikeWeight / (recordAt.length * protocols.length);
		double[] gSpike = new double[p];
		double[][] hSpike = curvature == null ? null : new double[p][p];
		for (int sweep = 0; sweep < protocols.length; sweep++) {
			CableSimulation sim = protocols[sweep].start(model, theta, gradient == null ? new int[0] : fitted);
			double[] y = new double[recordAt.length];
			double[][] z = new double[recordAt.length][p];
			// the trace at the recorded compartments, [r][step] and [r][k][step], for the spike times
			double[][] vTrace = spikes ? new double[recordAt.length][steps + 1] : null;
			double[][][] wTrace = spikes ? new double[recordAt.length][p][steps + 1] : null;
			for (int r = 0; r < recordAt.length; r++) y[r] = sim.voltage(recordAt[r]);
			if (spikes) record(sim, 0, vTrace, wTrace);
			for (int i = 1; i <= steps; i++) {
				sim.step();
				if (spikes) record(sim, i, vTrace, wTrace);
				for (int r = 0; r < recordAt.length; r++) {
					double v = sim.voltage(recordAt[r]), e = v - target[sweep][r][i];
					sum += wv * e * e;
					for (int k = 0; k < p; k++) {
						w[k] = sim.sensitivity(k, recordAt[r]);
						g[k] += wv * e * w[k];
					}
					if (h != null) for (int k = 0; k < p; k++) for (int l = 0; l <= k; l++) h[k][l] += wv * w[k] * w[l];
					if (!smooth) continue;
					y[r] += a * (v - y[r]);
					double es = y[r] - smoothTarget[sweep][r][i];
					sum += ws * es * es;
					double[] zr = z[r];
					for (int k = 0; k < p; k++) {
						zr[k] += a * (w[k] - zr[k]);
						g[k] += ws * es * zr[k];
					}
					if (h != null) for (int k = 0; k < p; k++) for (int l = 0; l <= k; l++) h[k][l] += ws * zr[k] * zr[l];
				}
			}
			if (spikes) for (int r = 0; r < recordAt.length; r++) {
				SpikeTimes simulated = SpikeTimes.of(vTrace[r], wTrace[r], steps + 1, dt(), spikeDetector);
				SpikeTimes recorded = SpikeTimes.of(target[sweep][r], steps + 1, dt(), spikeDetector);
				spikeSum += SpikeTimeDistance.add(simulated, recorded, steps * dt(), spikeTau, spikeScale, gSpike, hSpike);
			}
		}
		double n = samples(steps);
		double[] d = chain;
		for (int k = 0; k < p; k++) gradient[k] = (g[k] / n + gSpike[k]) * d[k];
		if (h != null) for (int k = 0; k < p; k++) for (int l = 0; l <= k; l++) {
			curvature[k][l] = (h[k][l] / n + (hSpike == null ? 0 : hSpike[k][l])) * d[k] * d[l];
			curvature[l][k] = curvature[k][l];
		}
		return sum / (2 * n) + spikeSum;
	}

	/** Stores the voltage and its sensitivities at the recorded compartments as sample i. */
	private void record(CableSimulation sim, int i, double[][] v, double[][][] w) {
		for (int r = 0; r < recordAt.length; r++) {
			v[r][i] = sim.voltage(recordAt[r]);
			for (int k = 0; k < w[r].length; k++) w[r][k][i] = sim.sensitivity(k, recordAt[r]);
		}
	}
}
