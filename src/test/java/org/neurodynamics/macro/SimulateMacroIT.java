package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The menu commands, run from a macro in headless ImageJ against the built jar. */
class SimulateMacroIT {

	@Test
	void simulateWritesOneRowPerParameterValue(@TempDir Path out) throws Exception {
		String macro = "dir = getArgument();\nsetBatchMode(true);\n" +
			"run(\"Simulate Neuron Model...\", \"model=Hindmarsh-Rose variable=x parameters=1.5,2.5 duration=500 transient_time=200 dt=0.5 noise=0 seed=1 output=[\" + dir + \"]\");\n" +
			"print(\"images: \" + nImages + \" \" + isOpen(\"Hindmarsh-Rose x\") + \" batch \" + is(\"Batch Mode\"));\nselectWindow(\"Hindmarsh-Rose x\");\nprint(\"images: \" + nImages);\n" +
			"w = getWidth(); h = getHeight();\n" +
			"File.saveString(\"\" + w + \" \" + h, dir + \"/size.txt\");\n" +
			"File.saveString(\"\" + nResults + \" \" + getResultString(\"Trace\", 1), dir + \"/results.txt\");\n";
		MacroRunner.run(macro, out.toString());
		assertEquals("1000 2", MacroRunner.read(out.resolve("size.txt")).trim());
		assertEquals("2 Hindmarsh-Rose x I=2.5", MacroRunner.read(out.resolve("results.txt")).trim());
		assertTrue(out.resolve("simulated-traces.tif").toFile().length() > 8000);
		String table = MacroRunner.read(out.resolve("simulated-traces.csv"));
		assertTrue(table.contains("Hindmarsh-Rose x I=1.5"), table);
		assertTrue(table.contains("Hindmarsh-Rose x I=2.5"), table);
	}
}
