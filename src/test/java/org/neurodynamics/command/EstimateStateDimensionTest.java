package org.neurodynamics.command;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.model.HindmarshRose;
import org.neurodynamics.core.model.ModelSimulator;
import org.neurodynamics.results.TraceImage;
import org.neurodynamics.service.TraceInputService;
import org.scijava.Context;
import org.scijava.command.CommandModule;

/** The state-dimension command in a headless SciJava context, with tiny settings. */
class EstimateStateDimensionTest {

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
	void readsADimensionAndShowsTheEvidence() throws Exception {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("source", TraceInputService.IMAGE);
		inputs.put("image", TraceImage.create("hr", List.of(new ModelSimulator(new HindmarshRose()).trace(0, 3.0, 600, 500, 0.5, 0, 1, Progress.NONE))));
		inputs.put("table", "Results");
		inputs.put("file", null);
		inputs.put("columns", "");
		inputs.put("channel", 0);
		inputs.put("interval", 1.0);
		inputs.put("time_unit", "");
		inputs.put("value_unit", "");
		inputs.put("dff", false);
		inputs.put("percentile", 8.0);
		inputs.put("bleach_window", 0);
		inputs.put("parameters", "");
		inputs.put("parameter_name", "I");
		inputs.put("max_latent", 3);
		inputs.put("seeds", 2);
		inputs.put("epochs", 2);
		inputs.put("samples_per_epoch", 512L);
		inputs.put("hidden", "16");
		inputs.put("beta", 1e-3);
		inputs.put("horizon", 0);
		inputs.put("relative_tolerance", 0.25);
		inputs.put("absolute_tolerance", 0.02);
		inputs.put("embedding", 0);
		inputs.put("delay", 1);
		inputs.put("subsampling", 0);
		inputs.put("seed", 0L);
		inputs.put("output", null);
		CommandModule m = Commands.run(context, EstimateStateDimension.class.getName(), inputs);
		if (m.isCanceled()) fail(m.getCancelReason());
		int d = (Integer) m.getOutput("dimension");
		assertTrue(d >= 1 && d <= 3);
		ResultsTable table = (ResultsTable) m.getOutput("dimension_table");
		assertEquals(3, table.size());
		assertTrue(table.columnExists("Forecast error SD"));
		assertNotNull((Plot) m.getOutput("dimension_plot"));
		assertNotNull((Plot) m.getOutput("kl_plot"));
		ResultsTable summary = (ResultsTable) m.getOutput("summary");
		assertEquals("State dimension", summary.getStringValue("Item", 0));
		assertEquals(d, summary.getValue("Value", 0));
	}
}
