package org.neurodynamics.core.cable;

/**
 * A recorded or designed current waveform (nA) sampled every {@code dt} ms from time
 * {@code start}, linearly interpolated to any simulation time step; zero outside.
 */
public final class RecordedWaveform implements Stimulus {

	private final float[] samples;
	private final double dt, start;

	public RecordedWaveform(float[] samples, double dt, double start) {
		if (samples.length == 0 || !(dt > 0)) throw new org.neurodynamics.core.UserInputException(
			"Current waveform: it has " + samples.length + " samples at interval " + dt +
			" ms; give at least one sample and a positive interval.");
		for (int i = 0; i < samples.length; i++) if (!Float.isFinite(samples[i]))
			throw new org.neurodynamics.core.UserInputException("Current waveform: sample " + i + " is " + samples[i] +
				"; remove or interpolate missing samples.");
		this.samples = samples.clone();
		this.dt = dt;
		this.start = start;
	}

	@Override
	public double current(double t) {
		double x = (t - start) / dt;
		if (x < 0 || x > samples.length - 1) return 0;
		int i = (int) x;
		if (i == samples.length - 1) return samples[i];
		double w = x - i;
		return samples[i] * (1 - w) + samples[i + 1] * w;
	}
}
