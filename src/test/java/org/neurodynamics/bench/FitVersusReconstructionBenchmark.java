package org.neurodynamics.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.gui.Plot;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.fit.FitListener;
import org.neurodynamics.core.fit.FitOptions;
import org.neurodynamics.core.fit.FitProblem;
import org.neurodynamics.core.fit.FitResult;
import org.neurodynamics.core.fit.FitStart;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.core.fit.StepFamilyFit;
import org.neurodynamics.core.reconstruct.HeldOutCheck;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;
import org.neurodynamics.core.trace.Trace;
import org.neurodynamics.results.ResultFiles;
import org.neurodynamics.service.StepFamilies;

/**
 * Which model to trust for one cell: on one recorded step family, every other sweep fitted by
 * the conductance fit as {@code fit-step-family.ijm} runs it (cortical model; cm, gNa, gK, gM,
 * gL, eL; dt 0.025 ms; 8 starts, 40 Adam steps lr 0.02, window 50% -> 100% over 20, 10 polish
 * steps; with or without the spike-time term) and reconstructed by Reconstruct Dynamics with its
 * defaults ("hold out every other trace", as StepFamilyReconstructionBenchmark runs it); on the
 * held-out sweeps, the recorded spike count and rate against each model's. The fit runs once
 * per spike weight given (comma-separated; 0 for none, 0.1 as the macro), the reconstruction once.
 * Appends a table to a results file and saves an f-I figure beside it. One thread.
 *
 * <pre>
 * java -Djava.awt.headless=true -cp ... org.neurodynamics.bench.FitVersusReconstructionBenchmark results.md file.abf [seed] [spike weights, e.g. 0,0.1] [dt]
 * </pre>
 */
public final class FitVersusReconstructionBenchmark {

	public static void main(String[] args) throws IOException {
		Path out = Paths.get(args[0]);
		Path abf = Paths.get(args[1]);
		long seed = args.length > 2 ? Long.parseLong(args[2]) : 0;
		double[] weights = java.util.Arrays.stream((args.length > 3 ? args[3] : "0").split(","))
			.mapToDouble(Double::parseDouble).toArray();
		double dt = args.length > 4 ? Double.parseDouble(args[4]) : 0.025;
		String name = abf.getFileName().toString();

		// the fit, as the macro runs it (one thread here), once per spike weight
		StepFamily family = StepFamilies.fromAbf(abf.toFile(), 0, dt, 0);
		CableModel model = CableModels.corticalNeuron(family.restingPotential());
		String[] names = { "cm", "gNa", "gK", "gM", "gL", "eL" };
		int[] fitted = new int[names.length];
		for (int k = 0; k < names.length; k++) fitted[k] = model.parameterIndex(names[k]);
		int[] chosen = StepFamilies.choose("even", family.size());
		int sweepCount = family.size(), fits = weights.length;
		double[][] fitRate = new double[fits][sweepCount];
		int[][] fitSpikes = new int[fits][sweepCount];
		double[] recordedRate = new double[sweepCount];
		int[] recordedSpikes = new int[sweepCount];
		for (int s = 0; s < sweepCount; s++) {
			float[] rec = family.voltage(s);
			recordedSpikes[s] = family.spikes(rec);
			recordedRate[s] = family.rate(rec);
		}
		StringBuilder about = new StringBuilder();
		for (int w = 0; w < fits; w++) {
			double weight = weights[w];
			long t0 = System.nanoTime();
			FitOptions options = new FitOptions().iterations(40).learningRate(0.02).curriculum(0.5, 20).l2(0).cmaEs(20, 0.1, 1)
				.start(FitStart.MULTI_START).multiStart(8, 10, 2, 0.5, 2).polish(10).threads(1);
			java.util.function.UnaryOperator<FitProblem> extra = q -> weight > 0 ? q.withSpikeTimes(weight, Double.NaN, 10) : q;
			FitResult fit = StepFamilyFit.fit(family, model, model.defaults(), chosen, 0, fitted, options, extra, FitListener.NONE,
				Progress.NONE);
			for (int s = 0; s < sweepCount; s++) {
				float[] v = family.simulate(model, fit.theta(), s, 0);
				fitSpikes[w][s] = family.spikes(v);
				fitRate[w][s] = family.rate(v);
			}
			about.append(String.format(Locale.ROOT, "Fit with spike weight %s: %.0f s, multipliers of cm, gNa, gK, gM, gL, eL %s.%n",
				weight, (System.nanoTime() - t0) * 1e-9, PinskyRinzelGlobalBenchmark.round(fit.multipliers())));
		}

		// the reconstruction, as StepFamilyReconstructionBenchmark runs it
		long t1 = System.nanoTime();
		ReconstructionSettings settings = ReconstructionBenchmark.settings(seed);
		settings.holdOutEveryOther = true;
		List<Trace> sweeps = StepFamilyReconstructionBenchmark.stepSweeps(abf);
		Reconstruction.Result r = Reconstruction.run(sweeps, settings, ReconstructionBenchmark.LOG);
		about.append(String.format(Locale.ROOT, "Reconstruction (seed %d): %.0f s, state dimension %d.%n", seed,
			(System.nanoTime() - t1) * 1e-9, r.active.length));

		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "### %s: conductance fit (dt %s ms) vs reconstruction, held-out sweeps%n%n", name, dt));
		md.append(about).append('\n');
		md.append("| held-out sweep | I (pA) | recorded: spikes in the step (rate, Hz) |");
		for (double w : weights) md.append(String.format(Locale.ROOT, " fit, spike weight %s: spikes (rate, Hz) |", w));
		md.append(" recorded rate as the reconstruction counts it (Hz) | reconstruction: rate (Hz) | closest to the recording |\n|---|---|---|");
		for (int w = 0; w < fits; w++) md.append("---|");
		md.append("---|---|---|\n");
		List<double[]> points = new ArrayList<>(); // I, recorded, reconstruction, recorded as it counts, fits (Hz)
		int spiking = 0, silent = 0, recWithin = 0, recSilent = 0;
		int[] fitWithin = new int[fits], fitSilent = new int[fits];
		double recError = 0;
		double[] fitError = new double[fits];
		for (HeldOutCheck.Prediction p : r.heldOut.predictions()) {
			int s = Integer.parseInt(p.name.replace("sweep ", "").trim());
			// each model against the recorded rate as its own side counts spikes: the fit over the step, the
			// reconstruction over its stepped epoch (HeldOutCheck)
			double rec = recordedRate[s], m = 1000 * p.predictedRate, recM = 1000 * p.recordedRate;
			double[] point = new double[4 + fits];
			point[0] = p.parameter;
			point[1] = rec;
			point[2] = m;
			point[3] = recM;
			double em = Math.abs(m - recM), best = em;
			String closest = "reconstruction";
			boolean firing = rec > 0 || recM > 0;
			if (firing) spiking++;
			else silent++;
			if (firing ? em <= 0.2 * recM : m == 0) {
				if (firing) recWithin++;
				else recSilent++;
			}
			recError += em;
			md.append(String.format(Locale.ROOT, "| %d | %.0f | %d (%.1f) |", s, p.parameter, recordedSpikes[s], rec));
			for (int w = 0; w < fits; w++) {
				double f = fitRate[w][s], ef = Math.abs(f - rec);
				point[4 + w] = f;
				fitError[w] += ef;
				if (firing ? ef <= 0.2 * rec : f == 0) {
					if (firing) fitWithin[w]++;
					else fitSilent[w]++;
				}
				if (ef < best) {
					best = ef;
					closest = "fit (" + weights[w] + ")";
				}
				else if (ef == best && !closest.startsWith("tie")) closest = "tie";
				md.append(String.format(Locale.ROOT, " %d (%.1f) |", fitSpikes[w][s], f));
			}
			points.add(point);
			md.append(String.format(Locale.ROOT, " %.1f | %.1f | %s |%n", recM, m, closest));
		}
		md.append(String.format(Locale.ROOT, "%nHeld out, each model against the recorded rate as its side counts it: rate within 20%% " +
			"at %d of %d spiking sweeps and silent at %d of %d silent ones for the reconstruction (summed rate error %.1f Hz)",
			recWithin, spiking, recSilent, silent, recError));
		for (int w = 0; w < fits; w++) md.append(String.format(Locale.ROOT, "; %d and %d for the fit with spike weight %s (%.1f Hz)",
			fitWithin[w], fitSilent[w], weights[w], fitError[w]));
		md.append(".\n\n");
		String figure = out.getFileName().toString().replace(".md", "") + "-" + name.replace(".abf", "") + "-fit-vs-reconstruction";
		ResultFiles.save(out.toAbsolutePath().getParent().toFile(), figure, plot(name, points, weights, recordedRate, family));
		md.append("![held-out firing rates](").append(figure).append(".png)\n\n");
		Files.writeString(out, md, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		System.out.print(md);
	}

	/**
	 * Firing rate against step current: recorded (all sweeps), and on the held-out sweeps the
	 * recorded rate as each side counts it, the fits' and the reconstruction's.
	 */
	static Plot plot(String name, List<double[]> held, double[] weights, double[] recorded, StepFamily family) {
		Plot plot = new Plot("Held-out sweeps of " + name + ": fit vs reconstruction", "step current (pA)", "firing rate (Hz)");
		double[] allI = new double[recorded.length];
		for (int s = 0; s < allI.length; s++) allI[s] = 1000 * family.current(s);
		int n = held.size();
		double[][] column = new double[4 + weights.length][n];
		for (int k = 0; k < n; k++) for (int c = 0; c < column.length; c++) column[c][k] = held.get(k)[c];
		StringBuilder legend = new StringBuilder("recorded, in the step (all sweeps)\trecorded, held out\t" +
			"recorded, held out, as the reconstruction counts it\treconstruction");
		plot.setColor(Color.GRAY);
		plot.addPoints(allI, recorded, Plot.LINE);
		plot.setColor(Color.BLACK);
		plot.addPoints(column[0], column[1], Plot.CIRCLE);
		plot.setColor(Color.DARK_GRAY);
		plot.addPoints(column[0], column[3], Plot.X);
		plot.setColor(Color.RED);
		plot.addPoints(column[0], column[2], Plot.TRIANGLE);
		Color[] colours = { Color.BLUE, new Color(0, 150, 0), Color.MAGENTA, Color.ORANGE };
		for (int w = 0; w < weights.length; w++) {
			plot.setColor(colours[w % colours.length]);
			plot.addPoints(column[0], column[4 + w], Plot.BOX);
			legend.append("\tconductance fit, spike weight ").append(weights[w]);
		}
		double top = 0;
		for (double x : recorded) top = Math.max(top, x);
		for (int c = 1; c < column.length; c++) for (double x : column[c]) top = Math.max(top, x);
		plot.setColor(Color.BLACK);
		plot.setLegend(legend.toString(), Plot.AUTO_POSITION);
		double lo = java.util.Arrays.stream(allI).min().orElse(0), hi = java.util.Arrays.stream(allI).max().orElse(1);
		plot.setLimits(lo - 10, hi + 10, 0, 1.08 * top + 1);
		return plot;
	}

	private FitVersusReconstructionBenchmark() {}
}
