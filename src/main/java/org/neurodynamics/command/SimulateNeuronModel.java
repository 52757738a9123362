package org.neurodynamics.command;

import java.util.List;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.model.HindmarshRose;
import org.neurodynamics.core.model.HodgkinHuxley;
import org.neurodynamics.core.model.NeuronModel;
import org.neurodynamics.core.model.NeuronModels;
import org.neurodynamics.core.model.ShermanRinzel;
import org.neurodynamics.core.trace.ParameterList;
import org.neurodynamics.core.trace.Trace;
import org.neurodynamics.results.TraceImage;
import org.neurodynamics.results.TracePlots;
import org.neurodynamics.results.TraceTables;
import org.neurodynamics.service.SimulationService;
import org.neurodynamics.core.UserInputException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Simulates a built-in neuron model at a list of control-parameter values into a trace
 * image (one row per value) and a table, as test data or to compare with a reconstruction.
 */
@Plugin(type = Command.class, label = "Simulate Neuron Model")
public class SimulateNeuronModel extends LongCommand {

	@Parameter
	private SimulationService simulation;

	@Parameter(label = "Model", choices = { HindmarshRose.NAME, ShermanRinzel.NAME, HodgkinHuxley.NAME })
	private String model = HindmarshRose.NAME;

	@Parameter(label = "Observed variable", description = "Variable to record; empty for the membrane voltage (V, or x for Hindmarsh-Rose).", required = false)
	private String variable = "";

	@Parameter(label = "Parameter values", description = "Values of the control parameter: 1.5, 2.25, 3 or start:step:end.")
	private String parameters = "1.5, 2.25, 3.0, 3.75";

	@Parameter(label = "Duration", description = "Recorded time per trace, in the model's time unit; 0 for the model's usual value.")
	private double duration = 0;

	@Parameter(label = "Transient", description = "Time simulated and discarded before recording; -1 for the model's usual value.")
	private double transient_time = -1;

	@Parameter(label = "Sampling interval", description = "0 for the model's usual value.")
	private double dt = 0;

	@Parameter(label = "Observation noise", description = "Gaussian noise as a fraction of each trace's standard deviation (0.01 = 1%).")
	private double noise = 0;

	@Parameter(label = "Seed")
	private long seed = 1;

	@Parameter(label = "Output folder", required = false, style = "directory",
		description = "Folder to save the trace image (TIFF) and table (CSV) in; empty to save nothing.")
	private java.io.File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Simulated traces")
	private ImagePlus traces;

	@Parameter(type = ItemIO.OUTPUT, label = "Simulated traces table")
	private ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT, label = "Simulated traces plot")
	private Plot plot;

	@Override
	public void run() {
		// Only the documented sentinels mean 'the model's usual value': 0 for duration and dt, -1 for the transient.
		if (!(duration >= 0) || Double.isInfinite(duration)) throw new UserInputException("The duration must be a positive time, " +
			"or 0 for the model's usual value; got " + duration + ".");
		if (!(dt >= 0) || Double.isInfinite(dt)) throw new UserInputException("The sampling interval (dt) must be a positive time, " +
			"or 0 for the model's usual value; got " + dt + ".");
		if (!(transient_time >= 0 || transient_time == -1) || Double.isInfinite(transient_time)) throw new UserInputException(
			"The transient time must be 0 or more, or -1 for the model's usual value; got " + transient_time + ".");
		NeuronModel m = NeuronModels.byName(model);
		double[] usual = m.usualTiming();
		int observed = variable == null || variable.isBlank() ? m.observedVariable() : m.variableIndex(variable.trim());
		List<Trace> simulated = simulation.simulate(m, observed, ParameterList.parse(parameters, "parameter values"),
			duration > 0 ? duration : usual[0], transient_time >= 0 ? transient_time : usual[1], dt > 0 ? dt : usual[2], noise, seed,
			progress());
		traces = TraceImage.create(m.name() + " " + m.variables()[observed], simulated);
		table = TraceTables.summary(simulated);
		plot = TracePlots.of(traces.getTitle() + " plot", simulated);
		save(output, "simulated-traces", traces);
		save(output, "simulated-traces", table);
	}
}
