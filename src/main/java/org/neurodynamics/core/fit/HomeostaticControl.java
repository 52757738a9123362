package org.neurodynamics.core.fit;

import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableSimulation;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.TimeScheme;

/**
 * Online gradient descent of parameters towards a target firing rate, inside the simulation
 * (Gradient Diffusion, Landsmeer et al. 2024, homeostatic control).
 *
 * <p>Spikes are counted smoothly: with {@code p(V) = 1/(1 + exp(-(V - threshold)/sharpness))}
 * each step adds {@code max(0, p(V_new) - p(V_old))}, exactly 1 per full spike and a fraction
 * for a subthreshold excursion; the subthreshold fractions are what carry gradient
 * information, since a whole spike's contribution does not change with the parameters.
 * The rate estimate is that count low-pass filtered with time constant tau_f, in Hz:
 * {@code f' = (1000 count'(t) - f)/tau_f}. Its sensitivities D_k = df/dtheta_k are integrated
 * alongside, and every sensitivity of the simulation is multiplied by {@code 1 - lambda dt}
 * each step (forgetting: sensitivities of an oscillating system otherwise grow without
 * bound). The parameters follow {@code dtheta_k/dt = -alpha theta0_k (f - f*) D_k}, i.e.
 * gradient flow on e = (f - f*)^2 / 2, clamped at 0.
 *
 * <p>Measured caveat: most of the useful gradient arrives in rare near-threshold events with
 * very large sensitivities, while the many small contributions tend to point the other way.
 * Limiting the parameter speed ({@link Options#maxRelativeRate}) therefore reverses the
 * controller (checked: the rate then runs away from the target); it is off by default. Too
 * large an alpha with a short tau_f lets one such event throw the parameters out of range.
 */
public final class HomeostaticControl {

	/** Settings with the paper's values where it gives them. */
	public static final class Options {
		double targetRate = 5, tauRate = 1e4, forgetting = 1e-4, alpha = 1e-5;
		double duration = 200_000, dt = 0.025, threshold = -30, sharpness = 2, sampleInterval = 1000;
		double initialRate = Double.NaN, maxRelativeRate = Double.POSITIVE_INFINITY;

		/** Target firing rate f* (Hz). */
		public Options targetRate(double hz) { targetRate = hz; return this; }
		/** Rate filter time constant tau_f (ms); the paper uses 1e4. */
		public Options tauRate(double ms) { tauRate = positive("rate time constant", ms); return this; }
		/** Forgetting rate lambda (1/ms); the paper uses 1e-4. */
		public Options forgetting(double perMs) { forgetting = perMs; return this; }
		/**
		 * Learning rate alpha (default 1e-5). With f in Hz and D = df/dtheta in Hz per parameter
		 * unit, alpha is in 1/(ms Hz^2) per parameter unit; 1e-5 brings a single HH compartment
		 * under OU noise from 18 Hz to 5 Hz in about a minute of simulated time with tau_f 1e4 ms.
		 */
		public Options alpha(double a) { alpha = a; return this; }
		public Options duration(double ms) { duration = positive("duration", ms); return this; }
		public Options dt(double ms) { dt = positive("time step", ms); return this; }
		/** Smooth spike detector: half-activation (mV) and slope (mV). */
		public Options spikeDetector(double thresholdMv, double sharpnessMv) {
			threshold = thresholdMv;
			sharpness = positive("spike detector sharpness", sharpnessMv);
			return this;
		}
		/** Interval (ms) between recorded samples of rate and parameters. */
		public Options sampleInterval(double ms) { sampleInterval = positive("sample interval", ms); return this; }
		/** Largest parameter speed as a fraction of its start per ms (default: unlimited; see the class notes). */
		public Options maxRelativeRate(double perMs) { maxRelativeRate = positive("largest relative rate", perMs); return this; }
		/** Starting value of the rate estimate (Hz); by default the target, so early error is small. */
		public Options initialRate(double hz) { initialRate = hz; return this; }

		private static double positive(String what, double x) {
			if (!(x > 0) || Double.isInfinite(x)) throw new UserInputException("The " + what + " must be positive, got " + x + ".");
			return x;
		}
	}

	private HomeostaticControl() {}

	/**
	 * Runs the controller.
	 *
	 * @param adapted indices of the parameters that adapt
	 * @param compartment where spikes are detected
	 */
	public static HomeostasisResult run(CableModel model, double[] theta, List<Injection> inputs, int[] adapted,
		int compartment, Options o, Progress progress)
	{
		if (adapted.length == 0) throw new UserInputException("Choose at least one parameter to adapt.");
		CableSimulation sim = new CableSimulation(model, theta, inputs, o.dt, TimeScheme.CRANK_NICOLSON, adapted);
		int p = adapted.length;
		double[] theta0 = new double[p], d = new double[p];
		for (int k = 0; k < p; k++) theta0[k] = theta[adapted[k]];
		long steps = Math.round(o.duration / o.dt);
		int every = Math.max(1, (int) Math.round(o.sampleInterval / o.dt));
		HomeostasisResult result = new HomeostasisResult(model, adapted, o.dt * every, (int) (steps / every) + 1);
		double rate = Double.isNaN(o.initialRate) ? o.targetRate : o.initialRate;
		double decay = o.dt / o.tauRate, keep = 1 - o.forgetting * o.dt;
		double v = sim.voltage(compartment), pOld = detector(v, o), slopeOld = detectorSlope(v, pOld, o);
		double[] wOld = new double[p];
		int spikesInSample = 0;
		boolean above = v > 0;
		result.sample(0, 0, rate, Double.NaN, sim);
		for (long i = 1; i <= steps; i++) {
			sim.step();
			v = sim.voltage(compartment);
			double pNew = detector(v, o), slopeNew = detectorSlope(v, pNew, o);
			double count = pNew - pOld;
			rate += (1000 * Math.max(0, count) / o.tauRate) - decay * rate;
			for (int k = 0; k < p; k++) {
				double w = sim.sensitivity(k, compartment);
				double dCount = count > 0 ? slopeNew * w - slopeOld * wOld[k] : 0;
				d[k] = keep * (d[k] + 1000 * dCount / o.tauRate - decay * d[k]);
				wOld[k] = w;
			}
			sim.scaleSensitivities(keep);
			for (int k = 0; k < p; k++) wOld[k] *= keep;
			for (int k = 0; k < p; k++) {
				double limit = o.maxRelativeRate * Math.abs(theta0[k]) * o.dt;
				double change = -o.alpha * theta0[k] * (rate - o.targetRate) * d[k] * o.dt;
				change = Math.max(-limit, Math.min(limit, change));
				if (change != 0) sim.setParameter(adapted[k], Math.max(0, sim.parameter(adapted[k]) + change));
			}
			pOld = pNew;
			slopeOld = slopeNew;
			if (v > 0 && !above) spikesInSample++;
			above = v > 0;
			if (i % every == 0) {
				result.sample((int) (i / every), sim.time(), rate, spikesInSample * 1000.0 / (every * o.dt), sim);
				spikesInSample = 0;
				progress.checkCancelled("Homeostatic control");
				progress.report("Homeostatic control", (double) i / steps, String.format(Locale.ROOT,
					"t = %.1f s, rate %.2f Hz", sim.time() / 1000, rate));
			}
		}
		return result;
	}

	private static double detector(double v, Options o) {
		return 1 / (1 + Math.exp(-(v - o.threshold) / o.sharpness));
	}

	private static double detectorSlope(double v, double p, Options o) {
		return p * (1 - p) / o.sharpness;
	}
}
