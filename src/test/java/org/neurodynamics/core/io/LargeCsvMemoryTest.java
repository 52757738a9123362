package org.neurodynamics.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long single-column CSV imports in a small heap: 2 million samples in a 96 MB heap
 * (the values themselves take 16 MB as doubles and 8 MB as floats). Line strings and boxed
 * numbers took about 100 bytes per sample, so that 10^7 samples needed nearly 1 GB.
 */
class LargeCsvMemoryTest {

	private static final int SAMPLES = 2_000_000;

	@Test
	void twoMillionSamplesImportInA96MegabyteHeap(@TempDir Path dir) throws Exception {
		Path csv = dir.resolve("long.csv");
		try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			out.write("V\n");
			// -60.000 to -50.999 mV in steps of 1 uV, written without formatting (which would take most of the test's time)
			for (int i = 0; i < SAMPLES; i++) {
				int uv = i % 10_000;
				out.write("-5" + (9 - uv / 1000) + "." + (char) ('0' + uv / 100 % 10) + (char) ('0' + uv / 10 % 10) + (char) ('0' + uv % 10) + "\n");
			}
		}
		String classPath = location(DelimitedTableReader.class) + File.pathSeparator + location(LargeCsvMemoryTest.class);
		Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m",
			"-XX:+UseSerialGC", "-cp", classPath, LargeCsvMemoryTest.class.getName(), csv.toString())
			.redirectErrorStream(true).start();
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out");
		assertEquals(0, p.exitValue(), output);
		assertEquals(List.of("read " + SAMPLES), output.lines().filter(l -> l.startsWith("read ")).collect(java.util.stream.Collectors.toList()), output);
	}

	private static String location(Class<?> c) throws Exception {
		return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
	}

	/** In the child JVM: read the file and make its trace, as Import Traces does. */
	public static void main(String[] args) {
		NumericTable table = DelimitedTableReader.readColumns(Path.of(args[0]));
		System.out.println("read " + table.trace(0, 0.05, "ms", "mV").length());
	}
}
