package org.neurodynamics.core.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.trace.Trace;

/**
 * A recording read from an Axon Binary Format file: samples of every channel in physical
 * units, split into sweeps, with the channel names and units and each DAC's epoch table.
 * Channels, sweeps and DACs are numbered from 0, as in Clampfit's file header and pyABF.
 * Read one with {@link AbfReader#read(Path)}.
 */
public final class AbfFile {

	private final Path path;
	private final AbfHeader header;
	private final float[][] data;
	private final int[] sweepStarts;
	private final int[] sweepLengths;
	private final boolean fixedSweepLength;

	AbfFile(Path path, AbfHeader header, float[][] data, int[] sweepStarts, int[] sweepLengths) {
		this.path = path;
		this.header = header;
		this.data = data;
		this.sweepStarts = sweepStarts;
		this.sweepLengths = sweepLengths;
		boolean fixed = true;
		for (int len : sweepLengths) fixed &= len == sweepLengths[0];
		// Once: it is asked per sweep, and would make reading many sweeps quadratic.
		this.fixedSweepLength = fixed;
	}

	public Path path() { return path; }

	/** File name without the .abf extension. */
	public String name() {
		String n = path.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot > 0 ? n.substring(0, dot) : n;
	}

	/** Format version, e.g. "1.8.4.0" or "2.6.0.0". */
	public String version() { return header.version; }

	/** ABF acquisition mode: 1 event-driven variable length, 2 oscilloscope, 3 gap-free, 4 high-speed oscilloscope, 5 episodic. */
	public int operationMode() { return header.operationMode; }

	/** Path of the Clampex protocol file, empty when not recorded. */
	public String protocolPath() { return header.protocolPath; }

	public double sampleRate() { return 1e6 / header.sampleIntervalUs; }
	public double sampleIntervalMs() { return header.sampleIntervalUs / 1000; }
	public int channelCount() { return header.channelCount; }
	public int sweepCount() { return sweepLengths.length; }

	public String adcName(int channel) { return header.adcNames[checkChannel(channel)]; }
	public String adcUnit(int channel) { return header.adcUnits[checkChannel(channel)]; }

	public int dacCount() { return header.dacNames.length; }
	public String dacName(int dac) { return header.dacNames[checkDac(dac)]; }
	public String dacUnit(int dac) { return header.dacUnits[checkDac(dac)]; }
	public double holdingLevel(int dac) { return header.dacHolding[checkDac(dac)]; }

	/** Whether the DAC plays out its epoch table (rather than nothing or a stimulus file). */
	public boolean hasEpochWaveform(int dac) { return header.epochWaveform[checkDac(dac)]; }

	/** The epoch table of a DAC, without "Off" epochs; empty when it has none. */
	public List<AbfEpoch> epochs(int dac) {
		List<AbfEpoch> on = new ArrayList<>();
		for (AbfEpoch e : header.epochsByDac.get(checkDac(dac)))
			if (e.type() != AbfEpochType.OFF) on.add(e);
		return Collections.unmodifiableList(on);
	}

	/** Number of samples per channel in sweep {@code sweep}. */
	public int sweepLength(int sweep) { return sweepLengths[checkSweep(sweep)]; }

	/** Whether all sweeps have the same length (not so for variable-length event-driven recordings). */
	public boolean hasFixedSweepLength() {
		return fixedSweepLength;
	}

	/** Samples of one channel in one sweep, in the channel's units. */
	public float[] sweep(int sweep, int channel) {
		checkChannel(channel);
		checkSweep(sweep);
		return Arrays.copyOfRange(data[channel], sweepStarts[sweep], sweepStarts[sweep] + sweepLengths[sweep]);
	}

	/** All samples of one channel, sweeps one after another. */
	public float[] channelData(int channel) {
		return data[checkChannel(channel)].clone();
	}

	/**
	 * The DAC whose epoch waveform stimulates {@code channel}: the DAC of the same number when
	 * it plays an epoch table, else the first DAC that does; -1 when none does.
	 */
	public int stimulusDac(int channel) {
		checkChannel(channel);
		if (channel < dacCount() && header.epochWaveform[channel]) return channel;
		for (int d = 0; d < dacCount(); d++)
			if (header.epochWaveform[d]) return d;
		return -1;
	}

	/** Step levels of the DAC stimulating channel 0; see {@link #stepLevels(int)}. */
	public StepLevels stepLevels() {
		return stepLevels(stimulusDac(0));
	}

	/**
	 * Per sweep, the level of the main step epoch of a DAC: the first epoch whose level
	 * changes across sweeps (non-zero delta level). All NaN when no epoch does, when the DAC
	 * plays no epoch table, or when {@code dac} is -1.
	 */
	public StepLevels stepLevels(int dac) {
		double[] levels = new double[sweepCount()];
		Arrays.fill(levels, Double.NaN);
		if (dac < 0) return new StepLevels(-1, "", "", levels);
		String unit = dacUnit(dac);
		if (!header.epochWaveform[dac]) return new StepLevels(dac, unit, "", levels);
		for (AbfEpoch e : epochs(dac)) {
			if (e.deltaLevel() == 0 || !Double.isFinite(e.deltaLevel())) continue;
			for (int s = 0; s < levels.length; s++) levels[s] = e.level(s);
			return new StepLevels(dac, unit, e.letter(), levels);
		}
		return new StepLevels(dac, unit, "", levels);
	}

	/**
	 * The command waveform a DAC played during a sweep, one value per sample, in the DAC's
	 * units. Holding level throughout when the DAC plays no epoch table or the sweeps have
	 * variable lengths (Clampex plays no epochs then).
	 */
	public float[] commandWaveform(int sweep, int dac) {
		int length = sweepLength(sweep);
		double holding = holdingLevel(dac);
		if (!header.epochWaveform[dac] || !hasFixedSweepLength()) {
			float[] flat = new float[length];
			Arrays.fill(flat, (float) holding);
			return flat;
		}
		return AbfWaveform.sweep(header.epochsByDac.get(dac), sweep, length, holding, header.keepLastLevel[dac]);
	}

	/**
	 * Samples [from, to) of a sweep during which the DAC plays its stepped epoch (the one
	 * whose level changes across sweeps), so that a trace can keep only the stretch where
	 * the control parameter is constant; the whole sweep when nothing steps.
	 */
	public int[] stepWindow(int sweep, int dac) {
		int length = sweepLength(checkSweep(sweep));
		if (dac < 0 || !header.epochWaveform[dac] || !hasFixedSweepLength()) return new int[] { 0, length };
		for (AbfEpoch e : epochs(dac))
			if (e.deltaLevel() != 0 && Double.isFinite(e.deltaLevel()))
				return AbfWaveform.window(header.epochsByDac.get(dac), e, sweep, length);
		return new int[] { 0, length };
	}

	/** {@link #traces(int)} restricted to each sweep's stepped epoch (see {@link #stepWindow}). */
	public List<Trace> stepTraces(int channel) {
		int dac = stimulusDac(channel);
		List<Trace> whole = traces(channel), out = new ArrayList<>(whole.size());
		for (int s = 0; s < whole.size(); s++) {
			int[] w = stepWindow(s, dac);
			out.add(whole.get(s).slice(w[0], w[1]));
		}
		return out;
	}

	/**
	 * One trace per sweep of a channel, named "&lt;file&gt; sweep N ch C" (0-based), with time in
	 * ms and, as control parameter, the sweep's step level when the protocol steps one; then
	 * the command waveform the sweep was recorded under is the trace's stimulus (unless it
	 * holds epochs this reader cannot draw: the voltage is still read).
	 */
	public List<Trace> traces(int channel) {
		checkChannel(channel);
		int dac = stimulusDac(channel);
		StepLevels steps = stepLevels(dac);
		List<Trace> traces = new ArrayList<>(sweepCount());
		for (int s = 0; s < sweepCount(); s++) {
			Trace t = new Trace(name() + " sweep " + s + " ch " + channel, sweep(s, channel), sampleIntervalMs(), "ms",
				adcUnit(channel), steps.level(s), steps.parameterName());
			float[] command = Double.isNaN(steps.level(s)) ? null : commandWaveform(s, dac);
			traces.add(command != null && allFinite(command) ? t.withStimulus(command) : t);
		}
		return traces;
	}

	private static boolean allFinite(float[] x) {
		for (float v : x)
			if (!Float.isFinite(v)) return false;
		return true;
	}

	private int checkChannel(int channel) {
		if (channel < 0 || channel >= channelCount()) throw new UserInputException("ABF file '" + path.getFileName() +
			"' has " + channelCount() + " channel(s), numbered 0 to " + (channelCount() - 1) + "; there is no channel " +
			channel + ". Choose a channel in that range.");
		return channel;
	}

	private int checkSweep(int sweep) {
		if (sweep < 0 || sweep >= sweepCount()) throw new UserInputException("ABF file '" + path.getFileName() +
			"' has " + sweepCount() + " sweep(s), numbered 0 to " + (sweepCount() - 1) + "; there is no sweep " + sweep +
			". Choose a sweep in that range.");
		return sweep;
	}

	private int checkDac(int dac) {
		if (dac < 0 || dac >= dacCount()) throw new UserInputException("ABF file '" + path.getFileName() + "' has " +
			dacCount() + " command output(s) (DACs), numbered 0 to " + (dacCount() - 1) + "; there is no DAC " + dac +
			". Choose a DAC in that range.");
		return dac;
	}

	@Override
	public String toString() {
		return "AbfFile[" + path.getFileName() + ", ABF " + version() + ", " + channelCount() + " channel(s), " +
			sweepCount() + " sweep(s), " + sampleRate() + " Hz]";
	}
}
