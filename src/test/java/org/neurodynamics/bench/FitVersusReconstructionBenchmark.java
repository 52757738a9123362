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
 * steps; optionally a spike-time term) and reconstructed by Reconstruct Dynamics with its
 * defaults ("hold out every other trace", as StepFamilyReconstructionBenchmark runs it); on the
 * held-out sweeps, the recorded spike count and rate against each model's. Appends a table to
 * a results file and saves an f-I figure beside it. One thread.
 *
 * <pre>
 * java -Djava.awt.headless=true -cp ... org.neurodynamics.bench.FitVersusReconstructionBenchmark results.md file.abf [seed] [spike weight] [dt]
 * </pre>
 */
public final class FitVersusReconstructionBenchmark {

	public static void main(String[] args) throws IOException {
		Path out = Paths.get(args[0]);
		Path abf = Paths.get(args[1]);
		long seed = args.length > 2 ? Long.parseLong(args[2]) : 0;
		double spikeWeight = args.length > 3 ? Double.parseDouble(args[3]) : 0;
		double dt = args.length > 4 ? Double.parseDouble(args[4]) : 0.025;
		String name = abf.getFileName().toString();

		// the fit, as the macro runs it (one thread here)
		long t0 = System.nanoTime();
		StepFamily family = StepFamilies.fromAbf(abf.toFile(), 0, dt, 0);
		CableModel model = CableModels.corticalNeuron(family.restingPotential());
		String[] names = { "cm", "gNa", "gK", "gM", "gL", "eL" };
		int[] fitted = new int[names.length];
		for (int k = 0; k < names.length; k++) fitted[k] = model.parameterIndex(names[k]);
		int[] chosen = StepFamilies.choose("even", family.size());
		FitOptions options = new FitOptions().iterations(40).learningRate(0.02).curriculum(0.5, 20).l2(0).cmaEs(20, 0.1, 1)
			.start(FitStart.MULTI_START).multiStart(8, 10, 2, 0.5, 2).polish(10).threads(1);
		java.util.function.UnaryOperator<FitProblem> extra = q -> spikeWeight > 0 ? q.withSpikeTimes(spikeWeight, Double.NaN, 10) : q;
		FitResult fit = StepFamilyFit.fit(family, model, model.defaults(), chosen, 0, fitted, options, extra, FitListener.NONE,
			Progress.NONE);
		double fitSeconds = (System.nanoTime() - t0) * 1e-9;
		double[] fitRate = new double[family.size()], recordedRate = new double[family.size()];
		int[] fitSpikes = new int[family.size()], recordedSpikes = new int[family.size()];
		for (int s = 0; s < family.size(); s++) {
			float[] v = family.simulate(model, fit.theta(), s, 0), rec = family.voltage(s);
			fitSpikes[s] = family.spikes(v);
			fitRate[s] = family.rate(v);
			recordedSpikes[s] = family.spikes(rec);
			recordedRate[s] = family.rate(rec);
		}

		// the reconstruction, as StepFamilyReconstructionBenchmark runs it
		long t1 = System.nanoTime();
		ReconstructionSettings settings = ReconstructionBenchmark.settings(seed);
		settings.holdOutEveryOther = true;
		List<Trace> sweeps = StepFamilyReconstructionBenchmark.stepSweeps(abf);
		Reconstruction.Result r = Reconstruction.run(sweeps, settings, ReconstructionBenchmark.LOG);
		double reconstructionSeconds = (System.nanoTime() - t1) * 1e-9;

		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "### %s: fit (spike weight %s, dt %s ms) vs reconstruction (seed %d)%n%n", name,
			spikeWeight, dt, seed));
		md.append(String.format(Locale.ROOT, "Fit %.0f s, multipliers %s; reconstruction %.0f s, state dimension %d.%n%n",
			fitSeconds, PinskyRinzelGlobalBenchmark.round(fit.multipliers()), reconstructionSeconds, r.active.length));
		md.append("| held-out sweep | I (pA) | recorded spikes (rate, Hz) | fit: spikes (rate, Hz) | reconstruction: rate (Hz) | " +
			"recorded rate as the reconstruction counts it (Hz) | closer |\n|---|---|---|---|---|---|---|\n");
		List<double[]> points = new ArrayList<>(); // I, recorded, fit, reconstruction (Hz)
		int fitWithin = 0, recWithin = 0, spiking = 0, fitSilent = 0, recSilent = 0, silent = 0;
		double fitError = 0, recError = 0;
		for (HeldOutCheck.Prediction p : r.heldOut.predictions()) {
			int s = Integer.parseInt(p.name.replace("sweep ", "").trim());
			double rec = recordedRate[s], f = fitRate[s], m = 1000 * p.predictedRate;
			points.add(new double[] { p.parameter, rec, f, m, 1000 * p.recordedRate });
			double ef = Math.abs(f - rec), em = Math.abs(m - rec);
			fitError += ef;
			recError += em;
			if (rec > 0) {
				spiking++;
				if (ef <= 0.2 * rec) fitWithin++;
				if (em <= 0.2 * rec) recWithin++;
			}
			else {
				silent++;
				if (f == 0) fitSilent++;
				if (m == 0) recSilent++;
			}
			md.append(String.format(Locale.ROOT, "| %d | %.0f | %d (%.1f) | %d (%.1f) | %.1f | %.1f | %s |%n", s, p.parameter,
				recordedSpikes[s], rec, fitSpikes[s], f, m, 1000 * p.recordedRate, ef < em ? "fit" : em < ef ? "reconstruction" : "tie"));
		}
		md.append(String.format(Locale.ROOT, "%nHeld out: rate within 20%% of the recorded one at %d (fit) and %d (reconstruction) " +
			"of %d spiking sweeps; silent where the cell is silent at %d and %d of %d; summed rate error %.1f Hz (fit) and %.1f Hz " +
			"(reconstruction).%n%n", fitWithin, recWithin, spiking, fitSilent, recSilent, silent, fitError, recError));
		String figure = out.getFileName().toString().replace(".md", "") + "-" + name.replace(".abf", "") + "-fit-vs-reconstruction";
		ResultFiles.save(out.toAbsolutePath().getParent().toFile(), figure, plot(name, points, recordedRate, fitRate, family));
		md.append("![held-out firing rates](").append(figure).append(".png)\n\n");
		Files.writeString(out, md, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		System.out.print(md);
	}

	/** Firing rate against step current: recorded (all sweeps), and on the held-out sweeps the fit's and the reconstruction's. */
	static Plot plot(String name, List<double[]> held, double[] recorded, double[] fit, StepFamily family) {
		Plot plot = new Plot("Held-out sweeps of " + name + ": fit vs reconstruction", "step current (pA)", "firing rate (Hz)");
		double[] allI = new double[recorded.length];
		for (int s = 0; s < allI.length; s++) allI[s] = 1000 * family.current(s);
		double[] i = new double[held.size()], rec = new double[held.size()], f = new double[held.size()], m = new double[held.size()];
		for (int k = 0; k < i.length; k++) {
			i[k] = held.get(k)[0];
			rec[k] = held.get(k)[1];
			f[k] = held.get(k)[2];
			m[k] = held.get(k)[3];
		}
		plot.setColor(Color.GRAY);
		plot.addPoints(allI, recorded, Plot.LINE);
		plot.setColor(Color.BLACK);
		plot.addPoints(i, rec, Plot.CIRCLE);
		plot.setColor(Color.BLUE);
		plot.addPoints(i, f, Plot.BOX);
		plot.setColor(Color.RED);
		plot.addPoints(i, m, Plot.TRIANGLE);
		plot.setColor(Color.BLACK);
		plot.setLegend("recorded (all sweeps)\trecorded (held out)\tconductance fit\treconstruction", Plot.AUTO_POSITION);
		plot.setLimitsToFit(false);
		return plot;
	}

	private FitVersusReconstructionBenchmark() {}
}
