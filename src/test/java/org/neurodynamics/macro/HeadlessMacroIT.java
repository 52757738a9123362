package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.batch.CellFolders;

/**
 * The documented way to run a macro headless without Fiji (README, macros/README.md):
 * java -cp "target/Neuro_Dynamics-&lt;version&gt;.jar:target/dependency/*"
 * org.neurodynamics.ij1.HeadlessMacro macro.ijm argument, in a process of its own, exactly
 * as written there; a failing macro exits non-zero.
 */
class HeadlessMacroIT {

	private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

	@Test
	void aShippedMacroRunsFromTheBuiltJarAndExitsZero(@TempDir Path out) throws Exception {
		Result r = run(PROJECT.resolve("macros/import-abf.ijm"), out + "|" + PROJECT, out);
		assertEquals(0, r.exit, r.output);
		List<String> lines = MacroRunner.read(out.resolve("parameters.txt")).lines().collect(java.util.stream.Collectors.toList());
		assertEquals(16, lines.size(), lines + r.output);
		assertEquals("15 100 60000", lines.get(15));
	}

	@Test
	void aFailedCommandStopsTheMacroAndExitsNonZero(@TempDir Path out) throws Exception {
		Path macro = out.resolve("fails.ijm");
		Files.writeString(macro, "out = getArgument();\n" +
			"run(\"Import Traces...\", \"source=[CSV/TSV file] file=[\" + out + \"/missing.csv] output=[\" + out + \"]\");\n" +
			"File.saveString(\"ran\", out + \"/next.txt\");\n");
		Result r = run(macro, out.toString(), out);
		assertEquals(1, r.exit, r.output);
		assertFalse(Files.exists(out.resolve("next.txt")), "the macro ran on after the failed command:\n" + r.output);
		assertTrue(r.output.contains("missing.csv"), r.output);
	}

	@Test
	void aMacroErrorExitsNonZero(@TempDir Path out) throws Exception {
		Path macro = out.resolve("error.ijm");
		Files.writeString(macro, "x = undefinedFunction(1);\nFile.saveString(\"ran\", getArgument() + \"/next.txt\");\n");
		Result r = run(macro, out.toString(), out);
		assertEquals(1, r.exit, r.output);
		assertFalse(Files.exists(out.resolve("next.txt")), r.output);
	}

	@Test
	void aMacroThatExitsWithAMessageExitsNonZero(@TempDir Path out) throws Exception {
		Result r = run(PROJECT.resolve("macros/import-abf.ijm"), "", out);
		assertEquals(1, r.exit, r.output);
		assertTrue(r.output.contains("Give the output folder"), r.output);
	}

	@Test
	void aMissingMacroFileExitsNonZero(@TempDir Path out) throws Exception {
		Result r = run(out.resolve("none.ijm"), "", out);
		assertEquals(2, r.exit, r.output);
		assertTrue(r.output.contains("none.ijm"), r.output);
	}

	@Test
	void killingTheLauncherEndsTheBatchWithinSecondsAndTheNextRunResumes(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 12, 12, 0), out = dir.resolve("out");
		Path macro = dir.resolve("batch.ijm");
		Files.writeString(macro, "run(\"Batch Over Recordings...\", \"input=[" + in + "] output=[" + out + "] job=fit " +
			"iterations=4 starts=2 threads=1 interval=0.1 step_start=20 step_end=120\");\n");
		Process launcher = start(macro, "", dir.resolve("killed-output.txt"));
		Path cells = out.resolve("cells");
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (rows(cells).isEmpty() && launcher.isAlive() && System.nanoTime() < deadline) Thread.sleep(200);
		List<ProcessHandle> children = launcher.descendants().collect(java.util.stream.Collectors.toList());
		assertFalse(children.isEmpty(), "the launcher runs the macro in a child JVM:\n" + Files.readString(dir.resolve(
			"killed-output.txt")));
		launcher.destroyForcibly().waitFor(); // kill -9
		long killed = System.nanoTime();
		for (ProcessHandle child : children) child.onExit().get(10, TimeUnit.SECONDS);
		System.out.printf("the child ended %.1f s after its launcher was killed%n", (System.nanoTime() - killed) * 1e-9);
		List<Path> first = rows(cells);
		assertTrue(first.size() < 12 && !Files.exists(out.resolve("results.csv")), "killed before the batch ended: " + first);
		java.util.Map<Path, java.nio.file.attribute.FileTime> written = new java.util.HashMap<>();
		for (Path row : first) written.put(row, Files.getLastModifiedTime(row));

		Result again = run(macro, "", dir);
		assertEquals(0, again.exit, again.output);
		assertTrue(again.output.contains(first.size() + " of 12 cells were finished by an earlier run"), again.output);
		assertEquals(13, Files.readAllLines(out.resolve("results.csv")).size(), again.output);
		for (Path row : first) assertEquals(written.get(row), Files.getLastModifiedTime(row), "run once: " + row);
	}

	/** The row files of the cells finished so far. */
	private static List<Path> rows(Path cells) throws Exception {
		if (!Files.isDirectory(cells)) return List.of();
		try (java.util.stream.Stream<Path> files = Files.walk(cells)) {
			return files.filter(f -> f.getFileName().toString().equals("row.csv")).collect(java.util.stream.Collectors.toList());
		}
	}

	private static final class Result {
		final int exit;
		final String output;

		Result(int exit, String output) {
			this.exit = exit;
			this.output = output;
		}
	}

	private static Result run(Path macro, String argument, Path dir) throws Exception {
		Path log = dir.resolve("launcher-output.txt");
		Process p = start(macro, argument, log);
		boolean done = p.waitFor(180, TimeUnit.SECONDS);
		if (!done) p.destroyForcibly();
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertTrue(done, "the launcher did not end within 3 minutes:\n" + output);
		return new Result(p.exitValue(), output);
	}

	/** Starts the launcher as the README runs it, its output into {@code log}. */
	private static Process start(Path macro, String argument, Path log) throws Exception {
		File dependencies = PROJECT.resolve("target/dependency").toFile();
		assertTrue(dependencies.isDirectory(), "mvn package copies the dependencies to " + dependencies);
		String cp = MacroRunner.pluginJar() + File.pathSeparator + dependencies + File.separator + "*";
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-Xmx1g", "-cp", cp, "org.neurodynamics.ij1.HeadlessMacro", macro.toString(), argument)
			.redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}
}
