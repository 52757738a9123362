package org.neurodynamics.core.cable;

/** Rectangular pulses of {@code amplitude} nA and {@code width} ms every {@code period} ms from {@code start}. */
public final class PulseTrain implements Stimulus {

	private final double start, width, period, amplitude;

	public PulseTrain(double start, double width, double period, double amplitude) {
		if (!(width > 0) || !(period >= width)) throw new org.neurodynamics.core.UserInputException(
			"Pulse train: width " + width + " ms and period " + period + " ms must satisfy 0 < width <= period.");
		this.start = start;
		this.width = width;
		this.period = period;
		this.amplitude = amplitude;
	}

	@Override
	public double current(double t) {
		if (t < start) return 0;
		double phase = (t - start) % period;
		return phase < width ? amplitude : 0;
	}
}
