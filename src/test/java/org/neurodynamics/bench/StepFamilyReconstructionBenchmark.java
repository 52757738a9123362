package org.neurodynamics.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.io.AbfFile;
import org.neurodynamics.core.io.AbfReader;
import org.neurodynamics.core.io.StepLevels;
import org.neurodynamics.core.reconstruct.HeldOutCheck;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;
import org.neurodynamics.core.reconstruct.SelfCheck;
import org.neurodynamics.core.trace.Trace;
import org.neurodynamics.results.HeldOutResults;
import org.neurodynamics.results.ResultFiles;

/**
 * Reconstruction of a real current-step family as a user runs it: the stepped epoch of every
 * sweep (found from the command waveform) at its step current, "hold out every other trace",
 * default settings unless {@code field=value} arguments override them. Appends the state
 * dimension, the self-check and the held-out predictions as markdown to a results file and
 * saves the firing-rate figure beside it.
 *
 * <pre>
 * java -cp ... org.neurodynamics.bench.StepFamilyReconstructionBenchmark results.md label file.abf seed [field=value ...]
 * </pre>
 */
public final class StepFamilyReconstructionBenchmark {

	public static void main(String[] args) throws IOException {
		Path out = Paths.get(args[0]);
		String label = args[1];
		Path abf = Paths.get(args[2]);
		long seed = Long.parseLong(args[3]);
		boolean whole = false;
		double before = Double.POSITIVE_INFINITY, after = Double.POSITIVE_INFINITY;
		for (int i = 4; i < args.length; i++) {
			String[] kv = args[i].split("=", 2);
			if (kv[0].equals("input")) {
				// whole, or around:<ms before the step>:<ms after it>
				String[] w = kv[1].split(":");
				whole = true;
				if (w[0].equals("around")) {
					before = Double.parseDouble(w[1]);
					after = Double.parseDouble(w[2]);
				}
			}
			else ReconstructionBenchmark.OVERRIDES.put(kv[0], kv[1]);
		}
		ReconstructionSettings settings = ReconstructionBenchmark.settings(seed);
		settings.holdOutEveryOther = true;
		List<Trace> sweeps = whole ? wholeSweeps(abf, before, after) : stepSweeps(abf);
		long t0 = System.nanoTime();
		Reconstruction.Result r = Reconstruction.run(sweeps, settings, ReconstructionBenchmark.LOG);
		double seconds = (System.nanoTime() - t0) / 1e9;
		String name = abf.getFileName().toString();
		StringBuilder md = new StringBuilder();
		md.append(String.format(Locale.ROOT, "### %s, %s, seed %d%n%n", name, label, seed));
		md.append(String.format(Locale.ROOT, "%.0f s; %s; state dimension %d (%s).%s%s%n%n", seconds, r.embedding, r.active.length,
			r.dimensionReason, ReconstructionBenchmark.overridesNote(), whole ? " Sweeps from " + before + " ms before the step to " + after + " ms after it, the map driven by the command waveform." : ""));
		md.append("| sweep | I (pA) | trained | recorded regime | map regime | recorded rate (Hz) | map rate (Hz) | result |\n|---|---|---|---|---|---|---|---|\n");
		int sameRegime = 0, firingTrained = 0, firesWhereCellFires = 0;
		for (SelfCheck.TraceCheck c : r.selfCheck.traces()) {
			md.append(String.format(Locale.ROOT, "| %s | %.0f | yes | %s | %s | %.1f | %.1f | %s |%n", c.name, c.parameter, c.recorded.label(),
				c.reconstructed.label(), 1000 * c.recordedRate, 1000 * c.mapRate, c.passed() ? "pass" : "fail: " + c.failure));
			if (c.sameRegime()) sameRegime++;
			if (c.recordedRate > 0) {
				firingTrained++;
				if (c.mapRate > 0) firesWhereCellFires++;
			}
		}
		int heldSpiking = 0, heldRate = 0, heldSilent = 0, heldSilentRight = 0, heldRegime = 0;
		for (HeldOutCheck.Prediction p : r.heldOut.predictions()) {
			md.append(String.format(Locale.ROOT, "| %s | %.0f | | %s | %s | %.1f | %.1f | %s |%n", p.name, p.parameter, p.recorded.label(),
				p.predicted.label(), 1000 * p.recordedRate, 1000 * p.predictedRate, p.agrees() ? "agrees" : "differs"));
			if (p.recorded.regime() == p.predicted.regime()) heldRegime++;
			if (p.recordedRate > 0) {
				heldSpiking++;
				if (Math.abs(p.predictedRate - p.recordedRate) <= 0.2 * p.recordedRate) heldRate++;
			}
			else {
				heldSilent++;
				if (p.predictedRate == 0) heldSilentRight++;
			}
		}
		int trained = r.selfCheck.traces().size(), held = r.heldOut.predictions().size();
		md.append(String.format(Locale.ROOT, "%nTrained: self-check %d of %d passed, regime class right at %d of %d, the map fires at %d of the %d "
			+ "sweeps where the cell fires. Held out: regime class right at %d of %d, firing rate within 20%% at %d of %d spiking sweeps, "
			+ "silent at %d of %d silent sweeps.%n%n", r.selfCheck.passed(), trained, sameRegime, trained, firesWhereCellFires, firingTrained,
			heldRegime, held, heldRate, heldSpiking, heldSilentRight, heldSilent));
		String figure = out.getFileName().toString().replace(".md", "") + "-" + name.replace(".abf", "") + "-" + label + "-seed" + seed;
		ResultFiles.save(out.toAbsolutePath().getParent().toFile(), figure, HeldOutResults.firingRatePlot(r));
		md.append("![firing rate](").append(figure).append(".png)\n\n");
		Files.writeString(out, md, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		System.out.print(md);
		System.out.printf(Locale.ROOT, "ROW\t%s\t%s\t%d\t%d\t%d/%d\t%d/%d\t%d/%d\t%d/%d\t%d/%d\t%d/%d\t%.0f%n", name, label, seed, r.active.length,
			r.selfCheck.passed(), trained, sameRegime, trained, firesWhereCellFires, firingTrained, heldRegime, held, heldRate, heldSpiking,
			heldSilentRight, heldSilent, seconds);
	}

	/**
	 * Every sweep from {@code before} ms before its step to {@code after} ms after it (within
	 * the sweep) with its command waveform as stimulus, the step current as parameter, in sweep order.
	 */
	static List<Trace> wholeSweeps(Path abf, double before, double after) {
		AbfFile file = AbfReader.read(abf);
		int dac = file.stimulusDac(0);
		StepLevels levels = file.stepLevels(dac);
		int[] window = ReconstructionRecordingCase.stepWindow(file, dac);
		double dt = file.sampleIntervalMs();
		List<Trace> all = new ArrayList<>();
		for (int s = 0; s < file.sweepCount(); s++) {
			int n = file.sweepLength(s);
			int from = (int) Math.max(0, window[0] - Math.min(n, before / dt)), to = (int) Math.min(n, window[1] + Math.min(n, after / dt));
			all.add(new Trace("sweep " + s, file.sweep(s, 0), dt, "ms", file.adcUnit(0), levels.level(s), "I (pA)")
				.withStimulus(file.commandWaveform(s, dac)).slice(from, to));
		}
		return all;
	}

	/** The stepped epoch of every sweep, at the step current, in sweep order. */
	static List<Trace> stepSweeps(Path abf) {
		AbfFile file = AbfReader.read(abf);
		int dac = file.stimulusDac(0);
		StepLevels levels = file.stepLevels(dac);
		int[] window = ReconstructionRecordingCase.stepWindow(file, dac);
		List<Trace> all = new ArrayList<>();
		for (int s = 0; s < file.sweepCount(); s++) {
			float[] x = Arrays.copyOfRange(file.sweep(s, 0), window[0], window[1]);
			all.add(new Trace("sweep " + s, x, file.sampleIntervalMs(), "ms", file.adcUnit(0), levels.level(s), "I (pA)"));
		}
		return all;
	}
}
