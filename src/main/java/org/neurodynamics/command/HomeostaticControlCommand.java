package org.neurodynamics.command;

import java.io.File;
import java.util.Locale;

import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.fit.HomeostasisResult;
import org.neurodynamics.results.TuningResults;
import org.neurodynamics.service.CellModel;
import org.neurodynamics.service.ChannelSet;
import org.neurodynamics.service.GradientTuningService;
import org.neurodynamics.service.HomeostasisRequest;
import org.neurodynamics.service.ModelRequest;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Homeostatic control (Landsmeer et al. 2024): a compartmental model driven by noise current
 * adapts chosen parameters online, by gradient descent with sensitivities carried in the
 * simulation, until its firing rate reaches a target.
 */
@Plugin(type = Command.class, label = "Homeostatic Control")
public class HomeostaticControlCommand extends LongCommand {

	@Parameter
	private GradientTuningService tuning;

	@Parameter(label = "Model", choices = { CellModel.Labels.HH_COMPARTMENT, CellModel.Labels.HH_AXON,
		CellModel.Labels.PINSKY_RINZEL, CellModel.Labels.SWC })
	private String model = CellModel.Labels.HH_COMPARTMENT;

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

	@Parameter(label = "Parameter values", required = false,
		description = "Changes to the default parameters at the start: name=value or name*factor, comma-separated; empty for the defaults.")
	private String values = "";

	@Parameter(label = "Adapted", description = "Parameters that adapt, comma-separated.")
	private String adapted = "gNa, gK";

	@Parameter(label = "Target rate", description = "Firing rate the controller aims at (Hz).")
	private double target_rate = 5;

	@Parameter(label = "Alpha", description = "Learning rate of the parameter updates (the paper: 1e-6 to 5e-6; 1e-5 converges in about a minute).")
	private double alpha = 1e-5;

	@Parameter(label = "Lambda", description = "Forgetting rate of the sensitivities (1/ms); the paper uses 1e-4.")
	private double lambda = 1e-4;

	@Parameter(label = "Rate tau", description = "Time constant of the firing-rate estimate (ms); the paper uses 1e4.")
	private double tau_rate = 1e4;

	@Parameter(label = "Duration", description = "Simulated time (ms).")
	private double duration = 60000;

	@Parameter(label = "Time step", description = "Simulation time step (ms).")
	private double dt = 0.025;

	@Parameter(label = "Interval", description = "Time between recorded samples of the rate and parameters (ms).")
	private double interval = 1000;

	@Parameter(label = "Noise mean", description = "Mean of the Ornstein-Uhlenbeck input current (nA).")
	private double mean = 0.2;

	@Parameter(label = "Noise sd", description = "Standard deviation of the input current (nA).")
	private double sd = 0.2;

	@Parameter(label = "Noise tau", description = "Correlation time of the input current (ms).")
	private double tau = 5;

	@Parameter(label = "Seed", description = "Random seed of the input current.")
	private long seed = 7;

	@Parameter(label = "Record", description = "Compartment that receives the input and where spikes are counted (label or index).")
	private String record = "soma";

	@Parameter(label = "Output folder", required = false, style = "directory",
		description = "Folder to save the table (CSV) and plots (PNG) in; empty to save nothing.")
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Homeostatic control")
	private ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT, label = "Firing rate")
	private Plot rate_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Adapted parameters")
	private Plot parameter_plot;

	@Override
	public void run() {
		requireWritableFolder(output);
		ModelRequest m = ModelRequest.of(model, swc, soma_channels, axon_channels, dendrite_channels, values);
		HomeostasisRequest request = new HomeostasisRequest(m, adapted, record).control(target_rate, alpha, lambda, tau_rate)
			.timing(duration, dt, interval).noise(mean, sd, tau, seed);
		HomeostasisResult result = tuning.homeostasis(request, progress());
		table = TuningResults.homeostasisTable(result);
		rate_plot = TuningResults.ratePlot(result, target_rate);
		parameter_plot = TuningResults.parameterPlot(result);
		double half = duration / 2;
		log().info(String.format(Locale.ROOT, "Homeostatic control: counted rate %.2f Hz over the second half (target %.2f Hz)",
			result.meanCountedRate(half, duration), target_rate));
		save(output, "homeostatic-control", table);
		save(output, "firing-rate", rate_plot);
		save(output, "adapted-parameters", parameter_plot);
	}
}
