package org.neurodynamics.service;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.trace.Trace;
import org.scijava.Context;
import org.scijava.log.LogService;

/** A recording with the same command in every sweep says why its sweeps have no parameter values, and how to give them. */
class AbfParameterHintTest {

	@Test
	void samePulseInEverySweepSuggestsTheSweepIndex(@TempDir Path dir) throws Exception {
		// The step recording with every epoch's level increment set to 0: nothing steps any more.
		byte[] bytes = Files.readAllBytes(Path.of(System.getProperty("basedir", "."), "test-data", "abf", "17o05028_ic_steps.abf"));
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		for (int e = 0; e < 5; e++) b.putFloat(7 * 512 + 48 * e + 10, 0f);
		Path file = dir.resolve("pulse.abf");
		Files.write(file, bytes);

		Context context = new Context();
		try {
			List<String> warnings = new ArrayList<>();
			context.service(LogService.class).addLogListener(m -> warnings.add(m.text()));
			List<Trace> traces = context.service(TraceInputService.class).fromAbf(file.toFile(), 0, false);
			assertEquals(16, traces.size());
			assertFalse(traces.get(0).hasParameter());
			assertTrue(warnings.stream().anyMatch(w -> w.contains("'pulse.abf'") && w.contains("16 sweeps have no control-parameter values") &&
				w.contains("parameters=0:1:15")), warnings.toString());
		}
		finally {
			context.dispose();
		}
	}
}
