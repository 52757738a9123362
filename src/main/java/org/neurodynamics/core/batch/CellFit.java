package org.neurodynamics.core.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.SimulationUnstableException;
import org.neurodynamics.core.fit.FitListener;
import org.neurodynamics.core.fit.FitOptions;
import org.neurodynamics.core.fit.FitResult;
import org.neurodynamics.core.fit.FitStart;
import org.neurodynamics.core.fit.FitUnstableException;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.core.fit.StepFamilyFit;
import org.neurodynamics.core.io.AtomicFiles;

/**
 * The fit job: the conductances of the cortical neuron model (Na, K, M-type K, leak; resting
 * potential from the recording) fitted to every sweep of the step family as Fit Conductances
 * fits a step family by default (multi-start, Adam with gradient diffusion, the passive stage
 * first, Gauss-Newton polish), with the iterations bounded by the batch. Saves the fitted
 * values, the model file (fitted-model.properties, whose values key Simulate Compartmental
 * Model reads) and per sweep the recorded and model spikes and steady state.
 */
final class CellFit {

	static final String MODEL_FILE = "fitted-model.properties", VALUES_FILE = "fitted-values.csv", SWEEPS_FILE = "sweeps.csv";
	/** Fit Conductances' defaults, bounded by the batch's iterations. */
	private static final int PROBE_STEPS = 10, POLISH = 30, RAMP = 100;
	private static final double LEARNING_RATE = 0.01, FIRST_WINDOW = 0.2;

	private CellFit() {}

	/** What a fit reports; {@code error} set when the fit drove the model unstable (the values are then the best before). */
	static final class Outcome {
		final Map<String, Object> row;
		final String error;

		Outcome(Map<String, Object> row, String error) {
			this.row = row;
			this.error = error;
		}
	}

	static FitOptions options(BatchSettings s) {
		FitOptions o = new FitOptions().iterations(s.iterations).learningRate(LEARNING_RATE)
			.curriculum(FIRST_WINDOW, Math.min(RAMP, s.iterations)).polish(Math.min(POLISH, s.iterations));
		if (s.starts > 1) o.start(FitStart.MULTI_START).multiStart(s.starts, Math.min(PROBE_STEPS, s.iterations), FitOptions.finishedStarts(s.starts), 0.5, 2);
		return o;
	}

	static Outcome run(CellRecording r, BatchSettings s, Path folder) throws IOException {
		StepFamily family = r.stepFamily(s);
		double rest = family.restingPotential();
		CableModel model = CableModels.corticalNeuron(rest);
		double[] initial = model.defaults();
		int[] fitted = conductances(model);
		int[] sweeps = new int[family.size()];
		for (int i = 0; i < sweeps.length; i++) sweeps[i] = i;
		FitResult result;
		String error = null;
		try {
			result = StepFamilyFit.fit(family, model, initial, sweeps, 0, fitted, options(s), FitListener.NONE, Progress.NONE);
		}
		catch (FitUnstableException e) {
			result = e.best();
			error = e.getMessage();
		}
		if (result.status() == FitResult.Status.UNSTABLE && error == null) error = result.message();
		double[] theta = result.theta();

		Map<String, Object> row = new HashMap<>();
		row.put(BatchColumns.SWEEPS, (long) family.size());
		row.put("resting_mv", rest);
		row.put("loss_mv2", result.loss());
		for (int k : fitted) row.put(model.parameters().get(k).name(), theta[k]);
		long recordedSpikes = 0, modelSpikes = 0;
		double[][] table = new double[6][family.size()];
		for (int i = 0; i < family.size(); i++) {
			float[] recorded = family.voltage(i), simulated = simulateOrNull(family, model, theta, i);
			table[0][i] = i;
			table[1][i] = family.current(i) * 1000;
			table[2][i] = family.spikes(recorded);
			table[3][i] = simulated == null ? Double.NaN : family.spikes(simulated);
			table[4][i] = family.steadyState(recorded);
			table[5][i] = simulated == null ? Double.NaN : family.steadyState(simulated);
			recordedSpikes += (long) table[2][i];
			modelSpikes += simulated == null ? 0 : (long) table[3][i];
		}
		row.put("recorded_spikes", recordedSpikes);
		row.put("model_spikes", modelSpikes);

		org.neurodynamics.core.io.DelimitedTableWriter.writeCsv(folder.resolve(SWEEPS_FILE),
			new org.neurodynamics.core.io.NumericTable(r.name, List.of("sweep", "current_pa", "recorded_spikes", "model_spikes",
				"recorded_steady_mv", "model_steady_mv"), table));
		writeValues(folder.resolve(VALUES_FILE), model, initial, theta, fitted);
		writeModel(folder.resolve(MODEL_FILE), r.name, model, rest, theta, result.loss());
		return new Outcome(row, error);
	}

	private static float[] simulateOrNull(StepFamily family, CableModel model, double[] theta, int sweep) {
		try {
			return family.simulate(model, theta, sweep, 0);
		}
		catch (SimulationUnstableException e) {
			return null;
		}
	}

	static int[] conductances(CableModel model) {
		List<Integer> out = new ArrayList<>();
		for (int i = 0; i < model.parameters().size(); i++)
			if (BatchColumns.CONDUCTANCE_UNIT.equals(model.parameters().get(i).unit())) out.add(i);
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	private static void writeValues(Path file, CableModel model, double[] initial, double[] theta, int[] fitted)
		throws IOException
	{
		// the range the fit keeps each value in, and which bound a value ended on (a model that lacks what the cell shows)
		StringBuilder sb = new StringBuilder("parameter,unit,initial,fitted,multiplier,lower_bound,upper_bound,at_bound\n");
		for (int k : fitted) {
			org.neurodynamics.core.fit.BoundedParameter range = org.neurodynamics.core.fit.BoundedParameter.of(
				model.parameters().get(k), initial[k]);
			sb.append(model.parameters().get(k).name()).append(',').append(model.parameters().get(k).unit()).append(',')
				.append(initial[k]).append(',').append(theta[k]).append(',').append(theta[k] / initial[k]).append(',')
				.append(range.lower()).append(',').append(range.upper()).append(',').append(range.bound(theta[k])).append('\n');
		}
		AtomicFiles.writeString(file, sb.toString());
	}

	private static void writeModel(Path file, String recording, CableModel model, double rest, double[] theta, double loss)
		throws IOException
	{
		// every parameter, the resting potential's eL among them, so that the line alone rebuilds the model
		StringBuilder values = new StringBuilder();
		for (int k = 0; k < theta.length; k++) values.append(k == 0 ? "" : ", ").append(model.parameters().get(k).name())
			.append('=').append(theta[k]);
		AtomicFiles.writeString(file, String.format(Locale.ROOT, "# Conductances fitted to %s by the batch's fit job%n" +
			"model=Cortical neuron (Na, K, M, leak)%nresting_mv=%s%nloss_mv2=%s%nvalues=%s%n", recording, rest, loss, values));
	}
}
