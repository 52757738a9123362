package org.neurodynamics.ij1;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neurodynamics.service.CellModel;
import org.neurodynamics.service.StimulusKind;
import org.neurodynamics.service.TraceInputService;

/**
 * Where each input of a command goes in its dialog: the essential inputs on the first page,
 * the rest behind "Advanced...", and inputs that only matter for one choice of another
 * input (the trace source's own fields, the stimulus's, an SWC morphology's) shown only
 * when that choice is made. Presentation only: every input keeps its macro key, and a
 * macro sets any of them whether or not the dialog would show it.
 */
final class DialogLayout {

	/** An input shown only while {@code controller} has one of {@code values}. */
	static final class Condition {
		final String controller;
		final Set<String> values;

		Condition(String controller, String... values) {
			this.controller = controller;
			this.values = Set.of(values);
		}
	}

	private static final String PACKAGE = "org.neurodynamics.command.";

	/** Inputs behind "Advanced...", per command (simple name). */
	private static final Map<String, Set<String>> ADVANCED = Map.of(
		"ReconstructDynamics", Set.of("embedding", "slow_bins", "delay", "subsampling", "latent", "beta", "dimension_analysis",
			"vae_hidden", "map_hidden", "rollout", "teacher_forcing", "vae_learning_rate", "learning_rate", "samples_per_epoch"),
		"EstimateStateDimension", Set.of("samples_per_epoch", "hidden", "beta", "horizon", "relative_tolerance",
			"absolute_tolerance", "embedding", "delay", "subsampling"),
		"FitConductances", Set.of("soma_channels", "axon_channels", "dendrite_channels", "sweep", "dac", "inject", "dt", "seed",
			"start_search", "starts", "polish", "learning_rate", "window", "ramp", "l2", "optimiser", "record", "total",
			"spike_weight", "spike_threshold"),
		"SimulateCompartmentalModel", Set.of("soma_channels", "axon_channels", "dendrite_channels", "sweep", "dac", "inject", "dt"),
		"HomeostaticControlCommand", Set.of("soma_channels", "axon_channels", "dendrite_channels", "alpha", "lambda", "tau_rate",
			"dt", "interval", "seed"),
		"BatchOverRecordings", Set.of("channel", "value_unit", "starts", "dt", "duration", "quick", "hold_out", "threads"));

	/** Inputs that belong to one trace source, a morphology, or one stimulus (for every command that has the controller). */
	private static final Map<String, Condition> CONDITIONS = new HashMap<>();
	static {
		String image = TraceInputService.IMAGE, rois = TraceInputService.ROIS, table = TraceInputService.TABLE,
			text = TraceInputService.TEXT_FILE, abf = TraceInputService.ABF;
		CONDITIONS.put("image", new Condition("source", image, rois));
		CONDITIONS.put("table", new Condition("source", table));
		CONDITIONS.put("file", new Condition("source", text, abf));
		for (String k : List.of("columns", "interval", "time_unit", "value_unit")) CONDITIONS.put(k, new Condition("source", table, text));
		for (String k : List.of("channel", "step_only", "sweeps")) CONDITIONS.put(k, new Condition("source", abf));
		for (String k : List.of("rois", "dff", "percentile", "bleach_window")) CONDITIONS.put(k, new Condition("source", rois));
		for (String k : List.of("swc", "soma_channels", "axon_channels", "dendrite_channels"))
			CONDITIONS.put(k, new Condition("model", CellModel.Labels.SWC));
		CONDITIONS.put("extra_currents", new Condition("model", CellModel.Labels.CORTICAL));
		String step = StimulusKind.Labels.STEP, pulses = StimulusKind.Labels.PULSES, noise = StimulusKind.Labels.NOISE,
			waveform = StimulusKind.Labels.WAVEFORM;
		CONDITIONS.put("amplitude", new Condition("stimulus", step, pulses, noise));
		CONDITIONS.put("start", new Condition("stimulus", step, pulses));
		CONDITIONS.put("duration", new Condition("stimulus", step));
		for (String k : List.of("period", "width")) CONDITIONS.put(k, new Condition("stimulus", pulses));
		for (String k : List.of("sd", "tau")) CONDITIONS.put(k, new Condition("stimulus", noise));
		for (String k : List.of("stimulus_file", "sweep", "dac")) CONDITIONS.put(k, new Condition("stimulus", waveform));
	}

	/** Units of inputs whose description does not end with one. */
	private static final Map<String, String> UNITS = Map.of("delay", "samples", "max_delay", "samples", "rollout", "steps",
		"transient_steps", "steps", "sweep_steps", "steps", "horizon", "samples");

	private static final Pattern UNIT = Pattern.compile("\\(([A-Za-z/^0-9]{1,6})\\)\\.?\\s*$");

	private DialogLayout() {}

	static boolean isAdvanced(String commandClass, String key) {
		String simple = commandClass.startsWith(PACKAGE) ? commandClass.substring(PACKAGE.length()) : commandClass;
		return ADVANCED.getOrDefault(simple, Set.of()).contains(key);
	}

	/**
	 * The condition under which {@code key} is shown, or null when it always is. Only for
	 * commands that have the controlling input; the noise seed of Simulate Compartmental
	 * Model is the noise's own, elsewhere a seed serves more than the stimulus.
	 */
	static Condition condition(String commandClass, String key, Collection<String> keys) {
		Condition c = CONDITIONS.get(key);
		if (c == null && key.equals("seed") && commandClass.endsWith(".SimulateCompartmentalModel"))
			c = new Condition("stimulus", StimulusKind.Labels.NOISE);
		return c == null || !keys.contains(c.controller) ? null : c;
	}

	/** The unit shown right of a numeric field: the description's trailing "(ms)", or a known one; empty when none. */
	static String unit(String key, String description) {
		if (description != null) {
			Matcher m = UNIT.matcher(description);
			if (m.find()) return m.group(1);
		}
		return UNITS.getOrDefault(key, "");
	}
}
