package org.neurodynamics.service;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.fit.HomeostasisResult;
import org.scijava.service.SciJavaService;

/**
 * Compartmental models tuned with gradient diffusion (Landsmeer et al. 2024): simulates the
 * built-in or reconstructed (SWC) models under a stimulus with voltage sensitivities, fits
 * their conductances to a voltage trace or a step family, and runs homeostatic control. Each
 * takes one request and returns one result. Parameters are named as the model names them
 * ("gNa", "gK(axon)"); compartments by label ("soma", "axon[3]") or index.
 */
public interface GradientTuningService extends SciJavaService {

	/** Simulates the model and records the voltage (and its sensitivities) at the requested compartments. */
	SimulatedCompartments simulate(SimulationRequest request, Progress progress);

	/**
	 * Fits the requested parameters. A target trace's units are converted to ms and mV; it
	 * must cover the stimulus (a recorded waveform must last as long as the target). A
	 * simulation that blows up ends the fit with status UNSTABLE, a message naming the
	 * parameter values, and the best parameters found before; so does a cancelled fit (status
	 * CANCELLED). Then the model is simulated with the start and the fitted parameters, or
	 * for a step family every sweep with the fitted parameters.
	 */
	ConductanceFit fit(FitRequest request, Progress progress);

	/** Homeostatic control of the adapted parameters towards a target firing rate. */
	HomeostasisResult homeostasis(HomeostasisRequest request, Progress progress);
}
