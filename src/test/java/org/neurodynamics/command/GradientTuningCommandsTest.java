package org.neurodynamics.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.CorticalCurrent;
import org.neurodynamics.core.fit.FitOptions;
import org.neurodynamics.core.fit.FitResult;
import org.neurodynamics.core.trace.Trace;
import org.neurodynamics.results.TraceImage;
import org.neurodynamics.service.CellModel;
import org.neurodynamics.service.ChannelSet;
import org.neurodynamics.service.FitRequest;
import org.neurodynamics.service.GradientTuningService;
import org.neurodynamics.service.ModelRequest;
import org.neurodynamics.service.Optimiser;
import org.neurodynamics.service.SimulationRequest;
import org.neurodynamics.service.StartSearch;
import org.neurodynamics.service.StimulusKind;
import org.neurodynamics.service.StimulusRequest;
import org.neurodynamics.service.TraceInputService;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;

/** The gradient-diffusion commands in a headless SciJava context, with short simulations and few iterations. */
class GradientTuningCommandsTest {

	static Context context;

	@BeforeAll
	static void start() {
		context = new Context();
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	static Map<String, Object> model(String model) {
		Map<String, Object> in = new HashMap<>();
		in.put("model", model);
		in.put("swc", null);
		in.put("soma_channels", ChannelSet.Labels.HH);
		in.put("axon_channels", ChannelSet.Labels.HH);
		in.put("dendrite_channels", ChannelSet.Labels.PASSIVE);
		in.put("values", "");
		return in;
	}

	static Map<String, Object> stimulus(Map<String, Object> in, String kind) {
		in.put("stimulus", kind);
		in.put("amplitude", 0.2);
		in.put("start", 10.0);
		in.put("duration", 100.0);
		in.put("period", 50.0);
		in.put("width", 5.0);
		in.put("sd", 0.2);
		in.put("tau", 5.0);
		in.put("seed", 3L);
		in.put("stimulus_file", null);
		in.put("dac", -1);
		in.put("inject", "soma");
		in.put("dt", 0.025);
		in.put("record", "soma");
		in.put("output", null);
		return in;
	}

	static Map<String, Object> simulation(String model, String kind, double total) {
		Map<String, Object> in = stimulus(model(model), kind);
		in.put("sweep", 0);
		in.put("total", total);
		in.put("sensitivities", "");
		return in;
	}

	/** Fit of trace 0 of an image, 3 Adam steps on the whole target by default. */
	static Map<String, Object> fit(ImagePlus target, String model, String kind) {
		Map<String, Object> in = stimulus(model(model), kind);
		in.put("source", TraceInputService.IMAGE);
		in.put("image", target);
		in.put("table", "Results");
		in.put("file", null);
		in.put("columns", "");
		in.put("channel", 0);
		in.put("interval", 1.0);
		in.put("time_unit", "ms");
		in.put("value_unit", "");
		in.put("dff", false);
		in.put("percentile", 8.0);
		in.put("bleach_window", 0);
		in.put("parameters", "");
		in.put("parameter_name", "p");
		in.put("trace", 0);
		in.put("fitted", "");
		in.put("sweep", -1);
		in.put("total", 0.0);
		in.put("optimiser", Optimiser.Labels.ADAM);
		in.put("learning_rate", 0.05);
		in.put("iterations", 3);
		in.put("window", 1.0);
		in.put("ramp", 0);
		in.put("l2", 0.0);
		return in;
	}

	static CommandModule run(Class<? extends Command> command, Map<String, Object> inputs) throws Exception {
		CommandModule m = Commands.run(context, command.getName(), inputs);
		if (m.isCanceled()) fail(m.getCancelReason());
		return m;
	}

	/** The user-facing message of a command that must refuse its inputs. */
	static String error(Class<? extends Command> command, Map<String, Object> inputs) throws Exception {
		try {
			CommandModule m = Commands.run(context, command.getName(), inputs);
			fail("expected an error, the command " + (m.isCanceled() ? "was cancelled: " + m.getCancelReason() : "succeeded"));
		}
		catch (ExecutionException e) {
			for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof UserInputException) return t.getMessage();
			throw e;
		}
		return null;
	}

	static ImagePlus simulateTarget(String model, String kind, double total, String values) throws Exception {
		Map<String, Object> in = simulation(model, kind, total);
		in.put("values", values);
		return (ImagePlus) run(SimulateCompartmentalModel.class, in).getOutput("traces");
	}

	@Test
	void simulatesRecordedCompartmentsAndTheirSensitivities() throws Exception {
		Map<String, Object> in = simulation(CellModel.Labels.HH_AXON, StimulusKind.Labels.PULSES, 40);
		in.put("record", "soma, axon[9]");
		in.put("sensitivities", "gNa, gK");
		CommandModule m = run(SimulateCompartmentalModel.class, in);
		ImagePlus traces = (ImagePlus) m.getOutput("traces");
		assertEquals(1601, traces.getWidth());
		assertEquals(2, traces.getHeight());
		assertEquals(0.025, traces.getCalibration().pixelWidth, 1e-12);
		List<Trace> v = TraceImage.read(traces);
		assertEquals("V(soma)", v.get(0).name());
		assertEquals("V(axon[9])", v.get(1).name());
		ResultsTable table = (ResultsTable) m.getOutput("table");
		assertEquals(2, table.size());
		assertTrue(table.getValue("Max", 0) > 20, "the 0.2 nA pulse makes the soma spike");
		assertTrue(table.getValue("Max", 1) > 0, "the spike reaches the end of the axon");
		ImagePlus sensitivities = (ImagePlus) m.getOutput("sensitivity_traces");
		assertEquals(4, sensitivities.getHeight());
		assertEquals("dV(soma)/dgNa", TraceImage.read(sensitivities).get(0).name());
		assertNotNull(m.getOutput("plot"));
	}

	@Test
	void simulatesTheCorticalNeuronWithExtraCurrents() throws Exception {
		Map<String, Object> in = simulation(CellModel.Labels.CORTICAL, StimulusKind.Labels.STEP, 60);
		in.put("amplitude", -0.05);
		in.put("extra_currents", "H, NaP");
		in.put("sensitivities", "gH, eH");
		CommandModule m = run(SimulateCompartmentalModel.class, in);
		List<Trace> w = TraceImage.read((ImagePlus) m.getOutput("sensitivity_traces"));
		assertEquals("dV(soma)/dgH", w.get(0).name());
		assertEquals("dV(soma)/deH", w.get(1).name());
		assertTrue(w.get(1).sample(w.get(1).length() - 1) > 0, "a higher h reversal depolarises");
		in.put("extra_currents", "H, Kdr");
		assertTrue(error(SimulateCompartmentalModel.class, in).contains("No current 'Kdr'"));
		in.put("extra_currents", "auto");
		assertTrue(error(SimulateCompartmentalModel.class, in).contains("only Fit Conductances does"));
	}

	@Test
	void simulatesAnSwcMorphologyWithChannelsPerRegion(@TempDir Path dir) throws Exception {
		Map<String, Object> in = simulation(CellModel.Labels.SWC, StimulusKind.Labels.STEP, 10);
		in.put("swc", Paths.get("test-data", "swc", "synthetic-pyramidal.swc").toFile());
		in.put("values", "gna(soma)*1.1, gL(dendrite)=0.0002");
		in.put("record", "soma, 5");
		in.put("output", dir.toFile());
		CommandModule m = run(SimulateCompartmentalModel.class, in);
		assertEquals(2, ((ImagePlus) m.getOutput("traces")).getHeight());
		assertNull(m.getOutput("sensitivity_traces"));
		assertTrue(Files.size(dir.resolve("compartmental-voltage.tif")) > 1000);
		assertTrue(Files.readString(dir.resolve("compartmental-voltage.csv")).contains("V(soma)"));
		assertTrue(Files.exists(dir.resolve("compartmental-voltage-plot.png")));
	}

	@Test
	void badMorphologiesAndNamesGiveClearMessages(@TempDir Path dir) throws Exception {
		File cycle = dir.resolve("cycle.swc").toFile();
		Files.writeString(cycle.toPath(), "1 1 0 0 0 5 -1\n2 3 10 0 0 1 3\n3 3 20 0 0 1 2\n");
		Map<String, Object> in = simulation(CellModel.Labels.SWC, StimulusKind.Labels.STEP, 10);
		in.put("swc", cycle);
		assertTrue(error(SimulateCompartmentalModel.class, in).contains("cycle"));

		File orphan = dir.resolve("orphan.swc").toFile();
		Files.writeString(orphan.toPath(), "1 1 0 0 0 5 -1\n2 3 10 0 0 1 7\n");
		in.put("swc", orphan);
		String message = error(SimulateCompartmentalModel.class, in);
		assertTrue(message.contains("line 2") && message.contains("parent 7 does not exist"), message);

		in.put("swc", null);
		assertTrue(error(SimulateCompartmentalModel.class, in).contains("needs an SWC file"));

		in = simulation(CellModel.Labels.HH_AXON, StimulusKind.Labels.PULSES, 10);
		in.put("sensitivities", "gNa, gCa");
		message = error(SimulateCompartmentalModel.class, in);
		assertTrue(message.contains("no parameter 'gCa'") && message.contains("gNa, gK, gL, eL"), message);

		in = simulation(CellModel.Labels.HH_AXON, StimulusKind.Labels.PULSES, 10);
		in.put("record", "dendrite");
		message = error(SimulateCompartmentalModel.class, in);
		assertTrue(message.contains("no compartment 'dendrite'") && message.contains("axon[9]"), message);
	}

	@Test
	void fitOfASyntheticTargetReducesTheLoss(@TempDir Path dir) throws Exception {
		ImagePlus target = simulateTarget(CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.NOISE, 100,
			"gNa*1.2, gK*0.8");
		Map<String, Object> in = fit(target, CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.NOISE);
		in.put("fitted", "gNa, gK");
		in.put("iterations", 40);
		in.put("start_search", StartSearch.Labels.SINGLE);
		in.put("polish", 0);
		in.put("output", dir.toFile());
		CommandModule m = run(FitConductances.class, in);
		ResultsTable values = (ResultsTable) m.getOutput("fitted_values");
		ResultsTable iterations = (ResultsTable) m.getOutput("iteration_table");
		assertEquals(2, values.size());
		assertEquals("gNa", values.getStringValue("Parameter", 0));
		assertEquals(0.12, values.getValue("Initial", 0), 1e-12);
		assertEquals(41, iterations.size());
		double first = iterations.getValue("Loss (mV^2)", 0), last = values.getValue("Loss (mV^2)", 0);
		assertTrue(last < 0.5 * first, "loss " + first + " -> " + last);
		assertTrue(values.getValue("Multiplier", 0) > 1.05, "gNa moves towards x1.2");
		assertTrue(values.getValue("Multiplier", 1) < 0.95, "gK moves towards x0.8");
		assertEquals("completed", values.getStringValue("Status", 0));
		assertEquals("", m.getOutput("message"));
		ImagePlus traces = (ImagePlus) m.getOutput("fitted_traces");
		assertEquals(3, traces.getHeight());
		assertNotNull((Plot) m.getOutput("loss_plot"));
		assertNotNull((Plot) m.getOutput("comparison_plot"));
		for (String f : new String[] { "fitted-values.csv", "fit-iterations.csv", "fit-loss.png", "fitted-vs-target.png",
			"fitted-traces.tif" }) assertTrue(Files.exists(dir.resolve(f)), f);
	}

	@Test
	void baselineOptimisersRun() throws Exception {
		ImagePlus target = simulateTarget(CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.PULSES, 40, "gK*0.9");
		Map<String, Object> in = fit(target, CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.PULSES);
		in.put("fitted", "gNa, gK");
		in.put("optimiser", Optimiser.Labels.ADAM_FD);
		in.put("start_search", StartSearch.Labels.SINGLE);
		assertEquals(4, ((ResultsTable) run(FitConductances.class, in).getOutput("iteration_table")).size());
		in.put("optimiser", Optimiser.Labels.CMA_ES);
		in.put("iterations", 2);
		ResultsTable values = (ResultsTable) run(FitConductances.class, in).getOutput("fitted_values");
		assertEquals(2, values.size());
		assertTrue(values.getValue("Loss (mV^2)", 0) >= 0);
	}

	@Test
	void spikeWeightAddsTheSpikeTimeTermToTheLoss() throws Exception {
		ImagePlus target = simulateTarget(CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.PULSES, 100, "gNa*1.3, gK*0.8");
		Map<String, Object> in = fit(target, CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.PULSES);
		in.put("fitted", "gNa, gK");
		in.put("iterations", 1);
		in.put("start_search", StartSearch.Labels.SINGLE);
		in.put("polish", 0);
		double plain = ((ResultsTable) run(FitConductances.class, in).getOutput("iteration_table")).getValue("Loss (mV^2)", 0);
		in.put("spike_weight", 100.0);
		in.put("spike_threshold", 0.0);
		double spiky = ((ResultsTable) run(FitConductances.class, in).getOutput("iteration_table")).getValue("Loss (mV^2)", 0);
		assertTrue(spiky > plain + 1e-3, "the target's spikes come earlier: loss " + plain + " -> " + spiky);
		in.put("spike_weight", -1.0);
		String message = error(FitConductances.class, in);
		assertTrue(message.contains("spike weight"), message);
		in.put("spike_weight", 0.1);
		in.put("spike_threshold", Double.POSITIVE_INFINITY);
		message = error(FitConductances.class, in);
		assertTrue(message.contains("spike threshold"), message);
		// a step family refuses it before its first, passive stage
		in = fit(null, CellModel.Labels.CORTICAL, StimulusKind.Labels.WAVEFORM);
		in.put("source", TraceInputService.ABF);
		in.put("file", Paths.get("test-data", "abf", "171116sh_0018.abf").toFile());
		in.put("sweeps", "even");
		in.put("spike_weight", -1.0);
		message = error(FitConductances.class, in);
		assertTrue(message.contains("spike weight"), message);
	}

	/**
	 * A learning rate that once took eL to thousands of mV and blew the simulation up now
	 * moves the parameters only within their physical ranges; values that end on a bound are
	 * flagged in the table.
	 */
	@Test
	void aHugeLearningRateKeepsTheParametersPhysical() throws Exception {
		ImagePlus target = simulateTarget(CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.PULSES, 40, "eL*1.1");
		Map<String, Object> in = fit(target, CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.PULSES);
		in.put("fitted", "eL, gNa");
		in.put("learning_rate", 6.0);
		CommandModule m = run(FitConductances.class, in);
		assertEquals("", m.getOutput("message"));
		ResultsTable values = (ResultsTable) m.getOutput("fitted_values");
		assertEquals("completed", values.getStringValue("Status", 0));
		for (int k = 0; k < 2; k++) {
			double v = values.getValue("Fitted", k), lower = values.getValue("Lower bound", k), upper = values.getValue(
				"Upper bound", k);
			assertTrue(v >= lower && v <= upper, values.getStringValue("Parameter", k) + " = " + v);
			boolean onBound = Math.abs(v - lower) <= 0.01 * Math.abs(lower) || Math.abs(v - upper) <= 0.01 * Math.abs(upper);
			assertEquals(onBound, values.getStringValue("Note", k).contains("bound"), values.getStringValue("Note", k));
		}
		assertEquals(-90, values.getValue("Lower bound", 0));
		assertEquals(3, ((ImagePlus) m.getOutput("fitted_traces")).getHeight());
	}

	@Test
	void cancelledFitKeepsTheBestSoFar() throws Exception {
		GradientTuningService tuning = context.service(GradientTuningService.class);
		ModelRequest model = new ModelRequest(CellModel.HH_COMPARTMENT);
		model.values = "gK*0.9";
		StimulusRequest stimulus = new StimulusRequest();
		Trace target = tuning.simulate(new SimulationRequest(model, stimulus, 0.025, 30, "soma", ""), Progress.NONE).voltage.get(0);
		int[] reports = { 0 };
		Progress cancelAfterThree = new Progress() {
			@Override public void report(String stage, double fraction, String message) { reports[0]++; }
			@Override public boolean isCancelled() { return reports[0] >= 3; }
		};
		FitResult r = tuning.fit(FitRequest.toTrace(new ModelRequest(CellModel.HH_COMPARTMENT), "gK", "soma", target, stimulus,
			0.025, 0, new FitOptions().iterations(50).curriculum(1, 0)), cancelAfterThree).result;
		assertEquals(FitResult.Status.CANCELLED, r.status());
		assertEquals(3, r.history().size());
		assertTrue(r.message().contains("cancelled"), r.message());
	}

	@Test
	void badFitInputsGiveClearMessages() throws Exception {
		ImagePlus target = simulateTarget(CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.PULSES, 40, "");
		Map<String, Object> in = fit(target, CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.WAVEFORM);
		in.put("stimulus_file", Paths.get("test-data", "abf", "17o05028_ic_steps.abf").toFile());
		in.put("sweep", 3);
		String message = error(FitConductances.class, in);
		assertTrue(message.contains("do not match") && message.contains("1601 samples every 0.025 ms = 40 ms") &&
			message.contains("60000 samples every 0.05 ms (2999.95 ms)"), message);

		in = fit(target, CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.PULSES);
		in.put("total", 100.0);
		message = error(FitConductances.class, in);
		assertTrue(message.contains("longer than the target"), message);

		in = fit(target, CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.PULSES);
		in.put("start", 100.0);
		message = error(FitConductances.class, in);
		assertTrue(message.contains("after the end of the target"), message);

		in = fit(target, CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.PULSES);
		in.put("fitted", "gNa, gKdr");
		message = error(FitConductances.class, in);
		assertTrue(message.contains("no parameter 'gKdr'") && message.contains("gNa, gK, gL, eL"), message);

		in = fit(target, CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.PULSES);
		in.put("trace", 2);
		assertTrue(error(FitConductances.class, in).contains("no trace 2"));
	}

	@Test
	void abfTargetIsFittedWithItsOwnCommandWaveform() throws Exception {
		Map<String, Object> in = fit(null, CellModel.Labels.HH_COMPARTMENT, StimulusKind.Labels.WAVEFORM);
		in.put("source", TraceInputService.ABF);
		in.put("file", Paths.get("test-data", "abf", "17o05028_ic_steps.abf").toFile());
		in.put("trace", 15);
		in.put("total", 200.0);
		in.put("iterations", 1);
		CommandModule m = run(FitConductances.class, in);
		List<Trace> rows = TraceImage.read((ImagePlus) m.getOutput("fitted_traces"));
		assertEquals("target", rows.get(0).name());
		assertEquals(8001, rows.get(1).length());
		// sweep 15 steps to +100 pA (0.1 nA) at 146.85 ms: the model depolarises
		Trace initial = rows.get(1);
		assertTrue(initial.sample(7600) > initial.sample(5600) + 0.5, initial.sample(5600) + " -> " + initial.sample(7600));
		float rest = rows.get(0).sample(0);
		assertTrue(rest < -40 && rest > -90, "the target is the recorded membrane voltage in mV: " + rest);
		// total 0: the protocol's step (146.85..646.85 ms) and a tenth of it after, not the whole 3 s sweep
		in.put("total", 0.0);
		in.put("start_search", StartSearch.Labels.SINGLE);
		in.put("polish", 0);
		rows = TraceImage.read((ImagePlus) run(FitConductances.class, in).getOutput("fitted_traces"));
		assertEquals(27875, rows.get(0).length(), "696.85 ms at the time step of 0.025 ms");
	}

	@Test
	void aStepFamilyIsFittedWithTheCorticalNeuronsExtraCurrents() throws Exception {
		Map<String, Object> in = fit(null, CellModel.Labels.CORTICAL, StimulusKind.Labels.WAVEFORM);
		in.put("source", TraceInputService.ABF);
		in.put("file", Paths.get("test-data", "abf", "17o05028_ic_steps.abf").toFile());
		in.put("sweeps", "0, 15");
		in.put("extra_currents", "H");
		in.put("fitted", "gL, gH");
		in.put("dt", 0.1);
		in.put("iterations", 1);
		in.put("start_search", StartSearch.Labels.SINGLE);
		in.put("polish", 0);
		ResultsTable values = (ResultsTable) run(FitConductances.class, in).getOutput("fitted_values");
		assertEquals("gL", values.getStringValue("Parameter", 0));
		assertEquals("gH", values.getStringValue("Parameter", 1));
		assertEquals(2, values.size());
	}

	@Test
	void theExtraCurrentsAreChosenByTheHeldOutSweeps(@TempDir Path dir) throws Exception {
		Map<String, Object> in = fit(null, CellModel.Labels.CORTICAL, StimulusKind.Labels.WAVEFORM);
		in.put("source", TraceInputService.ABF);
		in.put("file", Paths.get("test-data", "abf", "17o05028_ic_steps.abf").toFile());
		in.put("sweeps", "0, 15");
		in.put("extra_currents", "auto");
		in.put("fitted", "gL");
		in.put("dt", 0.1);
		in.put("iterations", 1);
		in.put("start_search", StartSearch.Labels.SINGLE);
		in.put("polish", 0);
		in.put("output", dir.toFile());
		CommandModule m = run(FitConductances.class, in);
		ResultsTable sets = (ResultsTable) m.getOutput("current_sets");
		assertEquals(CorticalCurrent.candidates().size(), sets.size());
		int kept = -1;
		for (int i = 0; i < sets.size(); i++) {
			if (sets.getStringValue("Kept", i).equals("yes")) {
				assertEquals(-1, kept, "one set is kept");
				kept = i;
			}
			assertEquals(14, sets.getValue("Held-out spiking sweeps", i) + sets.getValue("Held-out quiet sweeps", i), 1e-9);
		}
		assertTrue(kept >= 0);
		for (int i = 0; i < sets.size(); i++)
			assertTrue(sets.getValue("Spike counts right", i) / sets.getValue("Held-out spiking sweeps", i)
				<= sets.getValue("Spike counts right", kept) / sets.getValue("Held-out spiking sweeps", kept), "row " + i);
		// the fitted values are those of the kept set: gL and the set's own conductances
		ResultsTable values = (ResultsTable) m.getOutput("fitted_values");
		Set<CorticalCurrent> keptSet = CorticalCurrent.parse(sets.getStringValue("Currents", kept));
		assertEquals(1 + CableModels.corticalNeuron(-65, keptSet).parameters().size() - CableModels.corticalNeuron().parameters().size()
			- (keptSet.contains(CorticalCurrent.H) ? 1 : 0), values.size());
		assertTrue(Files.exists(dir.resolve("current-sets.csv")));

		in.put("sweeps", "all");
		assertTrue(error(FitConductances.class, in).contains("judges every set on the sweeps that are not fitted"));
	}

	@Test
	void homeostaticControlRecordsRatesAndParameters(@TempDir Path dir) throws Exception {
		Map<String, Object> in = model(CellModel.Labels.HH_COMPARTMENT);
		in.put("adapted", "gNa, gK");
		in.put("target_rate", 5.0);
		in.put("alpha", 1e-5);
		in.put("lambda", 1e-4);
		in.put("tau_rate", 1000.0);
		in.put("duration", 2000.0);
		in.put("dt", 0.025);
		in.put("interval", 100.0);
		in.put("mean", 0.2);
		in.put("sd", 0.2);
		in.put("tau", 5.0);
		in.put("seed", 7L);
		in.put("record", "soma");
		in.put("output", dir.toFile());
		CommandModule m = run(HomeostaticControlCommand.class, in);
		ResultsTable table = (ResultsTable) m.getOutput("table");
		assertEquals(21, table.size());
		assertEquals(2.0, table.getValue("Time (s)", 20), 1e-9);
		assertEquals(0.12, table.getValue("gNa", 0), 1e-12);
		double counted = 0;
		for (int i = 1; i < table.size(); i++) counted += table.getValue("Counted rate (Hz)", i);
		assertTrue(counted > 0, "the noise makes the cell fire");
		assertTrue(table.getValue("gNa", 20) != 0.12 || table.getValue("gK", 20) != 0.036, "the parameters adapt");
		assertNotNull(m.getOutput("rate_plot"));
		assertNotNull(m.getOutput("parameter_plot"));
		assertTrue(Files.exists(dir.resolve("homeostatic-control.csv")));
		assertTrue(Files.exists(dir.resolve("firing-rate.png")));
		assertTrue(Files.exists(dir.resolve("adapted-parameters.png")));

		in.put("adapted", "gNa, gX");
		assertTrue(error(HomeostaticControlCommand.class, in).contains("no parameter 'gX'"));
	}
}
