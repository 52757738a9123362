package org.neurodynamics.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CorticalCurrent;
import org.neurodynamics.core.fit.CurrentSetChoice;
import org.neurodynamics.core.fit.FitOptions;
import org.neurodynamics.core.fit.FitStart;
import org.neurodynamics.core.fit.HeldOutSweeps;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.service.DefaultGradientTuningService;
import org.neurodynamics.service.StepFamilies;

/**
 * Which currents a recorded cell needs: the cortical cell with each candidate set of extra
 * currents ({@link CorticalCurrent}) fitted by the plugin's step-family fit
 * ({@code StepFamilyFit}: passive stage on the quiet sweeps, then the rest with the smoothed
 * voltage term) to the even sweeps of an ABF step family; every set's error on the odd,
 * held-out sweeps ({@link CurrentSetChoice}, as Fit Conductances with extra currents "auto"). Fitted: cm, eL and every conductance. Spikes are counted by the
 * family's detector ({@link StepFamily#spikes}). Appends one table row per set to the
 * results file. One thread.
 *
 * <pre>
 * java -cp ... org.neurodynamics.bench.ChannelSetBenchmark FILE.abf RESULTS.md [iterations] [dt] [starts] [sets]
 * </pre>
 * sets: semicolon-separated, e.g. "none;NaP;H;H,CaK" (default: none, each current alone, H with each other).
 */
public final class ChannelSetBenchmark {

	public static void main(String[] args) throws IOException {
		File file = new File(args[0]);
		Path out = Path.of(args[1]);
		int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 60;
		double dt = args.length > 3 ? Double.parseDouble(args[3]) : 0.1;
		int starts = args.length > 4 ? Integer.parseInt(args[4]) : 8;
		String sets = args.length > 5 ? args[5] : "none;NaP;Kv3;A;H;CaK;H,NaP;H,Kv3;H,A;H,CaK";
		// the spike-time term at this weight (the macro's 0.1 needs dt 0.025 ms or less: bench/results/fit-loss-2026-12-07.md)
		double spikeWeight = args.length > 6 ? Double.parseDouble(args[6]) : 0;
		StepFamily family = StepFamilies.fromAbf(file, 0, dt, 0);
		int[] fit = StepFamilies.choose("even", family.size());
		double rest = family.restingPotential();
		List<float[]> recorded = new ArrayList<>();
		int[] recordedSpikes = new int[family.size()];
		for (int s = 0; s < family.size(); s++) {
			recorded.add(family.voltage(s));
			recordedSpikes[s] = family.spikes(recorded.get(s));
		}
		append(out, String.format(Locale.ROOT, "%n### %s: %d sweeps (%.0f..%.0f pA), rest %.1f mV, %.0f ms at dt %s; " +
			"%d Adam steps per stage, %d starts, 20 polish steps%s%n%n", file.getName(), family.size(), family.current(0) * 1000,
			family.current(family.size() - 1) * 1000, rest, family.protocol(0).steps() * dt, dt, iterations, starts,
			spikeWeight > 0 ? ", spike-time term at weight " + spikeWeight : ""));
		append(out, "| currents | parameters | loss (mV^2) | held-out spiking counts right | held-out quiet: steady state off by " +
			"(max, mean) | held-out counts recorded/model | held-out steady state recorded/model (mV) | on a bound | s |\n" +
			"|---|---|---|---|---|---|---|---|---|\n");
		List<Set<CorticalCurrent>> candidates = new ArrayList<>();
		for (String spec : sets.split(";")) candidates.add(CorticalCurrent.parse(spec));
		FitOptions o = new FitOptions().iterations(iterations).curriculum(1, 0).start(FitStart.MULTI_START)
			.multiStart(starts, 5, 2, 0.5, 2).polish(20).threads(1);
		CurrentSetChoice choice = CurrentSetChoice.fit(family, candidates, fit, 0, CableModel::defaults,
			ChannelSetBenchmark::conductancesCmAndEl, o,
			q -> spikeWeight > 0 ? q.withSpikeTimes(spikeWeight, Double.NaN, DefaultGradientTuningService.SPIKE_TAU) : q,
			Progress.NONE);
		for (CurrentSetChoice.Trial t : choice.trials) {
			StringBuilder counts = new StringBuilder(), steady = new StringBuilder();
			for (int s = 1; s < family.size(); s += 2) {
				float[] sim = t.simulated.get(s);
				counts.append(counts.length() > 0 ? " " : "").append(recordedSpikes[s]).append('/').append(sim == null ? -1 : family.spikes(sim));
				steady.append(steady.length() > 0 ? " " : "").append(String.format(Locale.ROOT, "%.1f/%.1f",
					family.steadyState(recorded.get(s)), sim == null ? Double.NaN : family.steadyState(sim)));
			}
			HeldOutSweeps h = t.heldOut;
			append(out, String.format(Locale.ROOT, "| %s%s | %d | %.4g | %d of %d | %s | %s | %s | %s | %.0f |%n", t.label(),
				t == choice.best ? " (kept)" : "", t.result.parameterNames().length, t.result.loss(), h.countsRight, h.spiking,
				h.quiet == 0 ? "-" : String.format(Locale.ROOT, "%.1f, %.1f mV", h.worstSteadyError, h.meanSteadyError), counts, steady,
				t.onBound.isEmpty() ? "-" : t.onBound.size() + " (" + String.join("; ", t.onBound) + ")", t.seconds));
			System.out.printf(Locale.ROOT, "%s: loss %.4g, %s, %s, %.0f s%n", t.label(), t.result.loss(), h.summary(), counts, t.seconds);
		}
	}

	/** Fitted: cm, eL and every conductance. */
	private static int[] conductancesCmAndEl(CableModel model) {
		List<Integer> f = new ArrayList<>();
		for (int k = 0; k < model.parameters().size(); k++) {
			String unit = model.parameters().get(k).unit(), name = model.parameters().get(k).name();
			if (unit.equals("S/cm^2") || name.equals("cm") || name.equals("eL")) f.add(k);
		}
		return f.stream().mapToInt(Integer::intValue).toArray();
	}

	private static void append(Path out, String text) throws IOException {
		Files.writeString(out, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}
}
