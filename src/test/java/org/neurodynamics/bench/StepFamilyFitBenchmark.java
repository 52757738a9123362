package org.neurodynamics.bench;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.fit.FitListener;
import org.neurodynamics.core.fit.FitOptions;
import org.neurodynamics.core.fit.StepFamilyFit;
import org.neurodynamics.core.fit.FitProblem;
import org.neurodynamics.core.fit.FitResult;
import org.neurodynamics.core.fit.FitStart;
import org.neurodynamics.core.fit.Fitter;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.results.StepFamilyResults;
import org.neurodynamics.service.StepFamilies;

/**
 * Fits the single-compartment cortical model (Na, K, M, leak; cm, gNa, gK, gM, gL, eL) to the
 * even sweeps of a recorded ABF step family and predicts the odd ones: spike count and
 * steady-state voltage per sweep, recorded vs model. One thread.
 *
 * <pre>
 * java -cp ... org.neurodynamics.bench.StepFamilyFitBenchmark FILE.abf [duration ms] [dt] [iterations] [start] [png prefix]
 * </pre>
 */
public final class StepFamilyFitBenchmark {

	public static void main(String[] args) {
		File file = new File(args[0]);
		double duration = args.length > 1 ? Double.parseDouble(args[1]) : 1000;
		double dt = args.length > 2 ? Double.parseDouble(args[2]) : 0.05;
		int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 200;
		FitStart start = FitStart.valueOf(args.length > 4 ? args[4] : "MULTI_START");
		String png = args.length > 5 ? args[5] : null;
		StepFamily family = StepFamilies.fromAbf(file, 0, dt, duration);
		int[] fit = StepFamilies.choose("even", family.size());
		double rest = family.restingPotential();
		CableModel model = CableModels.corticalNeuron(rest);
		String[] names = { "cm", "gNa", "gK", "gM", "gL", "eL" };
		int[] fitted = new int[names.length];
		for (int k = 0; k < names.length; k++) fitted[k] = model.parameterIndex(names[k]);
		double vw = Double.parseDouble(System.getProperty("vw", "1")), sw = Double.parseDouble(System.getProperty("sw", "0"));
		double tau = Double.parseDouble(System.getProperty("tau", "50"));
		double spikeWeight = Double.parseDouble(System.getProperty("spw", "0"));
		double spikeThreshold = Double.parseDouble(System.getProperty("spth", "NaN"));
		java.util.function.UnaryOperator<FitProblem> loss = q -> {
			FitProblem l = sw > 0 || vw != 1 ? q.withSmoothing(vw, sw, tau) : q;
			return spikeWeight > 0 ? l.withSpikeTimes(spikeWeight, spikeThreshold, 10) : l;
		};
		FitProblem problem = loss.apply(family.problem(model, fit, 0, fitted, model.defaults()));
		FitOptions o = new FitOptions().iterations(iterations).curriculum(0.3, iterations / 2).start(start)
			.multiStart(Integer.getInteger("starts", 16), 5, 2, 0.5, 2).polish(20).threads(1);
		long t0 = System.nanoTime();
		double initial = problem.loss(new double[names.length], problem.steps(), null);
		double high = Double.parseDouble(System.getProperty("high", "2"));
		o.multiStart(Integer.getInteger("starts", 16), 5, 2, 1 / high, high);
		FitListener log = it -> { if (it.iteration % 25 == 0) System.out.printf(Locale.ROOT, "  it %d loss %.4g %.0f s%n",
			it.iteration, it.loss, it.seconds); };
		FitResult r;
		if (Boolean.getBoolean("staged")) {
			FitOptions passive = new FitOptions().iterations(iterations).curriculum(1, 0).learningRate(0.05).polish(20);
			r = StepFamilyFit.fit(family, model, model.defaults(), fit, 0, fitted, passive, o, loss, log, Progress.NONE);
			if (Boolean.getBoolean("thenJoint")) {
				// a last stage with every parameter on every fitted sweep, from the staged result
				System.out.printf(Locale.ROOT, "# staged loss %.4g mV^2%n", r.loss());
				FitOptions joint = new FitOptions().iterations(iterations).curriculum(1, 0).polish(20).threads(1);
				// a staged value on a bound of the first problem starts just inside it (a start must lie inside its range)
				double[] from = r.theta();
				for (int k = 0; k < fitted.length; k++) {
					org.neurodynamics.core.fit.BoundedParameter range = problem.bounds(k);
					double lo = range.lower(), hi = range.upper(), margin = 0.01 * (hi - lo);
					from[fitted[k]] = Math.max(lo + margin, Math.min(hi - margin, from[fitted[k]]));
				}
				r = Fitter.fit(loss.apply(family.problem(model, fit, 0, fitted, from)), joint, log, Progress.NONE);
			}
			problem = family.problem(model, fit, 0, fitted, model.defaults());
		}
		else r = Fitter.fit(problem, o, log, Progress.NONE);
		double seconds = (System.nanoTime() - t0) * 1e-9;
		double[] fittedMultipliers = new double[names.length];
		for (int k = 0; k < names.length; k++) fittedMultipliers[k] = r.theta()[fitted[k]] / model.defaults()[fitted[k]];
		org.neurodynamics.core.fit.Uncertainty se = Boolean.getBoolean("staged") ? StepFamilyFit.uncertainty(family, model,
			model.defaults(), fit, 0, fitted, r.theta()) : org.neurodynamics.core.fit.Uncertainty.of(problem,
			problem.coordinates(fittedMultipliers));
		System.out.printf(Locale.ROOT, "# %s: %d sweeps, fitted on %d, %.0f ms each at dt %s; rest %.2f mV; %s; %.0f s; loss %.4g -> %.4g mV^2%n",
			file.getName(), family.size(), fit.length, problem.steps() * dt, dt, rest, start, seconds, initial, r.loss());
		System.out.printf(Locale.ROOT, "# loss weights: voltage %s, smoothed %s (tau %s ms), spike times %s (threshold %s mV, " +
			"tau 10 ms); %d iterations, %s starts%n", vw, sw, tau, spikeWeight, spikeThreshold, iterations,
			Integer.getInteger("starts", 16));
		System.out.println("| parameter | start | fitted | multiplier | range | Gauss-Newton s.e. (relative) |");
		System.out.println("|---|---|---|---|---|---|");
		double[] theta = r.theta(), multipliers = new double[names.length];
		for (int k = 0; k < names.length; k++) multipliers[k] = theta[fitted[k]] / model.defaults()[fitted[k]];
		for (int k = 0; k < names.length; k++) {
			org.neurodynamics.core.fit.BoundedParameter range = problem.bounds(k);
			String side = range.bound(theta[fitted[k]]);
			System.out.printf(Locale.ROOT, "| %s | %.4g | %.4g | %.3f | %.4g..%.4g%s | %s |%n", names[k],
				model.defaults()[fitted[k]], theta[fitted[k]], multipliers[k], range.lower(), range.upper(),
				side.isEmpty() ? "" : " (at " + side + " bound)", se.describe(k));
		}
		if (!se.notIdentifiable().isEmpty()) System.out.println("\nNot identifiable: " + String.join("; ", se.notIdentifiable()));
		if (!se.notQuadratic().isEmpty()) System.out.println("\nNo s.e. (loss not quadratic over one s.d.): " + String.join(
			"; ", se.notQuadratic()));
		List<float[]> sim = new ArrayList<>();
		for (int s = 0; s < family.size(); s++) sim.add(family.simulate(model, theta, s, 0));
		System.out.println();
		System.out.println("| sweep | current (pA) | role | recorded spikes | model spikes | recorded steady (mV) | model steady (mV) |");
		System.out.println("|---|---|---|---|---|---|---|");
		for (int s = 0; s < family.size(); s++) {
			float[] rec = family.voltage(s);
			System.out.printf(Locale.ROOT, "| %d | %.0f | %s | %d | %d | %.2f | %.2f |%n", s, family.current(s) * 1000,
				s % 2 == 0 ? "fitted" : "held out", family.spikes(rec), family.spikes(sim.get(s)), family.steadyState(rec),
				family.steadyState(sim.get(s)));
		}
		if (png != null) {
			new ij.io.FileSaver(StepFamilyResults.fiCurve(family, sim).getImagePlus()).saveAsPng(png + "-fI.png");
			new ij.io.FileSaver(StepFamilyResults.comparison(family, sim).getImagePlus()).saveAsPng(png + "-traces.png");
		}
	}
}
