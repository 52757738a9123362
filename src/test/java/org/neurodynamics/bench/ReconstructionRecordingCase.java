package org.neurodynamics.bench;

import org.neurodynamics.core.nn.MapStepper;
import static org.neurodynamics.bench.ReconstructionBenchmark.LOG;
import static org.neurodynamics.bench.ReconstructionBenchmark.overridesNote;
import static org.neurodynamics.bench.ReconstructionBenchmark.settings;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.analysis.SpikeDetector;
import org.neurodynamics.core.io.AbfFile;
import org.neurodynamics.core.io.AbfReader;
import org.neurodynamics.core.io.StepLevels;
import org.neurodynamics.core.reconstruct.ReconstructedModel;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;
import org.neurodynamics.core.trace.Trace;

/** The real-recording case of the {@link ReconstructionBenchmark}: held-out sweeps of an ABF file. */
final class ReconstructionRecordingCase {

	private ReconstructionRecordingCase() {}

	/**
	 * A real recording: current-clamp steps, the step current as control parameter,
	 * trained on every other sweep (step window only), spike count of every held-out sweep
	 * predicted by iterating the map from the state at the step onset.
	 */
	static void abf(StringBuilder md, long[] seeds) {
		AbfFile file = AbfReader.read(Paths.get("test-data/abf/17o05028_ic_steps.abf"));
		int dac = file.stimulusDac(0);
		StepLevels levels = file.stepLevels(dac);
		int[] window = stepWindow(file, dac);
		md.append("## Real recording: 17o05028_ic_steps.abf\n\n");
		md.append(String.format(Locale.ROOT, "%d current-clamp sweeps at %.0f kHz; step window samples [%d, %d) (%.0f ms), found from the command waveform. ",
			file.sweepCount(), file.sampleRate() / 1000, window[0], window[1], (window[1] - window[0]) * file.sampleIntervalMs()));
		md.append("Each sweep's step window is one trace at constant current (the step level); it starts at the step onset, so it holds the response from rest. ")
			.append("Trained on the even sweeps; for every odd (held-out) sweep the map is iterated from the state at the onset of the nearest training sweep for the window's length, ")
			.append("and the spikes of the decoded trace are counted.\nTarget: spike count per held-out sweep within 20%.\n\n");
		List<Trace> all = new ArrayList<>(), train = new ArrayList<>();
		for (int s = 0; s < file.sweepCount(); s++) {
			float[] x = Arrays.copyOfRange(file.sweep(s, 0), window[0], window[1]);
			Trace t = new Trace("sweep " + s, x, file.sampleIntervalMs(), "ms", file.adcUnit(0), levels.level(s), "I (pA)");
			all.add(t);
			if (s % 2 == 0) train.add(t);
		}
		SpikeDetector detector = new SpikeDetector().withAbsoluteThreshold(-20);
		for (long seed : seeds) {
			ReconstructionSettings settings = settings(seed);
			long t0 = System.nanoTime();
			Reconstruction.Result r = Reconstruction.run(train, settings, LOG);
			double seconds = (System.nanoTime() - t0) / 1e9;
			ReconstructedModel m = r.model;
			md.append(String.format(Locale.ROOT, "### Seed %d%n%nReconstruction %.0f s (%s; state dimension %d).%s%n%n", seed, seconds, r.embedding, r.active.length, overridesNote()));
			md.append("| sweep | I (pA) | seen | spikes recorded | spikes predicted | error |\n|---|---|---|---|---|---|\n");
			int ok = 0, held = 0;
			for (int s = 0; s < all.size(); s++) {
				Trace t = all.get(s);
				int recorded = detector.detect(t.samples()).count();
				int nearest = s % 2 == 0 ? s : (s + 1 < all.size() ? s + 1 : s - 1);
				float[] predictedTrace = predictFromOnset(m, all.get(nearest), t.parameter(), t.length());
				int predicted = detector.detect(predictedTrace).count();
				boolean within = recorded == 0 ? predicted == 0 : Math.abs(predicted - recorded) <= 0.2 * recorded;
				if (s % 2 == 1) {
					held++;
					if (within) ok++;
				}
				md.append(String.format(Locale.ROOT, "| %d | %.0f | %s | %d | %d | %s |%n", s, t.parameter(), s % 2 == 0 ? "yes" : "", recorded, predicted,
					within ? "within 20%" : "**off**"));
			}
			md.append(String.format(Locale.ROOT, "%nHeld-out sweeps predicted within 20%%: %d/%d. Target all: %s.%n%n", ok, held, ok == held ? "**met**" : "**not met**"));
		}
	}

	/** Samples [from, to) of the longest epoch whose level changes across sweeps. */
	static int[] stepWindow(AbfFile file, int dac) {
		int best = -1;
		double bestLevel = 0;
		for (int s = 0; s < file.sweepCount(); s++) {
			double l = Math.abs(file.stepLevels(dac).level(s));
			if (l > bestLevel) {
				bestLevel = l;
				best = s;
			}
		}
		float[] cmd = file.commandWaveform(best, dac);
		return org.neurodynamics.core.trace.Trace.longestRunAt(cmd, file.stepLevels(dac).level(best), cmd.length);
	}

	/** Iterates the map at p from the recovered state at the start of {@code onset}; decoded, {@code length} samples in input units. */
	static float[] predictFromOnset(ReconstructedModel m, Trace onset, double p, int length) {
		int s = m.subsampling();
		org.neurodynamics.core.embed.DelayEmbedding e = new org.neurodynamics.core.embed.DelayEmbedding(java.util.Collections.singletonList(onset),
			m.layout(), s, m.normalisation());
		float[] u = m.autoencoder().encodeMean(e, m.activeCoordinates(), org.neurodynamics.core.Progress.NONE)[0];
		float[] x = onset.subsample(s).samples();
		int n0 = m.layout().span();
		float[] pp = { (float) p };
		int steps = (length + s - 1) / s - n0;
		float[][] states = new float[steps][];
		org.neurodynamics.core.nn.MapStepper stepper = m.map().stepper(1);
		for (int t = 0; t < steps; t++) {
			states[t] = u.clone();
			stepper.step(u, pp);
		}
		float[] decoded = m.decodeObserved(states);
		float[] out = new float[n0 + steps];
		System.arraycopy(x, 0, out, 0, n0);
		System.arraycopy(decoded, 0, out, n0, steps);
		return out;
	}
}
