package org.neurodynamics.service;

import java.util.List;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.SimulationResult;
import org.neurodynamics.core.fit.FitListener;
import org.neurodynamics.core.fit.FitOptions;
import org.neurodynamics.core.fit.FitResult;
import org.neurodynamics.core.fit.HomeostasisResult;
import org.neurodynamics.core.trace.Trace;
import org.scijava.service.SciJavaService;

/**
 * Compartmental models tuned with gradient diffusion (Landsmeer et al. 2024): builds the
 * built-in or reconstructed (SWC) models, simulates them under a stimulus with voltage
 * sensitivities, fits their conductances to a voltage trace and runs homeostatic control.
 * Parameters are named as the model names them ("gNa", "gK(axon)"); compartments by label
 * ("soma", "axon[3]") or index.
 */
public interface GradientTuningService extends SciJavaService {

	String HH_AXON = "HH axon (paper)", PINSKY_RINZEL = "Pinsky-Rinzel", HH_COMPARTMENT = "HH single compartment",
		SWC = "SWC morphology", CORTICAL = "Cortical neuron (Na, K, M, leak)";

	String[] MODELS = { HH_AXON, PINSKY_RINZEL, HH_COMPARTMENT, CORTICAL, SWC };

	/** Channel sets a region of an SWC morphology can have. */
	String HH_CHANNELS = "Hodgkin-Huxley (Na, K, leak)", PASSIVE = "Passive (leak)",
		PR_SOMA = "Pinsky-Rinzel soma (Na, KDR, leak)", PR_DENDRITE = "Pinsky-Rinzel dendrite (Ca, KC, KAHP, leak)";

	String[] CHANNEL_SETS = { HH_CHANNELS, PASSIVE, PR_SOMA, PR_DENDRITE };

	String NONE = "None", STEP = "Current step", PULSES = "Pulse train", NOISE = "Noise (Ornstein-Uhlenbeck)",
		WAVEFORM = "Recorded waveform (ABF command)";

	String[] STIMULI = { STEP, PULSES, NOISE, WAVEFORM, NONE };

	String ADAM = "Adam (gradient diffusion)", ADAM_FD = "Adam (finite differences)", CMA_ES = "CMA-ES";

	String[] OPTIMISERS = { ADAM, ADAM_FD, CMA_ES };

	/** Builds the chosen model; for an SWC morphology, with per-region parameters such as "gNa(soma)". */
	CableModel model(ModelRequest request);

	/**
	 * The model's default parameters changed by {@code values}: comma-separated
	 * "name=value" (in the parameter's unit) or "name*factor" (a multiple of the default),
	 * e.g. "gNa=0.15, gK*0.8". Empty: the defaults.
	 */
	double[] parameterValues(CableModel model, String values);

	/** Indices of comma-separated parameter names; empty or "conductances": every conductance density (S/cm^2). */
	int[] parameters(CableModel model, String names);

	/** Indices of comma-separated compartment labels or indices; "all" for every compartment. */
	int[] compartments(CableModel model, String spec);

	/** The stimulus injected into the model for {@code duration} ms with time step {@code dt}. */
	Protocol protocol(CableModel model, StimulusRequest stimulus, double dt, double duration);

	/** Simulates and records the voltage (and dV/dtheta of {@code sensitivities}) at {@code record}. */
	SimulationResult simulate(CableModel model, double[] theta, Protocol protocol, int[] record, int[] sensitivities,
		Progress progress);

	/** One voltage trace (ms, mV) per recorded compartment. */
	List<Trace> voltageTraces(SimulationResult result);

	/** One sensitivity trace per recorded compartment and parameter, compartment-major. */
	List<Trace> sensitivityTraces(SimulationResult result);

	/**
	 * Fits parameters {@code fitted} of the model, starting at {@code start}, so that the
	 * voltage at compartment {@code recordAt} follows {@code target} under the stimulus.
	 * The target's units are converted to ms and mV; it must cover the stimulus (a recorded
	 * waveform must last as long as the target). {@code duration} 0 fits the whole target.
	 * A simulation that blows up ends the fit with status UNSTABLE, a message naming the
	 * parameter values, and the best parameters found before.
	 */
	FitResult fit(CableModel model, double[] start, StimulusRequest stimulus, double dt, double duration, int recordAt,
		Trace target, int[] fitted, FitOptions options, FitListener listener, Progress progress);

	/** The target as it is fitted: time in ms, voltage in mV, cut to {@code duration} ms (0: all). */
	Trace targetInMillivolts(Trace target, double duration);

	/** Fits a prepared problem (a step family, for instance); an unstable fit returns the best point so far. */
	FitResult fit(org.neurodynamics.core.fit.FitProblem problem, FitOptions options, FitListener listener, Progress progress);

	/** Homeostatic control of {@code adapted} towards a target firing rate, spikes detected at {@code compartment}. */
	HomeostasisResult homeostasis(CableModel model, double[] theta, HomeostasisRequest request, int[] adapted,
		int compartment, Progress progress);
}
