package org.neurodynamics.service;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.batch.AbfStepFamily;
import org.neurodynamics.core.fit.StepFamily;

/** Reads a current-clamp step family from an ABF recording, and chooses its sweeps. */
public final class StepFamilies {

	private StepFamilies() {}

	/**
	 * Every sweep of {@code channel} with the command waveform that was played into the cell
	 * (injected into compartment 0), simulated at {@code dt} ms for {@code duration} ms from the
	 * start of each sweep (0: the step and a tenth of its length after it, as the protocol says).
	 */
	public static StepFamily fromAbf(File file, int channel, double dt, double duration) {
		if (file == null || file.getPath().isEmpty()) throw new UserInputException("Fitting a step family needs the ABF " +
			"recording; choose the file.");
		if (!file.isFile()) throw new UserInputException("The ABF file '" + file + "' does not exist.");
		return AbfStepFamily.read(AbfFiles.read(file), channel, dt, duration);
	}

	/**
	 * Sweeps named by "all", "even" (0, 2, 4, ...: fit on every other sweep, the odd ones held
	 * out), "odd", or a comma-separated list of sweep numbers.
	 */
	public static int[] choose(String spec, int count) {
		String s = spec == null ? "" : spec.trim().toLowerCase(java.util.Locale.ROOT);
		List<Integer> out = new ArrayList<>();
		switch (s) {
			case "": case "all":
				for (int i = 0; i < count; i++) out.add(i);
				break;
			case "even": case "every other":
				for (int i = 0; i < count; i += 2) out.add(i);
				break;
			case "odd":
				for (int i = 1; i < count; i += 2) out.add(i);
				break;
			default:
				for (String t : s.split("[,; ]+")) {
					int k;
					try {
						k = Integer.parseInt(t);
					}
					catch (NumberFormatException e) {
						throw new UserInputException("Cannot read '" + t + "' in the sweeps; write all, even, odd or sweep " +
							"numbers separated by commas (0 is the first sweep).");
					}
					if (k < 0 || k >= count) throw new UserInputException("There is no sweep " + k + "; the recording has sweeps " +
						"0.." + (count - 1) + ".");
					if (!out.contains(k)) out.add(k);
				}
		}
		if (out.isEmpty()) throw new UserInputException("No sweep chosen from '" + spec + "'.");
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The sweeps not in {@code chosen}. */
	public static int[] heldOut(int[] chosen, int count) {
		List<Integer> out = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			boolean in = false;
			for (int c : chosen) in |= c == i;
			if (!in) out.add(i);
		}
		return out.stream().mapToInt(Integer::intValue).toArray();
	}
}
