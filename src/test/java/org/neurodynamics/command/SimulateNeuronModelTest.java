package org.neurodynamics.command;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurodynamics.core.trace.Trace;
import org.neurodynamics.results.TraceImage;
import org.scijava.Context;
import org.scijava.command.CommandModule;

/** The simulate command in a headless SciJava context, as scripts call it. */
class SimulateNeuronModelTest {

	static Context context;

	@BeforeAll
	static void start() {
		context = new Context();
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void writesACalibratedTraceImageWithParametersInItsMetadata() throws Exception {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("model", "Hindmarsh-Rose");
		inputs.put("variable", "");
		inputs.put("parameters", "1.5, 2.5");
		inputs.put("duration", 500.0);
		inputs.put("transient_time", 200.0);
		inputs.put("dt", 0.5);
		inputs.put("noise", 0.0);
		inputs.put("seed", 1L);
		inputs.put("output", null);
		CommandModule m = Commands.run(context, SimulateNeuronModel.class.getName(), inputs);
		if (m.isCanceled()) fail(m.getCancelReason());
		ImagePlus image = (ImagePlus) m.getOutput("traces");
		assertEquals(1000, image.getWidth());
		assertEquals(2, image.getHeight());
		assertEquals(0.5, image.getCalibration().pixelWidth);
		List<Trace> back = TraceImage.read(image);
		assertEquals(2.5, back.get(1).parameter());
		assertEquals("I", back.get(1).parameterName().substring(0, 1));
		ResultsTable table = (ResultsTable) m.getOutput("table");
		assertEquals(2, table.size());
	}
}
