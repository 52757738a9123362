package org.neurodynamics.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Spark run on one computer, {@code mvn exec:exec@spark -Dbatch="..."}, as a
 * user types it (after mvn package, which the build has done): the job runs on local[*] with
 * Spark's jars from Maven, writes its table and figure, and prints its summary without
 * Spark's INFO log. And the job started without a master says how to give one.
 */
class SparkLocalCommandIT {

	@Test
	void theReadmesCommandRunsTheJobAndPrintsNoSparkInfoLog(@TempDir Path dir) throws Exception {
		Path out = dir.resolve("abf features"), log = dir.resolve("mvn.log");
		boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
		String mavenHome = System.getProperty("maven.home");
		String mvn = mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", windows ? "mvn.cmd" : "mvn").toString();
		List<String> command = new ArrayList<>(List.of(mvn, "-B", "exec:exec@spark", "-Dbatch=--input test-data/abf " +
			"--output '" + out + "' --job features"));
		String repository = System.getProperty("fiji.install.repository");
		if (repository != null && !repository.isEmpty()) command.add(1, "-Dmaven.repo.local=" + repository);
		if ("offline=true".equals(System.getProperty("maven.offline"))) command.add(1, "-o");
		ProcessBuilder builder = new ProcessBuilder(command).directory(StandaloneCluster.PROJECT.toFile()).redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().remove("MAVEN_PROJECTBASEDIR");
		Process p = builder.start();
		boolean done = p.waitFor(4, TimeUnit.MINUTES);
		if (!done) p.destroyForcibly().waitFor();
		String printed = Files.readString(log, StandardCharsets.UTF_8);
		assertTrue(done, "the command did not end within 4 minutes:\n" + printed);
		assertEquals(0, p.exitValue(), printed);
		assertTrue(printed.contains("4 cells: 4 run now, 0 finished earlier; rows in " + out.resolve(SparkBatch.TABLE) +
			", figure in " + out.resolve("population.png")), printed);
		assertTrue(Files.size(out.resolve("population.png")) > 1000, printed);
		assertFalse(printed.contains(" INFO "), "Spark's INFO log is printed:\n" + printed);
	}

	@Test
	void withoutAMasterTheJobSaysHowToGiveOne() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SparkBatch.class.getName(), "--input", "in",
			"--output", "out", "--job", "features").redirectErrorStream(true).start();
		String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(p.waitFor(1, TimeUnit.MINUTES), printed);
		assertEquals(2, p.exitValue(), printed);
		assertTrue(printed.contains("No Spark master given") && printed.contains("spark-submit --master") && printed.contains(
			"exec:exec@spark"), printed);
		assertFalse(new File("out").exists(), "nothing written");
	}
}
