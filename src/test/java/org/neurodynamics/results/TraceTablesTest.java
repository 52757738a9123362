package org.neurodynamics.results;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import ij.measure.ResultsTable;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.trace.Trace;

/** One row per trace, with its sampling, units and sample statistics. */
class TraceTablesTest {

	@Test
	void summarisesEveryTrace() {
		Trace a = new Trace("a", new float[] { 1, 2, 3, 4 }, 0.5, "ms", "mV", 2.0, "I");
		Trace b = new Trace("b", new float[] { -1, 1 }, 0.5, "ms", "mV", 3.0, "I");
		ResultsTable rt = TraceTables.summary(List.of(a, b));
		assertEquals(2, rt.size());
		assertEquals("a", rt.getStringValue("Trace", 0));
		assertEquals(2.0, rt.getValue("Parameter", 0));
		assertEquals(4, rt.getValue("Samples", 0));
		assertEquals(2.5, rt.getValue("Mean", 0), 1e-12);
		assertEquals(Math.sqrt(5.0 / 3), rt.getValue("SD", 0), 1e-12);
		assertEquals(-1, rt.getValue("Min", 1));
		assertEquals(1, rt.getValue("Max", 1));
	}
}
