package org.neurodynamics.core.cable;

/** Constant current {@code amplitude} (nA) during [start, start + duration) ms. */
public final class CurrentStep implements Stimulus {

	private final double start, duration, amplitude;

	public CurrentStep(double start, double duration, double amplitude) {
		this.start = start;
		this.duration = duration;
		this.amplitude = amplitude;
	}

	@Override
	public double current(double t) {
		return t >= start && t < start + duration ? amplitude : 0;
	}
}
