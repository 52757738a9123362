package org.neurodynamics.command;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.service.TraceInputService;
import org.scijava.Context;
import org.scijava.command.CommandModule;

/** Import Traces in a headless SciJava context: traces are checked when read, and bad input writes nothing. */
class ImportTracesTest {

	static Context context;

	@BeforeAll
	static void start() {
		context = new Context();
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static Map<String, Object> inputs(String source, Path file, Path output) {
		Map<String, Object> inputs = new HashMap<>();
		inputs.put("source", source);
		inputs.put("image", null);
		inputs.put("file", file == null ? null : file.toFile());
		inputs.put("rois", null);
		inputs.put("columns", "");
		inputs.put("interval", 0.1);
		inputs.put("time_unit", "ms");
		inputs.put("parameters", "");
		inputs.put("output", output == null ? null : output.toFile());
		return inputs;
	}

	private static CommandModule run(Map<String, Object> inputs) throws Exception {
		CommandModule m = Commands.run(context, ImportTraces.class.getName(), inputs);
		if (m.isCanceled()) fail(m.getCancelReason());
		return m;
	}

	/** The user's message when the command fails. */
	private static String failure(Map<String, Object> inputs) {
		Throwable e = assertThrows(Exception.class, () -> run(inputs));
		while (!(e instanceof UserInputException) && e.getCause() != null) e = e.getCause();
		assertInstanceOf(UserInputException.class, e, "a message for the user, not a crash");
		return e.getMessage();
	}

	@Test
	void importsCsvColumnsWithParametersIntoATraceImageAndTable(@TempDir Path dir) throws Exception {
		Path csv = Files.writeString(dir.resolve("sweeps.csv"), "a,b\n1,4\n2,5\n3,7\n");
		Map<String, Object> inputs = inputs(TraceInputService.TEXT_FILE, csv, dir.resolve("out"));
		inputs.put("parameters", "10, 20");
		inputs.put("parameter_name", "I (pA)");
		CommandModule m = run(inputs);
		ImagePlus image = (ImagePlus) m.getOutput("traces");
		assertEquals("Traces of sweeps.csv", image.getTitle());
		assertEquals(3, image.getWidth());
		assertEquals(2, image.getHeight());
		ResultsTable table = (ResultsTable) m.getOutput("summary");
		assertEquals(20, table.getValue("Parameter", 1));
		assertTrue(Files.exists(dir.resolve("out/imported-traces.tif")));
		assertTrue(Files.readString(dir.resolve("out/imported-traces.csv")).contains("I (pA)"));
	}

	@Test
	void unusableTracesAreRefusedAtImportAndNothingIsWritten(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("out");
		Path gap = Files.writeString(dir.resolve("gap.csv"), "V1,V2\n1,4\nNaN,5\n3,6\n");
		String message = failure(inputs(TraceInputService.TEXT_FILE, gap, out));
		assertTrue(message.contains("Trace 'V1' has a NaN sample at index 1"), message);
		Path flat = Files.writeString(dir.resolve("flat.csv"), "V1\n2\n2\n2\n");
		message = failure(inputs(TraceInputService.TEXT_FILE, flat, out));
		assertTrue(message.contains("Trace 'V1' is constant"), message);
		Path one = Files.writeString(dir.resolve("one.csv"), "V1,V2\n1,2\n");
		message = failure(inputs(TraceInputService.TEXT_FILE, one, out));
		assertTrue(message.contains("Trace 'V1' has 1 sample(s)"), message);
		Map<String, Object> mismatch = inputs(TraceInputService.TEXT_FILE, Files.writeString(dir.resolve("ok.csv"), "a,b\n1,2\n3,4\n"), out);
		mismatch.put("parameters", "1, 2, 3");
		message = failure(mismatch);
		assertTrue(message.contains("2 trace(s) but 3 parameter value(s)"), message);
		assertFalse(Files.exists(out), "nothing was written");
	}

	@Test
	void aTimeLapseIsNotATraceImage() {
		Map<String, Object> inputs = inputs(TraceInputService.IMAGE, null, null);
		inputs.put("image", ij.IJ.createImage("movie", "16-bit black", 8, 8, 4));
		String message = failure(inputs);
		assertTrue(message.contains("'movie' is a stack"), message);
	}
}
