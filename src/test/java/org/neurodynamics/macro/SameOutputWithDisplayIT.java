package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shipped macro writes the same files in the GUI (ImageJ on an Xvfb display, the plugin
 * in its plugins folder) as headless: the macros read the "Results" table, which must be
 * the command's main table in both. Skipped when xvfb-run is not installed.
 */
class SameOutputWithDisplayIT {

	private static final String PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().toString();

	@Test
	void shippedMacrosWriteTheSameFilesWithAndWithoutADisplay(@TempDir Path dir) throws Exception {
		assumeTrue(Display.available(), "xvfb-run is not installed");
		String[][] macros = { { "import-abf.ijm", "parameters.txt", "imported-traces.csv" },
			{ "roi-traces.ijm", "roi-traces.csv", "imported-traces.csv" } };
		StringBuilder gui = new StringBuilder();
		for (String[] m : macros) {
			Path withDisplay = Files.createDirectories(dir.resolve("gui").resolve(m[0]));
			gui.append("runMacro(\"").append(Path.of(PROJECT, "macros", m[0])).append("\", \"").append(withDisplay).append('|')
				.append(PROJECT).append("\");\n");
		}
		gui.append("run(\"Quit\");\n");
		Path wrapper = dir.resolve("with-display.ijm");
		Files.writeString(wrapper, gui.toString());
		String log = Display.runImageJ(dir, wrapper, "", 240);
		for (String[] m : macros) {
			Path headless = Files.createDirectories(dir.resolve("headless").resolve(m[0]));
			MacroRunner.runFile(m[0], headless + "|" + PROJECT);
			for (int f = 1; f < m.length; f++) {
				String expected = MacroRunner.read(headless.resolve(m[f]));
				Path withDisplay = dir.resolve("gui").resolve(m[0]).resolve(m[f]);
				assertTrue(Files.exists(withDisplay), m[0] + " wrote no " + m[f] + " with a display:\n" + log);
				assertFalse(expected.isBlank(), m[0] + ": " + m[f] + " is empty headless");
				assertEquals(expected, Files.readString(withDisplay), m[0] + ": " + m[f] + " differs with a display\n" + log);
			}
		}
	}
}
