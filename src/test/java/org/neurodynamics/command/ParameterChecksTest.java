package org.neurodynamics.command;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.service.TraceInputService;
import org.scijava.Context;

/** Parameters that used to be replaced, wrapped around or found wrong only after the work: refused up front. */
class ParameterChecksTest {

	static Context context;

	@BeforeAll
	static void start() {
		context = new Context();
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	/** The user-input message a command fails with. */
	private static String refusal(Class<?> command, Map<String, Object> inputs) {
		Exception e = assertThrows(Exception.class, () -> Commands.run(context, command.getName(), inputs));
		for (Throwable t = e; t != null; t = t.getCause())
			if (t instanceof UserInputException) return t.getMessage();
		throw new AssertionError("not a user-input error", e);
	}

	private static Map<String, Object> simulate(double duration, double transientTime, double dt) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("model", "Hindmarsh-Rose");
		inputs.put("parameters", "2");
		inputs.put("duration", duration);
		inputs.put("transient_time", transientTime);
		inputs.put("dt", dt);
		return inputs;
	}

	@Test
	void negativeTimesOfASimulationAreRefusedNotReplaced() {
		assertTrue(refusal(SimulateNeuronModel.class, simulate(-100, 10, 0.5)).contains("duration"));
		assertTrue(refusal(SimulateNeuronModel.class, simulate(100, 10, -0.5)).contains("dt"));
		assertTrue(refusal(SimulateNeuronModel.class, simulate(100, -5, 0.5)).contains("transient"));
	}

	@Test
	void iterationsBeyondAnIntAreRefusedAsGiven(@TempDir Path dir) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("model", dir.resolve("none.ndmodel").toFile());
		inputs.put("iterations", 1_000_000_000_000L);
		String message = refusal(ExploreReconstructedModel.class, inputs);
		assertTrue(message.contains("1000000000000"), message);
	}

	@Test
	void modelAndOutputPathsAreCheckedBeforeTheTracesAreReadAndTrained(@TempDir Path dir) throws Exception {
		File notAFolder = Files.writeString(dir.resolve("file.txt"), "x").toFile();
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("source", TraceInputService.TEXT_FILE);
		inputs.put("file", dir.resolve("missing.csv").toFile()); // would fail only when read
		inputs.put("model", new File(notAFolder, "model.ndmodel"));
		String message = refusal(ReconstructDynamics.class, inputs);
		assertTrue(message.contains("model file") && message.contains("model.ndmodel"), message);
		inputs.put("model", dir.resolve("model.ndmodel").toFile());
		inputs.put("output", notAFolder);
		message = refusal(ReconstructDynamics.class, inputs);
		assertTrue(message.contains("output folder"), message);
		assertFalse(Files.exists(dir.resolve("model.ndmodel")));
	}
}
