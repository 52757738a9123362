package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped macros/fit-step-family.ijm, run headless against the built jar on a recorded ABF step family. */
class FitStepFamilyMacroIT {

	@Test
	void fitsEveryOtherSweepAndPredictsTheHeldOutSubthresholdSweeps(@TempDir Path out) throws Exception {
		File abf = new File(System.getProperty("basedir", "."), "test-data/abf/171116sh_0018.abf");
		MacroRunner.runFile("fit-step-family.ijm", out + "," + abf.getAbsolutePath());
		List<String> values = Files.readAllLines(out.resolve("fitted-values.csv"));
		assertEquals(7, values.size(), String.join("\n", values));
		assertTrue(values.get(0).contains("Relative s.e."), values.get(0));
		List<String> rows = Files.readAllLines(out.resolve("sweeps.csv"));
		assertEquals(18, rows.size(), String.join("\n", rows));
		List<String> header = List.of(rows.get(0).split(","));
		int role = header.indexOf("Role"), rec = header.indexOf("Recorded steady (mV)"), sim = header.indexOf("Model steady (mV)");
		int current = header.indexOf("Current (pA)");
		for (int s = 1; s <= 17; s++) {
			String[] row = rows.get(s).split(",");
			assertEquals((s - 1) % 2 == 0 ? "fitted" : "held out", row[role]);
			if (Double.parseDouble(row[current]) < 0) assertEquals(Double.parseDouble(row[rec]), Double.parseDouble(row[sim]), 3,
				"steady state of hyperpolarised sweep " + (s - 1));
		}
		assertTrue(Files.size(out.resolve("f-i-curve.png")) > 1000);
		assertTrue(Files.size(out.resolve("fitted-vs-recorded.png")) > 1000);
		assertTrue(Files.size(out.resolve("fitted-traces.tif")) > 8000);
		String summary = MacroRunner.read(out.resolve("step-family-summary.txt"));
		assertEquals(9, summary.split("\n").length, summary);
	}
}
