package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import net.imagej.patcher.LegacyEnvironment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With only the plugin jar installed (none of its libraries), a menu entry says which jars
 * are missing and how to install them, and stops the macro, instead of doing nothing.
 */
class MissingLibrariesIT {

	@Test
	void aMenuEntryNamesTheMissingJarsAndHowToInstallThem(@TempDir Path out) throws Exception {
		String macro = "setBatchMode(true);\n" +
			"run(\"Reconstruct Dynamics...\", \"source=[CSV/TSV file] file=[" + out + "/none.csv]\");\n" +
			"File.saveString(\"ran\", \"" + out.resolve("next.txt") + "\");\n";
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream stdout = System.out, stderr = System.err;
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
		try {
			LegacyEnvironment ij = new LegacyEnvironment(null, true);
			ij.disableIJ1PluginDirs();
			// The plugin jar alone: the environment's class loader sees ImageJ and the JDK only.
			ij.addPluginClasspath(MacroRunner.pluginJar());
			ij.runMacro(macro, "");
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
		}
		String log = printed.toString(StandardCharsets.UTF_8);
		assertFalse(Files.exists(out.resolve("next.txt")), "the macro ran on:\n" + log);
		assertTrue(log.contains("libraries it needs are not installed"), log);
		assertTrue(log.contains("scijava-common-*.jar") && log.contains("openblas-0.3.19-1.5.7.jar"), log);
		assertTrue(log.contains("-Dscijava.app.directory=/path/to/Fiji.app install"), log);
	}
}
