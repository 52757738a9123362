package org.neurodynamics.service;

import java.io.File;

/**
 * The current injected into a compartmental model: a {@link StimulusKind} with its settings.
 * Currents in nA, times in ms. Commands fill it from their parameters with the setters, one
 * per group of settings.
 */
public final class StimulusRequest {

	public StimulusKind kind = StimulusKind.PULSES;
	/** Step or pulse amplitude, or the mean of the noise (nA). */
	public double amplitude = 0.2;
	/** Start of the step or the first pulse (ms). */
	public double start = 10;
	/** Length of the step (ms). */
	public double duration = 100;
	/** Pulse period and width (ms). */
	public double period = 100, width = 5;
	/** Noise standard deviation (nA) and correlation time (ms), and its random seed. */
	public double sd = 0.1, tau = 5;
	public long seed = 1;
	/** ABF recording whose command waveform is played, its sweep and DAC (-1: the DAC that stimulates {@code channel}). */
	public File file;
	public int sweep = 0, dac = -1, channel = 0;
	/** Compartment the current goes into: a label ("soma") or an index. */
	public String injectAt = "soma";

	public StimulusRequest() {}

	/** A stimulus of the kind a menu label names, of {@code amplitude} nA, into compartment {@code injectAt}. */
	public StimulusRequest(String kind, double amplitude, String injectAt) {
		this.kind = StimulusKind.of(kind);
		this.amplitude = amplitude;
		this.injectAt = injectAt;
	}

	/** Start of the step or the first pulse, and the length of the step (ms). */
	public StimulusRequest step(double start, double duration) {
		this.start = start;
		this.duration = duration;
		return this;
	}

	/** Time between pulse onsets and the pulse width (ms). */
	public StimulusRequest pulses(double period, double width) {
		this.period = period;
		this.width = width;
		return this;
	}

	/** Standard deviation (nA), correlation time (ms) and seed of Ornstein-Uhlenbeck noise around the amplitude. */
	public StimulusRequest noise(double sd, double tau, long seed) {
		this.sd = sd;
		this.tau = tau;
		this.seed = seed;
		return this;
	}

	/** The ABF recording whose command waveform is played: sweep, DAC (-1: the one that stimulates the channel). */
	public StimulusRequest waveform(File file, int sweep, int dac, int channel) {
		this.file = file;
		this.sweep = sweep;
		this.dac = dac;
		this.channel = channel;
		return this;
	}
}
