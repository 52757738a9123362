package org.neurodynamics.bench;

import java.io.File;
import java.util.Locale;

import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.fit.FitProblem;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.service.StepFamilies;

/**
 * Is the fit's loss smooth enough in the parameters for its gradient to be a descent direction?
 * The loss of the step-family fit's active stage (voltage + 10 x smoothed voltage + spike
 * times), on the even sweeps of a recording, the cortical model: for each of the six parameters
 * the macro fits, the exact gradient (in relative changes) against the secant over +-{@code rel}
 * (default 1%) of that parameter, for the spike-time term alone (the loss with it minus the loss
 * without) and for the whole loss, at several time steps and at two points (the start, and the
 * multipliers of a fitted model).
 *
 * <pre>
 * java -cp ... org.neurodynamics.bench.SpikeTimeSmoothnessBenchmark FILE.abf [dts, e.g. 0.1,0.05,0.025] [spike weight] [rel]
 * </pre>
 */
public final class SpikeTimeSmoothnessBenchmark {

	static final String[] NAMES = { "cm", "gNa", "gK", "gM", "gL", "eL" };

	public static void main(String[] args) {
		File file = new File(args[0]);
		String[] dts = (args.length > 1 ? args[1] : "0.1,0.05,0.025").split(",");
		double weight = args.length > 2 ? Double.parseDouble(args[2]) : 0.1;
		double rel = args.length > 3 ? Double.parseDouble(args[3]) : 0.01;
		// the start, and the fitted multipliers of the spike-weight-0.1 fit of spike-times-2026-12-04.md
		double[][] points = { { 1, 1, 1, 1, 1, 1 }, { 1.337, 0.66, 0.63, 1.30, 2.977, 0.958 } };
		System.out.println("| dt (ms) | point | parameter | spikes (fitted sweeps) | spike term: gradient | secant +-" + pct(rel) +
			" | ratio | whole loss: gradient | secant | ratio |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|");
		for (String d : dts) {
			double dt = Double.parseDouble(d);
			long t0 = System.nanoTime();
			StepFamily family = StepFamilies.fromAbf(file, 0, dt, 0);
			CableModel model = CableModels.corticalNeuron(family.restingPotential());
			int[] fitted = new int[NAMES.length];
			for (int k = 0; k < NAMES.length; k++) fitted[k] = model.parameterIndex(NAMES[k]);
			int[] sweeps = StepFamilies.choose("even", family.size());
			FitProblem base = family.problem(model, sweeps, 0, fitted, model.defaults()).withSmoothing(1, 10, 50);
			FitProblem spiking = base.withSpikeTimes(weight, Double.NaN, 10);
			for (int pt = 0; pt < points.length; pt++) {
				Row[] rows = rows(family, model, fitted, sweeps, base, spiking, points[pt], rel);
				for (int k = 0; k < NAMES.length; k++) System.out.printf(Locale.ROOT,
					"| %s | %s | %s | %s | %.4g | %.4g | %.3f | %.4g | %.4g | %.3f |%n", d, pt == 0 ? "start" : "fitted",
					NAMES[k], rows[k].spikes, rows[k].gSpike, rows[k].sSpike, rows[k].gSpike / rows[k].sSpike, rows[k].gAll,
					rows[k].sAll, rows[k].gAll / rows[k].sAll);
			}
			System.err.printf(Locale.ROOT, "# dt %s: %.1f s%n", d, (System.nanoTime() - t0) * 1e-9);
		}
	}

	static final class Row {
		double gSpike, sSpike, gAll, sAll;
		String spikes;
	}

	/**
	 * Gradient and secant, both in loss per relative change of each parameter, of the spike
	 * term (spiking minus base) and of the whole loss (spiking), at multipliers {@code m}.
	 */
	static Row[] rows(StepFamily family, CableModel model, int[] fitted, int[] sweeps, FitProblem base, FitProblem spiking,
		double[] m, double rel)
	{
		int p = base.size(), n = base.steps();
		double[] phi = base.coordinates(m), g0 = new double[p], g1 = new double[p];
		base.loss(phi, n, g0);
		spiking.loss(phi, n, g1);
		Row[] rows = new Row[p];
		for (int k = 0; k < p; k++) {
			double[] up = m.clone(), down = m.clone();
			up[k] *= 1 + rel;
			down[k] *= 1 - rel;
			double[] pu = base.coordinates(up), pd = base.coordinates(down);
			double b1 = base.loss(pu, n, null), b0 = base.loss(pd, n, null);
			double s1 = spiking.loss(pu, n, null), s0 = spiking.loss(pd, n, null);
			// per relative change of theta_k (the secant's +-rel): dL/dphi * theta / (dtheta/dphi), theta signed
			double perRelative = m[k] * base.bounds(k).value(0) / base.bounds(k).derivative(phi[k]);
			Row r = new Row();
			r.gSpike = (g1[k] - g0[k]) * perRelative;
			r.gAll = g1[k] * perRelative;
			r.sSpike = ((s1 - b1) - (s0 - b0)) / (2 * rel);
			r.sAll = (s1 - s0) / (2 * rel);
			r.spikes = spikes(family, model, fitted, sweeps, down) + " / " + spikes(family, model, fitted, sweeps, m) + " / " +
				spikes(family, model, fitted, sweeps, up);
			rows[k] = r;
		}
		return rows;
	}

	/** Spikes during the step in the model at multipliers m, summed over the fitted sweeps. */
	static int spikes(StepFamily family, CableModel model, int[] fitted, int[] sweeps, double[] m) {
		double[] theta = model.defaults();
		for (int k = 0; k < fitted.length; k++) theta[fitted[k]] *= m[k];
		int n = 0;
		for (int s : sweeps) n += family.spikes(family.simulate(model, theta, s, 0));
		return n;
	}

	static String pct(double rel) {
		return String.format(Locale.ROOT, "%.3g %%", rel * 100);
	}
}
