package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped macros/fit-conductances.ijm, run headless against the built jar. */
class FitConductancesMacroIT {

	@Test
	void fitRecoversTheConductancesOfASyntheticTarget(@TempDir Path out) throws Exception {
		MacroRunner.runFile("fit-conductances.ijm", out.toString());
		List<String> rows = Files.readAllLines(out.resolve("fitted-values.csv"));
		List<String> header = List.of(rows.get(0).split(","));
		int name = header.indexOf("Parameter"), multiplier = header.indexOf("Multiplier"), status = header.indexOf("Status");
		assertEquals(4, rows.size(), String.join("\n", rows));
		String[] names = { "gNa", "gK", "gL" };
		double[] truth = { 1.2, 0.8, 1.3 };
		for (int k = 0; k < 3; k++) {
			String[] row = rows.get(k + 1).split(",");
			assertEquals(names[k], row[name]);
			assertEquals("completed", row[status]);
			double m = Double.parseDouble(row[multiplier]);
			assertEquals(truth[k], m, 0.02 * truth[k], names[k] + " multiplier");
		}
		int iterations = Files.readAllLines(out.resolve("fit-iterations.csv")).size() - 1;
		assertTrue(iterations >= 301 && iterations <= 311, "300 Adam steps, the last evaluation and up to 10 Gauss-Newton " +
			"steps: " + iterations);
		assertTrue(Files.size(out.resolve("fit-loss.png")) > 1000);
		assertTrue(Files.size(out.resolve("fitted-vs-target.png")) > 1000);
		assertTrue(Files.size(out.resolve("fitted-traces.tif")) > 8000);
		assertTrue(Files.size(out.resolve("compartmental-voltage.tif")) > 8000);
		String summary = MacroRunner.read(out.resolve("fit-summary.txt"));
		assertTrue(summary.startsWith("parameter\ttruth"), summary);
	}
}
