package org.neurodynamics.command;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;

/**
 * A command run through {@link Commands} that fails reaches its caller as an exception and
 * is not logged again by SciJava ("Command errored" with a stack trace), so tests that feed
 * bad input on purpose keep the build log quiet.
 */
class QuietFailuresTest {

	@Test
	void aFailedCommandIsNotLoggedAsAnError() {
		Context context = new Context();
		try {
			List<String> errors = new ArrayList<>();
			LogService log = context.service(LogService.class);
			log.addLogListener(message -> {
				if (message.level() <= LogLevel.ERROR) errors.add(message.text());
			});
			Map<String, Object> inputs = Map.of("model", "Hindmarsh-Rose", "parameters", "2", "duration", -100.0);
			assertThrows(Exception.class, () -> Commands.run(context, SimulateNeuronModel.class.getName(), inputs));
			assertEquals(List.of(), errors);
		}
		finally {
			context.dispose();
		}
	}
}
