package org.neurodynamics.command;

import java.io.File;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.fit.BoundedParameter;
import org.neurodynamics.core.fit.FitOptions;
import org.neurodynamics.core.fit.FitResult;
import org.neurodynamics.core.trace.Trace;
import org.neurodynamics.results.StepFamilyResults;
import org.neurodynamics.results.TuningResults;
import org.neurodynamics.service.CellModel;
import org.neurodynamics.service.ChannelSet;
import org.neurodynamics.service.ConductanceFit;
import org.neurodynamics.service.FitRequest;
import org.neurodynamics.service.GradientTuningService;
import org.neurodynamics.service.ModelRequest;
import org.neurodynamics.service.Optimiser;
import org.neurodynamics.service.StartSearch;
import org.neurodynamics.service.StimulusKind;
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

	@Parameter
	private GradientTuningService tuning;

	@Parameter(label = "Trace", description = "Which trace of the source is the target (0 = first row, column or sweep).")
	private int trace = 0;

	@Parameter(label = "Sweeps", required = false, description = "Empty: fit the one trace above. With an ABF step " +
		"recording: all, even (fit every other sweep and predict the rest), odd, or sweep numbers such as 0,2,4; each " +
		"sweep is simulated with its recorded command current.")
	private String sweeps = "";

	@Parameter(label = "Model", choices = { CellModel.Labels.HH_AXON, CellModel.Labels.PINSKY_RINZEL,
		CellModel.Labels.HH_COMPARTMENT, CellModel.Labels.CORTICAL, CellModel.Labels.SWC })
	private String model = CellModel.Labels.HH_AXON;

	@Parameter(label = "SWC file", required = false, description = "Morphology for the model 'SWC morphology' (e.g. saved by SNT).")
	private File swc;

	@Parameter(label = "Soma channels", choices = { ChannelSet.Labels.HH, ChannelSet.Labels.PASSIVE,
		ChannelSet.Labels.PR_SOMA, ChannelSet.Labels.PR_DENDRITE }, description = "Channel set of the soma of an SWC morphology.")
	private String soma_channels = ChannelSet.Labels.HH;

	@Parameter(label = "Axon channels", choices = { ChannelSet.Labels.HH, ChannelSet.Labels.PASSIVE,
		ChannelSet.Labels.PR_SOMA, ChannelSet.Labels.PR_DENDRITE }, description = "Channel set of the axon of an SWC morphology.")
	private String axon_channels = ChannelSet.Labels.HH;

	@Parameter(label = "Dendrite channels", choices = { ChannelSet.Labels.HH, ChannelSet.Labels.PASSIVE,
		ChannelSet.Labels.PR_SOMA, ChannelSet.Labels.PR_DENDRITE }, description = "Channel set of the dendrites of an SWC morphology.")
	private String dendrite_channels = ChannelSet.Labels.PASSIVE;

	@Parameter(label = "Extra currents", required = false, description = "Currents added to the cortical neuron, " +
		"comma-separated: NaP (persistent Na), Kv3 (fast delayed rectifier), A (A-type K), H (h-current, sag), CaK (Ca and " +
		"Ca-activated K); empty for none; auto (with Sweeps such as even) fits every usual set and keeps the one that " +
		"predicts the held-out sweeps best, listed in the table 'Current sets'.")
	private String extra_currents = "";

	@Parameter(label = "Initial values", required = false,
		description = "Where the fit starts: changes to the default parameters, name=value or name*factor, comma-separated; empty for the defaults.")
	private String values = "";

	@Parameter(label = "Fitted", required = false,
		description = "Parameters to fit, comma-separated (gNa, gK, gL); empty for all conductances.")
	private String fitted = "";

	@Parameter(label = "Record", description = "Compartment where the target was recorded (label or index).")
	private String record = "soma";

	@Parameter(label = "Stimulus", choices = { StimulusKind.Labels.STEP, StimulusKind.Labels.PULSES,
		StimulusKind.Labels.NOISE, StimulusKind.Labels.WAVEFORM, StimulusKind.Labels.NONE },
		description = "The current injected while the target was recorded.")
	private String stimulus = StimulusKind.Labels.PULSES;

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

	@Parameter(label = "Total time", description = "Time fitted from the start of the target (ms); 0: with the recorded " +
		"ABF command (a step family, or the stimulus 'Recorded waveform') its step and a tenth of the step's length after " +
		"it, as the recording's protocol says; otherwise the whole target.")
	private double total = 0;

	@Parameter(label = "Optimiser", choices = { Optimiser.Labels.ADAM, Optimiser.Labels.ADAM_FD,
		Optimiser.Labels.CMA_ES })
	private String optimiser = Optimiser.Labels.ADAM;

	@Parameter(label = "Start search", choices = { StartSearch.Labels.MULTI_START,
		StartSearch.Labels.SINGLE, StartSearch.Labels.CMA_ES },
		description = "Where Adam starts: the best of several spread starts (finds the right minimum far more often), " +
		"the initial values only, or a short CMA-ES search.")
	private String start_search = StartSearch.Labels.MULTI_START;

	@Parameter(label = "Starts", description = "Number of spread starts of the multi-start search (each a few cheap " +
		"steps; the best of them, one per 32 starts and at least 2, are then fitted; 256 finds the right minimum of " +
		"harder targets more often at 8 times the search's cost).")
	private int starts = 32;

	@Parameter(label = "Polish", description = "Gauss-Newton (Levenberg-Marquardt) steps after Adam; 0 for none.")
	private int polish = 30;

	@Parameter(label = "Learning rate", description = "Adam step size in the fit's bounded coordinates (0.01 = about 1% " +
		"per step near the initial values).")
	private double learning_rate = 0.01;

	@Parameter(label = "Iterations", description = "Adam steps, or CMA-ES generations (20 simulations each).")
	private int iterations = 200;

	@Parameter(label = "Window", description = "First loss window as a fraction of the target (0..1]; 1 for the whole target from the start.")
	private double window = 0.2;

	@Parameter(label = "Ramp", description = "Iterations over which the window grows to the whole target (0: no curriculum).")
	private int ramp = 100;

	@Parameter(label = "L2", description = "Weight of (L2/2) sum (multiplier - 1)^2 added to the loss (mV^2); 0 for none.")
	private double l2 = 0;

	@Parameter(label = "Spike weight", description = "Weight of a spike-time term added to the loss, for models that " +
		"follow the voltage but fire too often or too rarely: model and target spikes are paired in order, each pair " +
		"10 ms apart adds weight/2 mV^2 (averaged over sweeps), and an extra or missing spike is paired with the end of " +
		"the trace; 0 for none, 0.1 to start with.")
	private double spike_weight = 0;

	@Parameter(label = "Spike threshold", description = "Voltage a spike must cross for the spike-time term (mV); NaN " +
		"takes it from the recording (half-way between its troughs and its spike peaks), as the recorded spike counts do.")
	private double spike_threshold = Double.NaN;

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

	@Parameter(type = ItemIO.OUTPUT, label = "Current sets")
	private ResultsTable current_sets;

	@Parameter(type = ItemIO.OUTPUT, label = "f-I curve")
	private Plot fi_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Fit message")
	private String message = "";

	@Override
	public void run() {
		requireWritableFolder(output);
		ModelRequest m = ModelRequest.of(model, swc, soma_channels, axon_channels, dendrite_channels, extra_currents, values);
		FitOptions options = new FitOptions().method(Optimiser.of(optimiser).method()).iterations(iterations)
			.learningRate(learning_rate).curriculum(window, ramp).l2(l2).cmaEs(20, 0.1, seed)
			.start(StartSearch.of(start_search).start()).multiStart(starts, 10, FitOptions.finishedStarts(starts), 0.5, 2).polish(polish)
			.threads(Runtime.getRuntime().availableProcessors());
		boolean family = sweeps != null && !sweeps.isBlank();
		FitRequest request = family ? FitRequest.toStepFamily(m, fitted, record, stepFamilyFile(), channel, sweeps, dt, total,
			options) : FitRequest.toTrace(m, fitted, record, target(), stimulusRequest(), dt, total, options);
		ConductanceFit fit = tuning.fit(request.spikeTimes(spike_weight, spike_threshold), progress());
		FitResult result = fit.result;
		fitted_values = TuningResults.fittedValues(fit.model, fit.initial, result, fit.uncertainty);
		iteration_table = TuningResults.iterations(result);
		loss_plot = TuningResults.lossPlot(result);
		message = result.message();
		if (family) {
			sweep_table = StepFamilyResults.sweeps(fit.family, fit.chosen, fit.simulated);
			fi_plot = StepFamilyResults.fiCurve(fit.family, fit.simulated);
			comparison_plot = StepFamilyResults.comparison(fit.family, fit.simulated);
			fitted_traces = StepFamilyResults.traces("Fitted traces of " + file.getName(), fit.family, fit.simulated);
			if (fit.currentSets != null) current_sets = StepFamilyResults.currentSets(fit.currentSets);
		}
		else {
			comparison_plot = TuningResults.comparisonPlot(fit.target, fit.before, fit.after);
			fitted_traces = TuningResults.fittedTraces("Fitted traces of " + fit.target.name(), fit.target, fit.before,
				fit.after);
			if (!message.isEmpty()) log().warn(message);
		}
		log().info(String.format(Locale.ROOT, "Fit %s: loss %.4g mV^2; %s", result.status().name().toLowerCase(Locale.ROOT),
			result.loss(), describe(result)));
		for (String w : BoundedParameter.warnings(fit.model, fit.initial, result)) log().warn(w);
		if (fit.uncertainty != null) {
			if (fit.uncertainty.notIdentifiable().isEmpty() && fit.uncertainty.notQuadratic().isEmpty())
				log().info(fit.uncertainty.summary());
			else log().warn(fit.uncertainty.summary());
		}
		save(output, "fitted-values", fitted_values);
		save(output, "fit-iterations", iteration_table);
		save(output, "fit-loss", loss_plot);
		save(output, "sweeps", sweep_table);
		save(output, "current-sets", current_sets);
		save(output, "f-i-curve", fi_plot);
		save(output, family ? "fitted-vs-recorded" : "fitted-vs-target", comparison_plot);
		save(output, "fitted-traces", fitted_traces);
	}

	/** The trace chosen as the target. */
	private Trace target() {
		List<Trace> traces = readTraces();
		if (trace < 0 || trace >= traces.size()) throw new UserInputException("There is no trace " + trace + ": the source has " +
			traces.size() + " trace(s), numbered 0 to " + (traces.size() - 1) + ".");
		return traces.get(trace);
	}

	/** The ABF recording whose sweeps are fitted together. */
	private File stepFamilyFile() {
		if (!TraceInputService.ABF.equals(source)) throw new UserInputException("Fitting several sweeps needs an ABF step " +
			"recording as the source; choose the source '" + TraceInputService.ABF + "', or leave Sweeps empty.");
		return file;
	}

	private static String describe(FitResult r) {
		StringBuilder sb = new StringBuilder();
		String[] names = r.parameterNames();
		double[] m = r.multipliers();
		for (int k = 0; k < names.length; k++) sb.append(k > 0 ? ", " : "").append(names[k]).append(" x")
			.append(String.format(Locale.ROOT, "%.4f", m[k]));
		return sb.toString();
	}

	/** The stimulus fields; a recorded waveform defaults to the target's own ABF file and sweep. */
	private StimulusRequest stimulusRequest() {
		boolean abf = TraceInputService.ABF.equals(source);
		File played = stimulus_file != null && !stimulus_file.getPath().isEmpty() ? stimulus_file : abf ? file : null;
		return new StimulusRequest(stimulus, amplitude, inject).step(start, duration).pulses(period, width).noise(sd, tau, seed)
			.waveform(played, sweep >= 0 ? sweep : trace, dac, abf ? channel : 0);
	}
}
