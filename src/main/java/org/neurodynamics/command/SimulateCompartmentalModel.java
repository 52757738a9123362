package org.neurodynamics.command;

import java.io.File;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.results.TraceImage;
import org.neurodynamics.results.TracePlots;
import org.neurodynamics.results.TraceTables;
import org.neurodynamics.service.CellModel;
import org.neurodynamics.service.ChannelSet;
import org.neurodynamics.service.GradientTuningService;
import org.neurodynamics.service.ModelRequest;
import org.neurodynamics.service.SimulatedCompartments;
import org.neurodynamics.service.SimulationRequest;
import org.neurodynamics.service.StimulusKind;
import org.neurodynamics.service.StimulusRequest;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Simulates a compartmental model (built-in, or a morphology from an SWC file) under a
 * current stimulus: the voltage at chosen compartments and, optionally, its sensitivities
 * to chosen parameters (dV/dtheta, the gradient diffusion of Landsmeer et al. 2024).
 */
@Plugin(type = Command.class, label = "Simulate Compartmental Model")
public class SimulateCompartmentalModel extends LongCommand {

	@Parameter
	private GradientTuningService tuning;

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
		"Ca-activated K); empty for none.")
	private String extra_currents = "";

	@Parameter(label = "Parameter values", required = false,
		description = "Changes to the default parameters: name=value or name*factor, comma-separated (gNa=0.15, gK*0.8); empty for the defaults.")
	private String values = "";

	@Parameter(label = "Stimulus", choices = { StimulusKind.Labels.STEP, StimulusKind.Labels.PULSES,
		StimulusKind.Labels.NOISE, StimulusKind.Labels.WAVEFORM, StimulusKind.Labels.NONE })
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

	@Parameter(label = "Seed", description = "Random seed of the noise.")
	private long seed = 1;

	@Parameter(label = "Stimulus file", required = false, description = "ABF recording whose command waveform is injected.")
	private File stimulus_file;

	@Parameter(label = "Sweep", description = "Sweep of the ABF recording (0 = first).")
	private int sweep = 0;

	@Parameter(label = "DAC", description = "Command output of the ABF recording; -1 for the one that stimulates channel 0.")
	private int dac = -1;

	@Parameter(label = "Inject into", description = "Compartment that receives the stimulus (label or index).")
	private String inject = "soma";

	@Parameter(label = "Time step", description = "Simulation time step (ms).")
	private double dt = 0.025;

	@Parameter(label = "Total time", description = "Simulated time (ms).")
	private double total = 200;

	@Parameter(label = "Record", description = "Compartments to record: labels (soma, axon[9], dendrite) or indices, comma-separated, or 'all'.")
	private String record = "soma";

	@Parameter(label = "Sensitivities", required = false,
		description = "Parameters whose voltage sensitivities dV/dtheta to output, comma-separated, or 'conductances'; empty for none.")
	private String sensitivities = "";

	@Parameter(label = "Output folder", required = false, style = "directory",
		description = "Folder to save the trace images (TIFF), table (CSV) and plot (PNG) in; empty to save nothing.")
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Compartmental voltage")
	private ImagePlus traces;

	@Parameter(type = ItemIO.OUTPUT, label = "Compartmental voltage table")
	private ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT, label = "Compartmental voltage plot")
	private Plot plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Voltage sensitivities")
	private ImagePlus sensitivity_traces;

	@Override
	public void run() {
		ModelRequest m = ModelRequest.of(model, swc, soma_channels, axon_channels, dendrite_channels, extra_currents, values);
		StimulusRequest s = new StimulusRequest(stimulus, amplitude, inject).step(start, duration).pulses(period, width)
			.noise(sd, tau, seed).waveform(stimulus_file, sweep, dac, 0);
		SimulatedCompartments result = tuning.simulate(new SimulationRequest(m, s, dt, total, record, sensitivities), progress());
		traces = TraceImage.create(model + " voltage", result.voltage);
		table = TraceTables.summary(result.voltage);
		plot = TracePlots.of(traces.getTitle() + " plot", result.voltage);
		if (!result.sensitivities.isEmpty()) sensitivity_traces = TraceImage.create(model + " sensitivities", result.sensitivities);
		save(output, "compartmental-voltage", traces);
		save(output, "compartmental-voltage", table);
		save(output, "compartmental-voltage-plot", plot);
		save(output, "voltage-sensitivities", sensitivity_traces);
	}
}
