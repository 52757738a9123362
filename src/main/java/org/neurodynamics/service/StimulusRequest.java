package org.neurodynamics.service;

import java.io.File;

/**
 * The current injected into a compartmental model: one of
 * {@link GradientTuningService#STIMULI} with its settings. Currents in nA, times in ms.
 * Commands fill it from their parameters.
 */
public final class StimulusRequest {

	public String kind = GradientTuningService.PULSES;
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
}
