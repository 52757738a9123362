package org.neurodynamics.service;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.io.AbfFile;

/** A command waveform in nA, sampled every dt ms. */
final class CommandWaveform {
	final float[] samples;
	final double dt;
	final String source;
	/** Time (ms) a fit covers by default: the step and a margin, as the recording's protocol says. */
	final double protocolDuration;

	CommandWaveform(float[] samples, double dt, String source, double protocolDuration) {
		this.samples = samples;
		this.dt = dt;
		this.source = source;
		this.protocolDuration = protocolDuration;
	}

	double duration() { return (samples.length - 1) * dt; }

	/** The command waveform a request names (an ABF sweep's DAC output), in nA. */
	static CommandWaveform of(StimulusRequest s) {
		if (s.file == null || s.file.getPath().isEmpty()) throw new UserInputException("The stimulus '" + StimulusKind.WAVEFORM.label() +
			"' needs the ABF recording whose command waveform is played; choose the file.");
		if (!s.file.isFile()) throw new UserInputException("The stimulus file '" + s.file + "' does not exist.");
		AbfFile abf = AbfFiles.read(s.file);
		int dac = s.dac >= 0 ? s.dac : abf.stimulusDac(Math.min(Math.max(0, s.channel), abf.channelCount() - 1));
		if (dac < 0) throw new UserInputException("ABF file '" + s.file.getName() + "' plays no command waveform (epoch " +
			"table) on any output; give the DAC explicitly, or use a step or pulse-train stimulus.");
		String unit = abf.dacUnit(dac);
		double scale = currentScale(unit);
		if (Double.isNaN(scale)) throw new UserInputException("DAC " + dac + " of '" + s.file.getName() + "' is in '" + unit +
			"', not a current: the recording is not current clamp. Choose the DAC that injects current (pA or nA).");
		float[] w = abf.commandWaveform(s.sweep, dac);
		for (int i = 0; i < w.length; i++) w[i] *= (float) scale;
		return new CommandWaveform(w, abf.sampleIntervalMs(), s.file.getName() + " sweep " + s.sweep + " DAC " + dac,
			org.neurodynamics.core.batch.AbfStepFamily.protocolDuration(abf, s.sweep, dac));
	}

	/** nA per unit of a current, NaN for anything else. */
	static double currentScale(String unit) {
		return org.neurodynamics.core.batch.AbfStepFamily.currentScale(unit);
	}
}
