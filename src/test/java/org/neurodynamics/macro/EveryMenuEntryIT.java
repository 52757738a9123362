package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every menu entry of plugins.config, run the way the menu runs it (run("Label...", keys)
 * in a headless macro against the built jar) on small valid input, writes its results.
 * The entries are read from plugins.config: an entry without a case here fails.
 */
class EveryMenuEntryIT {

	private static final String PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().toString();
	private static final Pattern ENTRY = Pattern.compile("^Plugins>.*?,\\s*\"(.+?)\",\\s*\\S+\\(\"(.+?)\"\\)\\s*$");

	/** One case: the macro options (with {out} for its output folder, {data} for test-data/) and the files it must write. */
	private static final class Case {
		final String options;
		final String[] files;

		Case(String options, String... files) {
			this.options = options;
			this.files = files;
		}
	}

	/** In menu order; later cases use the results of earlier ones (the trace image, the model file). */
	private static final Map<String, Case> CASES = new LinkedHashMap<>();
	static {
		String hr = "source=[CSV/TSV file] file=[{data}/hindmarsh-rose.csv] interval=0.5 ";
		CASES.put("Simulate Neuron Model...", new Case("model=Hindmarsh-Rose variable=x parameters=[1.5, 3] duration=300 " +
			"transient_time=100 dt=0.5 noise=0 seed=1 output=[{out}]", "simulated-traces.tif", "simulated-traces.csv"));
		CASES.put("Import Traces...", new Case(hr + "output=[{out}]", "imported-traces.tif", "imported-traces.csv"));
		CASES.put("Estimate Embedding...", new Case(hr + "columns=[Hindmarsh-Rose x I=3] max_delay=20 max_dimension=4 output=[{out}]",
			"embedding-estimate.csv", "mutual-information.png", "false-neighbours.png"));
		CASES.put("Estimate State Dimension...", new Case(hr + "columns=[Hindmarsh-Rose x I=3] max_latent=2 seeds=1 epochs=1 " +
			"samples_per_epoch=256 hidden=8 embedding=3 delay=2 output=[{out}]", "state-dimension-summary.csv", "state-dimension.csv"));
		CASES.put("Reconstruct Dynamics...", new Case("source=[Image (one trace per row)] image=[hindmarsh-rose.tif] parameters= " +
			"model=[{out}/model.ndmodel] embedding=3 delay=2 latent=3 state_dimension=2 vae_hidden=8 map_hidden=8 vae_epochs=1 " +
			"map_epochs=1 rollout=2 samples_per_epoch=256 hold_out seed=0 output=[{out}]",
			"model.ndmodel", "reconstruction-summary.csv", "kl-per-coordinate.csv", "training-losses.png", "held-out.csv", "firing-rate.png"));
		CASES.put("Explore Reconstructed Model...", new Case("model=[{outs}/Reconstruct Dynamics.../model.ndmodel] " +
			"parameters=1.5:0.75:3 iterations=200 transient_steps=50 initial_states=1 trace_at=2.25 seed=0 output=[{out}]",
			"regimes.csv", "bifurcation-maxima.csv", "fixed-points.csv", "phase-portrait.png"));
		CASES.put("Simulate Compartmental Model...", new Case("model=[HH single compartment] values= stimulus=[Current step] " +
			"amplitude=0.2 start=5 duration=20 dt=0.025 total=30 record=soma sensitivities= output=[{out}]",
			"compartmental-voltage.tif", "compartmental-voltage.csv"));
		CASES.put("Fit Conductances (Gradient Diffusion)...", new Case("source=[Image (one trace per row)] " +
			"image=[HH single compartment voltage] trace=0 model=[HH single compartment] values= fitted=[gNa, gK] record=soma " +
			"stimulus=[Current step] amplitude=0.25 start=5 duration=20 dt=0.025 total=0 optimiser=[Adam (gradient diffusion)] " +
			"learning_rate=0.05 iterations=2 window=1 ramp=0 l2=0 spike_weight=0.1 spike_threshold=0 output=[{out}]",
			"fitted-values.csv", "fit-iterations.csv"));
		CASES.put("Homeostatic Control...", new Case("model=[HH single compartment] values= adapted=[gNa, gK] target_rate=5 " +
			"duration=200 dt=0.025 interval=50 mean=0.2 sd=0.2 tau=5 seed=7 record=soma output=[{out}]", "homeostatic-control.csv"));
		CASES.put("Batch Over Recordings...", new Case("input=[{data}/abf] output=[{out}/batch] job=features",
			"batch/results.csv", "batch/population.png", "batch/cells/171116sh_0018.abf/sweeps.csv"));
	}

	static List<String> menuLabels() throws Exception {
		List<String> labels = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of(PROJECT, "plugins.config"))) {
			if (line.isBlank() || line.startsWith("#")) continue;
			Matcher m = ENTRY.matcher(line);
			assertTrue(m.matches(), "unexpected plugins.config line: " + line);
			labels.add(m.group(1));
		}
		return labels;
	}

	@Test
	void everyMenuEntryRunsAndWritesItsResults(@TempDir Path out) throws Exception {
		List<String> labels = menuLabels();
		assertEquals(List.of(), labels.stream().filter(l -> !CASES.containsKey(l)).collect(java.util.stream.Collectors.toList()),
			"menu entries of plugins.config without a case in " + getClass().getSimpleName());
		// One macro (one ImageJ, one SciJava context) for all entries: each writes to its own folder,
		// then a marker file, so a missing marker names the command that failed.
		StringBuilder macro = new StringBuilder("setBatchMode(true);\nouts = getArgument();\n");
		macro.append("open(\"").append(escape(PROJECT + "/test-data/hindmarsh-rose.tif")).append("\");\n");
		for (Map.Entry<String, Case> c : CASES.entrySet()) {
			Path folder = out.resolve(c.getKey());
			Files.createDirectories(folder);
			String options = c.getValue().options.replace("{out}", folder.toString()).replace("{outs}", out.toString())
				.replace("{data}", PROJECT + "/test-data");
			macro.append("run(\"").append(c.getKey()).append("\", \"").append(escape(options)).append("\");\n");
			macro.append("File.saveString(\"ran\", \"").append(escape(folder.resolve("ran.txt").toString())).append("\");\n");
		}
		long start = System.nanoTime();
		MacroRunner.run(macro.toString(), out.toString());
		System.out.printf("Every menu entry ran in %.1f s%n", (System.nanoTime() - start) * 1e-9);
		for (Map.Entry<String, Case> c : CASES.entrySet()) {
			Path folder = out.resolve(c.getKey());
			assertTrue(Files.exists(folder.resolve("ran.txt")), c.getKey() + " did not finish; its folder holds " +
				java.util.Arrays.toString(folder.toFile().list()));
			for (String file : c.getValue().files)
				assertTrue(Files.isRegularFile(folder.resolve(file)) && Files.size(folder.resolve(file)) > 0,
					c.getKey() + " did not write " + file + "; its folder holds " + java.util.Arrays.toString(folder.toFile().list()));
		}
	}

	private static String escape(String s) {
		return s.replace("\\", "\\\\").replace("\"", "\\\"");
	}
}
