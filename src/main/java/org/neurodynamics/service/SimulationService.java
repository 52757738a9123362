package org.neurodynamics.service;

import java.util.List;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.model.NeuronModel;
import org.neurodynamics.core.trace.Trace;
import org.scijava.service.SciJavaService;

/** Simulates the built-in neuron models into traces, as if they had been recorded. */
public interface SimulationService extends SciJavaService {

	/**
	 * One trace of {@code variable} per control-parameter value, each from the model's
	 * initial state, sampled every {@code dt} after the transient {@code settle}, with observation
	 * noise of {@code noiseFraction} times the trace's standard deviation.
	 */
	List<Trace> simulate(NeuronModel model, int variable, double[] values, double duration, double settle,
		double dt, double noiseFraction, long seed, Progress progress);
}
