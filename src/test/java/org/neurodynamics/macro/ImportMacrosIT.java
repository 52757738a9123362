package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped Import Traces macros, run headless against the built jar. */
class ImportMacrosIT {

	private static final String PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().toString();

	@Test
	void importAbfGivesEachSweepItsCurrentStep(@TempDir Path out) throws Exception {
		MacroRunner.runFile("import-abf.ijm", out + "|" + PROJECT);
		List<String> lines = MacroRunner.read(out.resolve("parameters.txt")).lines().collect(java.util.stream.Collectors.toList());
		assertEquals(16, lines.size(), lines.toString());
		for (int s = 0; s < 16; s++) assertEquals(s + " " + (-50 + 10 * s) + " 60000", lines.get(s));
		String table = MacroRunner.read(out.resolve("imported-traces.csv"));
		assertTrue(table.contains("17o05028_ic_steps sweep 15 ch 0"), table);
		assertTrue(table.contains("pA"), "parameter name with its unit: " + table);
		assertTrue(out.resolve("imported-traces.tif").toFile().length() > 16 * 60000 * 4, "trace image of 16 x 60000 floats");
	}

	@Test
	void roiTracesGiveDeltaFOverFOfEachCell(@TempDir Path out) throws Exception {
		MacroRunner.runFile("roi-traces.ijm", out + "|" + PROJECT);
		List<String> lines = MacroRunner.read(out.resolve("roi-traces.csv")).lines().collect(java.util.stream.Collectors.toList());
		assertEquals("frame,calcium.tif cell 1,calcium.tif cell 2", lines.get(0));
		assertEquals(151, lines.size());
		double[] peak = new double[2], floor = { Double.MAX_VALUE, Double.MAX_VALUE };
		// Away from the ends, where the bleach-correction window is cut short.
		for (String line : lines.subList(1 + 31, lines.size() - 31)) {
			String[] cells = line.split(",");
			for (int c = 0; c < 2; c++) {
				double v = Double.parseDouble(cells[c + 1]);
				peak[c] = Math.max(peak[c], v);
				floor[c] = Math.min(floor[c], v);
			}
		}
		// Transients of dF/F 1.0 and 0.5 over a bleach-corrected baseline near 0: F0 is the
		// baseline up to one transient width (12 frames) away, e^(12/150) = 1.083 (see RoiTracesTest).
		assertTrue(peak[0] > 2 / 1.09 - 1 && peak[0] < 1.02, "cell 1 peak " + peak[0]);
		assertTrue(peak[1] > 1.5 / 1.09 - 1 && peak[1] < 0.52, "cell 2 peak " + peak[1]);
		assertEquals(0, floor[0], 0.09);
		assertEquals(0, floor[1], 0.09);
		String table = MacroRunner.read(out.resolve("imported-traces.csv"));
		assertTrue(table.contains("calcium.tif cell 1") && table.contains("dF/F"), table);
	}
}
