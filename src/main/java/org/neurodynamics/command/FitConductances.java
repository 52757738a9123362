package org.neurodynamics.command;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.fit.FitListener;
import org.neurodynamics.core.fit.FitMethod;
import org.neurodynamics.core.fit.FitOptions;
import org.neurodynamics.core.fit.FitResult;
import org.neurodynamics.core.fit.FitStart;
import org.neurodynamics.core.fit.FitUnstableException;
import org.neurodynamics.core.fit.Fitter;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.core.fit.StepFamilyFit;
import org.neurodynamics.results.StepFamilyResults;
import org.neurodynamics.service.StepFamilies;
import org.neurodynamics.core.trace.Trace;
import org.neurodynamics.results.TuningResults;
import org.neurodynamics.service.GradientTuningService;
import org.neurodynamics.service.ModelRequest;
import org.neurodynamics.service.StimulusRequest;
import org.neurodynamics.service.TraceInputService;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Fits the conductances of a compartmental model to a recorded (or simulated) voltage
 * trace by gradient descent with exact sensitivities (gradient diffusion, Landsmeer et al.
 * 2024), or with the finite-difference and CMA-ES baselines. The target comes from any
 * trace source; its stimulus is described like that of Simulate Compartmental Model, or is
 * the command waveform the ABF recording played in the target's sweep.
 */
@Plugin(type = Command.class, label = "Fit Conductances (Gradient Diffusion)")
public class FitConductances extends TraceInputCommand {

	static final String MULTI_START = "Multi-start, then Adam", SINGLE_START = "Initial values, then Adam",
		CMA_ES_START = "CMA-ES, then Adam";
	/** Weight and time constant (ms) of the low-pass filtered voltage term of step-family fits (see FitProblem). */
	static final double SMOOTH_WEIGHT = 10, SMOOTH_TAU = 50;

	@Parameter
	private GradientTuningService tuning;

	@Parameter(label = "Trace", description = "Which trace of the source is the target (0 = first row, column or sweep).")
	private int trace = 0;

	@Parameter(label = "Sweeps", required = false, description = "Empty: fit the one trace above. With an ABF step " +
		"recording: all, even (fit every other sweep and predict the rest), odd, or sweep numbers such as 0,2,4; each " +
		"sweep is simulated with its recorded command current.")
	private String sweeps = "";

	@Parameter(label = "Model", choices = { GradientTuningService.HH_AXON, GradientTuningService.PINSKY_RINZEL,
		GradientTuningService.HH_COMPARTMENT, GradientTuningService.CORTICAL, GradientTuningService.SWC })
	private String model = GradientTuningService.HH_AXON;

	@Parameter(label = "SWC file", required = false, description = "Morphology for the model 'SWC morphology' (e.g. saved by SNT).")
	private File swc;

	@Parameter(label = "Soma channels", choices = { GradientTuningService.HH_CHANNELS, GradientTuningService.PASSIVE,
		GradientTuningService.PR_SOMA, GradientTuningService.PR_DENDRITE }, description = "Channel set of the soma of an SWC morphology.")
	private String soma_channels = GradientTuningService.HH_CHANNELS;

	@Parameter(label = "Axon channels", choices = { GradientTuningService.HH_CHANNELS, GradientTuningService.PASSIVE,
		GradientTuningService.PR_SOMA, GradientTuningService.PR_DENDRITE }, description = "Channel set of the axon of an SWC morphology.")
	private String axon_channels = GradientTuningService.HH_CHANNELS;

	@Parameter(label = "Dendrite channels", choices = { GradientTuningService.HH_CHANNELS, GradientTuningService.PASSIVE,
		GradientTuningService.PR_SOMA, GradientTuningService.PR_DENDRITE }, description = "Channel set of the dendrites of an SWC morphology.")
	private String dendrite_channels = GradientTuningService.PASSIVE;

	@Parameter(label = "Initial values", required = false,
		description = "Where the fit starts: changes to the default parameters, name=value or name*factor, comma-separated; empty for the defaults.")
	private String values = "";

	@Parameter(label = "Fitted", required = false,
		description = "Parameters to fit, comma-separated (gNa, gK, gL); empty for all conductances.")
	private String fitted = "";

	@Parameter(label = "Record", description = "Compartment where the target was recorded (label or index).")
	private String record = "soma";

	@Parameter(label = "Stimulus", choices = { GradientTuningService.STEP, GradientTuningService.PULSES,
		GradientTuningService.NOISE, GradientTuningService.WAVEFORM, GradientTuningService.NONE },
		description = "The current injected while the target was recorded.")
	private String stimulus = GradientTuningService.PULSES;

	@Parameter(label = "Amplitude", description = "Step or pulse current, or the mean of the noise (nA).")
	private double amplitude = 0.2;

	@Parameter(label = "Start", description = "Start of the step or of the first pulse (ms).")
	private double start = 10;

	@Parameter(label = "Duration", description = "Length of the current step (ms).")
	private double duration = 100;

	@Parameter(label = "Period", description = "Time between pulse onsets (ms).")
	private double period = 100;

	@Parameter(label = "Width", description = "Pulse width (ms).")
	private double width = 5;

	@Parameter(label = "Noise sd", description = "Standard deviation of the noise current (nA).")
	private double sd = 0.1;

	@Parameter(label = "Noise tau", description = "Correlation time of the noise (ms).")
	private double tau = 5;

	@Parameter(label = "Seed", description = "Random seed of the noise and of CMA-ES.")
	private long seed = 1;

	@Parameter(label = "Stimulus file", required = false,
		description = "ABF recording whose command waveform was injected; empty to use the target's ABF file.")
	private File stimulus_file;

	@Parameter(label = "Sweep", description = "Sweep whose command waveform was injected; -1 for the target's own sweep.")
	private int sweep = -1;

	@Parameter(label = "DAC", description = "Command output of the ABF recording; -1 for the one that stimulates the recorded channel.")
	private int dac = -1;

	@Parameter(label = "Inject into", description = "Compartment that received the stimulus (label or index).")
	private String inject = "soma";

	@Parameter(label = "Time step", description = "Simulation time step (ms).")
	private double dt = 0.025;

	@Parameter(label = "Total time", description = "Time fitted from the start of the target (ms); 0 for the whole target.")
	private double total = 0;

	@Parameter(label = "Optimiser", choices = { GradientTuningService.ADAM, GradientTuningService.ADAM_FD,
		GradientTuningService.CMA_ES })
	private String optimiser = GradientTuningService.ADAM;

	@Parameter(label = "Start search", choices = { MULTI_START, SINGLE_START, CMA_ES_START },
		description = "Where Adam starts: the best of several spread starts (finds the right minimum far more often), " +
		"the initial values only, or a short CMA-ES search.")
	private String start_search = MULTI_START;

	@Parameter(label = "Starts", description = "Number of spread starts of the multi-start search (each a few cheap " +
		"steps; the initial values and the best other start are then fitted).")
	private int starts = 32;

	@Parameter(label = "Polish", description = "Gauss-Newton (Levenberg-Marquardt) steps after Adam; 0 for none.")
	private int polish = 30;

	@Parameter(label = "Learning rate", description = "Adam step size in log-multiplier (0.01 = about 1% per step).")
	private double learning_rate = 0.01;

	@Parameter(label = "Iterations", description = "Adam steps, or CMA-ES generations (20 simulations each).")
	private int iterations = 200;

	@Parameter(label = "Window", description = "First loss window as a fraction of the target (0..1]; 1 for the whole target from the start.")
	private double window = 0.2;

	@Parameter(label = "Ramp", description = "Iterations over which the window grows to the whole target (0: no curriculum).")
	private int ramp = 100;

	@Parameter(label = "L2", description = "Weight of (L2/2) sum (multiplier - 1)^2 added to the loss (mV^2); 0 for none.")
	private double l2 = 0;

	@Parameter(label = "Output folder", required = false, style = "directory",
		description = "Folder to save the tables (CSV), plots (PNG) and traces (TIFF) in; empty to save nothing.")
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Fitted values")
	private ResultsTable fitted_values;

	@Parameter(type = ItemIO.OUTPUT, label = "Fit iterations")
	private ResultsTable iteration_table;

	@Parameter(type = ItemIO.OUTPUT, label = "Fit loss")
	private Plot loss_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Fitted vs target")
	private Plot comparison_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Fitted traces")
	private ImagePlus fitted_traces;

	@Parameter(type = ItemIO.OUTPUT, label = "Sweeps recorded vs model")
	private ResultsTable sweep_table;

	@Parameter(type = ItemIO.OUTPUT, label = "f-I curve")
	private Plot fi_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Fit message")
	private String message = "";

	@Override
	public void run() {
		requireWritableFolder(output);
		List<Trace> traces = readTraces();
		if (trace < 0 || trace >= traces.size()) throw new UserInputException("There is no trace " + trace + ": the source has " +
			traces.size() + " trace(s), numbered 0 to " + (traces.size() - 1) + ".");
		Trace target = traces.get(trace);
		ModelRequest request = new ModelRequest();
		request.model = model;
		request.swc = swc;
		request.soma = soma_channels;
		request.axon = axon_channels;
		request.dendrite = dendrite_channels;
		CableModel m = tuning.model(request);
		double[] initial = tuning.parameterValues(m, values);
		int[] recorded = tuning.compartments(m, record);
		if (recorded.length != 1) throw new UserInputException("The target was recorded at one compartment; 'record' names " +
			recorded.length + ".");
		int[] fit = tuning.parameters(m, fitted);
		FitOptions options = new FitOptions().method(method()).iterations(iterations).learningRate(learning_rate)
			.curriculum(window, ramp).l2(l2).cmaEs(20, 0.1, seed).start(start()).multiStart(starts, 10, 2, 0.5, 2).polish(polish)
			.threads(Runtime.getRuntime().availableProcessors());
		if (sweeps != null && !sweeps.isBlank()) {
			fitStepFamily(m, initial, recorded[0], fit, options);
			return;
		}
		StimulusRequest s = stimulusRequest();
		log().info(String.format(Locale.ROOT, "Fitting %d parameter(s) of %s to '%s' with %s, %d iterations", fit.length,
			model, target.name(), optimiser, iterations));
		FitResult result = tuning.fit(m, initial, s, dt, total, recorded[0], target, fit, options, FitListener.NONE, progress());

		Trace goal = tuning.targetInMillivolts(target, total);
		double fitTime = (goal.length() - 1) * goal.dt();
		Protocol protocol = tuning.protocol(m, s, dt, fitTime);
		Trace before = simulate(m, initial, protocol, recorded[0]);
		Trace after = simulate(m, result.theta(), protocol, recorded[0]);

		fitted_values = TuningResults.fittedValues(m, initial, result);
		iteration_table = TuningResults.iterations(result);
		loss_plot = TuningResults.lossPlot(result);
		comparison_plot = TuningResults.comparisonPlot(goal, before, after);
		fitted_traces = TuningResults.fittedTraces("Fitted traces of " + target.name(), goal, before, after);
		message = result.message();
		if (!message.isEmpty()) log().warn(message);
		log().info(String.format(Locale.ROOT, "Fit %s: loss %.4g mV^2; %s", result.status().name().toLowerCase(Locale.ROOT),
			result.loss(), describe(result)));
		save(output, "fitted-values", fitted_values);
		save(output, "fit-iterations", iteration_table);
		save(output, "fit-loss", loss_plot);
		save(output, "fitted-vs-target", comparison_plot);
		save(output, "fitted-traces", fitted_traces);
	}

	/** Fits the chosen sweeps of the ABF source together; every sweep is then simulated and compared. */
	private void fitStepFamily(CableModel m, double[] initial, int recordAt, int[] fit, FitOptions options) {
		if (!TraceInputService.ABF.equals(source)) throw new UserInputException("Fitting several sweeps needs an ABF step " +
			"recording as the source; choose the source '" + TraceInputService.ABF + "', or leave Sweeps empty.");
		StepFamily family = StepFamilies.fromAbf(file, channel, dt, total);
		int[] chosen = StepFamilies.choose(sweeps, family.size());
		if (GradientTuningService.CORTICAL.equals(model) && (values == null || values.isBlank())) {
			m = CableModels.corticalNeuron(family.restingPotential());
			initial = m.defaults();
		}
		log().info(String.format(Locale.ROOT, "Fitting %d parameter(s) of %s to %d of %d sweeps of '%s'", fit.length, model,
			chosen.length, family.size(), file.getName()));
		// passive properties first from the sweeps without spikes, then the rest with a smoothed-voltage term
		FitOptions passive = new FitOptions().iterations(iterations).learningRate(0.05).curriculum(1, 0).polish(polish);
		FitResult result;
		try {
			result = StepFamilyFit.fit(family, m, initial, chosen, recordAt, fit, passive, options,
				q -> q.withSmoothing(1, SMOOTH_WEIGHT, SMOOTH_TAU), FitListener.NONE, progress());
		}
		catch (FitUnstableException e) {
			result = e.best();
		}
		List<float[]> simulated = new ArrayList<>();
		for (int s = 0; s < family.size(); s++) simulated.add(family.simulate(m, result.theta(), s, recordAt));
		fitted_values = TuningResults.fittedValues(m, initial, result);
		double[] se = family.problem(m, chosen, recordAt, fit, initial).standardErrors(Fitter.logMultipliers(result.multipliers()));
		for (int k = 0; k < se.length; k++) fitted_values.setValue("Relative s.e. (Gauss-Newton)", k, se[k]);
		iteration_table = TuningResults.iterations(result);
		loss_plot = TuningResults.lossPlot(result);
		sweep_table = StepFamilyResults.sweeps(family, chosen, simulated);
		fi_plot = StepFamilyResults.fiCurve(family, simulated);
		comparison_plot = StepFamilyResults.comparison(family, simulated);
		fitted_traces = StepFamilyResults.traces("Fitted traces of " + file.getName(), family, simulated);
		message = result.message();
		log().info(String.format(Locale.ROOT, "Fit %s: loss %.4g mV^2; %s", result.status().name().toLowerCase(Locale.ROOT),
			result.loss(), describe(result)));
		save(output, "fitted-values", fitted_values);
		save(output, "fit-iterations", iteration_table);
		save(output, "fit-loss", loss_plot);
		save(output, "sweeps", sweep_table);
		save(output, "f-i-curve", fi_plot);
		save(output, "fitted-vs-recorded", comparison_plot);
		save(output, "fitted-traces", fitted_traces);
	}

	private FitStart start() {
		switch (start_search) {
			case MULTI_START: return FitStart.MULTI_START;
			case SINGLE_START: return FitStart.SINGLE;
			case CMA_ES_START: return FitStart.CMA_ES_THEN_ADAM;
			default: throw new UserInputException("Unknown start search '" + start_search + "'; choose " + MULTI_START + ", " +
				SINGLE_START + " or " + CMA_ES_START + ".");
		}
	}

	/**
	 * The voltage at one compartment, or null when these parameters blow the simulation up
	 * (already reported by the fit). Not cancellable: after a cancelled fit these two short
	 * simulations still show the best result so far.
	 */
	private Trace simulate(CableModel m, double[] theta, Protocol protocol, int compartment) {
		try {
			return tuning.voltageTraces(tuning.simulate(m, theta, protocol, new int[] { compartment }, new int[0],
				Progress.NONE)).get(0);
		}
		catch (UserInputException e) {
			log().warn(e.getMessage());
			return null;
		}
	}

	private static String describe(FitResult r) {
		StringBuilder sb = new StringBuilder();
		String[] names = r.parameterNames();
		double[] m = r.multipliers();
		for (int k = 0; k < names.length; k++) sb.append(k > 0 ? ", " : "").append(names[k]).append(" x")
			.append(String.format(Locale.ROOT, "%.4f", m[k]));
		return sb.toString();
	}

	private FitMethod method() {
		switch (optimiser) {
			case GradientTuningService.ADAM_FD: return FitMethod.ADAM_FINITE_DIFFERENCES;
			case GradientTuningService.CMA_ES: return FitMethod.CMA_ES;
			case GradientTuningService.ADAM: return FitMethod.ADAM_SENSITIVITIES;
			default: throw new UserInputException("Unknown optimiser '" + optimiser + "'; choose " + GradientTuningService.ADAM +
				", " + GradientTuningService.ADAM_FD + " or " + GradientTuningService.CMA_ES + ".");
		}
	}

	/** The stimulus fields; a recorded waveform defaults to the target's own ABF file and sweep. */
	private StimulusRequest stimulusRequest() {
		StimulusRequest s = new StimulusRequest();
		s.kind = stimulus;
		s.amplitude = amplitude;
		s.start = start;
		s.duration = duration;
		s.period = period;
		s.width = width;
		s.sd = sd;
		s.tau = tau;
		s.seed = seed;
		s.file = stimulus_file != null && !stimulus_file.getPath().isEmpty() ? stimulus_file
			: TraceInputService.ABF.equals(source) ? file : null;
		s.sweep = sweep >= 0 ? sweep : trace;
		s.dac = dac;
		s.channel = TraceInputService.ABF.equals(source) ? channel : 0;
		s.injectAt = inject;
		return s;
	}
}
