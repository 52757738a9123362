package org.neurodynamics.service;

import java.util.ArrayList;
import java.util.List;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.model.ModelSimulator;
import org.neurodynamics.core.model.NeuronModel;
import org.neurodynamics.core.trace.Trace;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

@Plugin(type = Service.class)
public class DefaultSimulationService extends AbstractService implements SimulationService {

	@Override
	public List<Trace> simulate(NeuronModel model, int variable, double[] values, double duration, double settle,
		double dt, double noiseFraction, long seed, Progress progress)
	{
		if (values.length == 0) throw new UserInputException("Give at least one value of " + model.parameterName() + " to simulate.");
		if (variable < 0 || variable >= model.dimension()) throw new UserInputException("The " + model.name() +
			" model has variables " + String.join(", ", model.variables()) + "; variable index " + variable + " does not exist.");
		if (noiseFraction < 0) throw new UserInputException("The observation noise must be zero or positive, got " + noiseFraction + ".");
		ModelSimulator simulator = new ModelSimulator(model);
		List<Trace> traces = new ArrayList<>();
		for (int k = 0; k < values.length; k++) {
			progress.report("Simulating " + model.name(), (double) k / values.length, model.parameterName() + " = " + values[k]);
			// One seed per trace so that each trace's noise does not depend on how many came before.
			traces.add(simulator.trace(variable, values[k], duration, settle, dt, noiseFraction, seed + k, progress));
		}
		progress.report("Simulating " + model.name(), 1, "done");
		return traces;
	}
}
