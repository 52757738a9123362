package org.neurodynamics.core.batch;

import java.util.ArrayList;
import java.util.List;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.RecordedWaveform;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.core.io.AbfFile;

/** A current-clamp step family read from an ABF recording, each sweep with the command it played. */
public final class AbfStepFamily {

	/** Fraction of the step's length fitted after the step ends: the return towards rest. */
	public static final double MARGIN = 0.1;

	private AbfStepFamily() {}

	/**
	 * The time (ms from the start of a sweep) the protocol decides a fit covers: to the end of
	 * the stepped epoch plus {@link #MARGIN} of its length, within the sweep; the whole sweep
	 * when nothing steps. Later epochs (a test pulse, a second step) are left out.
	 */
	public static double protocolDuration(AbfFile abf, int sweep, int dac) {
		int n = abf.sweepLength(sweep);
		int[] w = abf.stepWindow(sweep, dac);
		double dt = abf.sampleIntervalMs(), length = (n - 1) * dt;
		if (w[0] == 0 && w[1] >= n) return length;
		return Math.min(length, (w[1] + MARGIN * (w[1] - w[0])) * dt);
	}

	/**
	 * Every sweep of {@code channel} with the command waveform that was played into the cell
	 * (injected into compartment 0), simulated at {@code dt} ms for {@code duration} ms from the
	 * start of each sweep (0: as the protocol decides, {@link #protocolDuration}).
	 */
	public static StepFamily read(AbfFile abf, int channel, double dt, double duration) {
		String name = abf.path().getFileName().toString();
		if (channel < 0 || channel >= abf.channelCount()) throw new UserInputException("'" + name + "' has channels " +
			"0.." + (abf.channelCount() - 1) + "; there is no channel " + channel + ".");
		double vScale = voltageScale(abf.adcUnit(channel));
		if (Double.isNaN(vScale)) throw new UserInputException("Channel " + channel + " of '" + name + "' is in '" +
			abf.adcUnit(channel) + "', not a membrane voltage: fit a current-clamp recording (mV).");
		int dac = abf.stimulusDac(channel);
		if (dac < 0 || !abf.hasFixedSweepLength()) throw new UserInputException("'" + name + "' plays no command " +
			"waveform with sweeps of one length, so there is no step family to fit; fit a single trace instead.");
		double iScale = currentScale(abf.dacUnit(dac));
		if (Double.isNaN(iScale)) throw new UserInputException("The command of '" + name + "' is in '" +
			abf.dacUnit(dac) + "', not a current: the recording is not current clamp.");
		double[] levels = abf.stepLevels(dac).levels();
		if (!abf.stepLevels(dac).isStepped()) throw new UserInputException("The command of '" + name + "' does not " +
			"step from sweep to sweep; a step family needs a protocol whose step level changes per sweep.");
		double sampleDt = abf.sampleIntervalMs();
		double length = (abf.sweepLength(0) - 1) * sampleDt;
		if (duration > length + 1e-9) throw new UserInputException("The fitted time (" + duration + " ms) is longer than " +
			"the sweeps (" + length + " ms); give at most " + length + " ms, or 0 for whole sweeps.");
		double fitted = duration > 0 ? duration : protocolDuration(abf, 0, dac);
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

	/** mV per unit of a voltage, NaN for anything else. */
	public static double voltageScale(String unit) {
		switch (unit == null ? "" : unit.trim()) {
			case "mV": return 1;
			case "V": return 1000;
			default: return Double.NaN;
		}
	}

	/** nA per unit of a current, NaN for anything else. */
	public static double currentScale(String unit) {
		switch (unit == null ? "" : unit.trim()) {
			case "pA": return 1e-3;
			case "nA": return 1;
			case "uA": case "\u00b5A": return 1e3;
			case "A": return 1e9;
			default: return Double.NaN;
		}
	}
}
