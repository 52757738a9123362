package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command that fails stops the macro that called it, whether the input was bad or the
 * command has a bug; the log says what failed, in the user's terms, with one stack trace.
 */
class FailingCommandMacroIT {

	private static final String PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().toString();

	@Test
	void badInputStopsTheMacro(@TempDir Path out) throws Exception {
		String log = run(out, "run(\"Import Traces...\", \"source=[CSV/TSV file] file=[" + out + "/missing.csv] output=[" + out + "]\");\n",
			new Path[0]);
		assertFalse(Files.exists(out.resolve("next.txt")), "the macro ran on after the failed command; log:\n" + log);
		assertTrue(log.contains("missing.csv"), log);
		assertFalse(log.contains("\tat "), "no stack trace for bad input:\n" + log);
	}

	@Test
	void wholeNumbersBeyondTheirRangeAreRefusedNotWrappedAround(@TempDir Path out) throws Exception {
		String log = run(out, "run(\"Explore Reconstructed Model...\", \"model=[" + out + "/none.ndmodel] parameters=2 " +
			"iterations=100 transient_steps=1e12\");\n", new Path[0]);
		assertFalse(Files.exists(out.resolve("next.txt")), "the macro ran on after the failed command; log:\n" + log);
		assertTrue(log.contains("'transient_steps' = 1.0E12 is too large"), log);
	}

	@Test
	void anInternalErrorStopsTheMacroWithOneMessageAndOneStackTrace(@TempDir Path out) throws Exception {
		// A plugin jar with a menu entry for a command that has a bug.
		Path jar = out.resolve("internal-error-test.jar");
		try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
			j.putNextEntry(new JarEntry("plugins.config"));
			j.write(("Plugins>Neuro Dynamics Test, \"Internal Error Test...\", " +
				"org.neurodynamics.ij1.RunCommand(\"org.neurodynamics.macro.InternalErrorCommand\")\n").getBytes(StandardCharsets.UTF_8));
			j.putNextEntry(new JarEntry("META-INF/json/org.scijava.plugin.Plugin"));
			j.write(("{\"class\":\"org.neurodynamics.macro.InternalErrorCommand\",\"values\":{\"label\":\"Internal Error Test\"," +
				"\"type\":\"org.scijava.command.Command\"}}").getBytes(StandardCharsets.UTF_8));
			j.putNextEntry(new JarEntry("org/neurodynamics/macro/InternalErrorCommand.class"));
			j.write(Files.readAllBytes(Path.of(PROJECT, "target/test-classes/org/neurodynamics/macro/InternalErrorCommand.class")));
		}
		Path input = Path.of(PROJECT, "test-data/hindmarsh-rose.csv");
		String log = run(out, "run(\"Internal Error Test...\", \"file=[" + input + "]\");\n", new Path[] { jar });
		assertFalse(Files.exists(out.resolve("next.txt")), "the macro ran on after the failed command; log:\n" + log);
		assertTrue(log.contains("Internal error in Internal Error Test on file '" + input + "'"), log);
		assertTrue(log.contains("please report"), log);
		assertEquals(1, count(log, "ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 3\n"), "one stack trace:\n" + log);
	}

	/**
	 * Runs {@code command} and then a line that writes next.txt; returns what was printed
	 * meanwhile. The failures are on purpose, so their messages stay out of the test log (the
	 * assertions show them when a test fails); a failure of the runner itself is printed.
	 */
	private static String run(Path out, String command, Path[] extraJars) throws Exception {
		String macro = "setBatchMode(true);\n" + command + "File.saveString(\"ran\", \"" + out.resolve("next.txt") + "\");\n";
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream stdout = System.out, stderr = System.err;
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
		boolean ran = false;
		try {
			MacroRunner.run(macro, "", extraJars);
			ran = true;
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
			if (!ran) stderr.print(printed.toString(StandardCharsets.UTF_8));
		}
		return printed.toString(StandardCharsets.UTF_8);
	}

	private static int count(String text, String part) {
		int n = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
		return n;
	}
}
