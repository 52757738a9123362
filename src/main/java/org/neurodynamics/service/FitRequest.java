package org.neurodynamics.service;

import java.io.File;

import org.neurodynamics.core.fit.FitOptions;
import org.neurodynamics.core.trace.Trace;

/**
 * A conductance fit: parameters {@code fitted} (comma-separated; empty for every conductance)
 * of a model, started from its parameter values, so that the voltage at compartment
 * {@code record} follows either one target trace under a stimulus, or the chosen sweeps of an
 * ABF step family, each under its recorded command current. Times in ms; {@code duration} 0
 * fits the whole target or sweeps.
 */
public final class FitRequest {

	public final ModelRequest model;
	public final String fitted, record;
	public final double dt, duration;
	public final FitOptions options;
	/** One target trace and the stimulus it was recorded under; null for a step family. */
	public Trace target;
	public StimulusRequest stimulus;
	/** A step family: the ABF recording, its voltage channel and the sweeps fitted ("even", "0,2,4"); null for one trace. */
	public File abf;
	public int channel;
	public String sweeps;
	/** Weight of the spike-time term of the loss (0: none) and the spike threshold (mV; NaN takes it from the recording). */
	public double spikeWeight = 0, spikeThreshold = Double.NaN;

	private FitRequest(ModelRequest model, String fitted, String record, double dt, double duration, FitOptions options) {
		this.model = model;
		this.fitted = fitted;
		this.record = record;
		this.dt = dt;
		this.duration = duration;
		this.options = options;
	}

	/** A fit to one target trace (any time and voltage units) recorded under {@code stimulus}. */
	public static FitRequest toTrace(ModelRequest model, String fitted, String record, Trace target, StimulusRequest stimulus,
		double dt, double duration, FitOptions options)
	{
		FitRequest r = new FitRequest(model, fitted, record, dt, duration, options);
		r.target = target;
		r.stimulus = stimulus;
		return r;
	}

	/** A fit to the sweeps {@code sweeps} of the step family in channel {@code channel} of an ABF recording. */
	public static FitRequest toStepFamily(ModelRequest model, String fitted, String record, File abf, int channel,
		String sweeps, double dt, double duration, FitOptions options)
	{
		FitRequest r = new FitRequest(model, fitted, record, dt, duration, options);
		r.abf = abf;
		r.channel = channel;
		r.sweeps = sweeps;
		return r;
	}

	/** Adds the spike-time term to the loss (see {@code FitProblem.withSpikeTimes}); weight 0 for none. */
	public FitRequest spikeTimes(double weight, double thresholdMv) {
		spikeWeight = weight;
		spikeThreshold = thresholdMv;
		return this;
	}

	public boolean isStepFamily() {
		return target == null;
	}
}
