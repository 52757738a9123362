package org.neurodynamics.service;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.RecordedWaveform;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.core.io.AbfFile;

/** Reads a current-clamp step family from an ABF recording, and chooses its sweeps. */
public final class StepFamilies {

	private StepFamilies() {}

	/**
	 * Every sweep of {@code channel} with the command waveform that was played into the cell
	 * (injected into compartment 0), simulated at {@code dt} ms for {@code duration} ms from the
	 * start of each sweep (0: the whole sweep).
	 */
	public static StepFamily fromAbf(File file, int channel, double dt, double duration) {
		if (file == null || file.getPath().isEmpty()) throw new UserInputException("Fitting a step family needs the ABF " +
			"recording; choose the file.");
		if (!file.isFile()) throw new UserInputException("The ABF file '" + file + "' does not exist.");
		AbfFile abf = AbfFiles.read(file);
		if (channel < 0 || channel >= abf.channelCount()) throw new UserInputException("'" + file.getName() + "' has channels " +
			"0.." + (abf.channelCount() - 1) + "; there is no channel " + channel + ".");
		double vScale = "mV".equals(abf.adcUnit(channel).trim()) ? 1 : "V".equals(abf.adcUnit(channel).trim()) ? 1000 : Double.NaN;
		if (Double.isNaN(vScale)) throw new UserInputException("Channel " + channel + " of '" + file.getName() + "' is in '" +
			abf.adcUnit(channel) + "', not a membrane voltage: fit a current-clamp recording (mV).");
		int dac = abf.stimulusDac(channel);
		if (dac < 0 || !abf.hasFixedSweepLength()) throw new UserInputException("'" + file.getName() + "' plays no command " +
			"waveform with sweeps of one length, so there is no step family to fit; fit a single trace instead.");
		double iScale = CommandWaveform.currentScale(abf.dacUnit(dac));
		if (Double.isNaN(iScale)) throw new UserInputException("The command of '" + file.getName() + "' is in '" +
			abf.dacUnit(dac) + "', not a current: the recording is not current clamp.");
		double[] levels = abf.stepLevels(dac).levels();
		if (!abf.stepLevels(dac).isStepped()) throw new UserInputException("The command of '" + file.getName() + "' does not " +
			"step from sweep to sweep; a step family needs a protocol whose step level changes per sweep.");
		double sampleDt = abf.sampleIntervalMs();
		double length = (abf.sweepLength(0) - 1) * sampleDt;
		if (duration > length + 1e-9) throw new UserInputException("The fitted time (" + duration + " ms) is longer than " +
			"the sweeps (" + length + " ms); give at most " + length + " ms, or 0 for whole sweeps.");
		double fitted = duration > 0 ? duration : length;
		List<Protocol> protocols = new ArrayList<>();
		List<float[]> voltages = new ArrayList<>();
		double[] currents = new double[abf.sweepCount()];
		int[] window = abf.stepWindow(0, dac);
		if (window[0] * sampleDt >= fitted) throw new UserInputException("The step starts at " + window[0] * sampleDt +
			" ms, after the fitted time of " + fitted + " ms; fit a longer time.");
		for (int s = 0; s < abf.sweepCount(); s++) {
			float[] command = abf.commandWaveform(s, dac);
			for (int i = 0; i < command.length; i++) command[i] *= (float) iScale;
			protocols.add(new Protocol(List.of(new Injection(0, new RecordedWaveform(command, sampleDt, 0))), dt, fitted));
			float[] v = abf.sweep(s, channel);
			int n = Math.min(v.length, (int) Math.floor(fitted / sampleDt + 1e-9) + 1);
			float[] cut = new float[n];
			for (int i = 0; i < n; i++) cut[i] = (float) (v[i] * vScale);
			voltages.add(cut);
			currents[s] = levels[s] * iScale;
		}
		return new StepFamily(protocols, voltages, currents, sampleDt, window[0], Math.min(window[1],
			voltages.get(0).length));
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
