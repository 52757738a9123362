package org.neurodynamics.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.batch.BatchRun;
import org.neurodynamics.core.batch.CellFolders;
import org.neurodynamics.core.batch.CellJob;
import org.neurodynamics.core.batch.CellRunner;

/**
 * The Spark job on a standalone cluster (a master and two workers of one core each, every
 * one its own JVM on 127.0.0.1), submitted as the README's spark-submit command submits it:
 * the plugin's jar and its libraries shipped with --jars, none of them on the cluster. One
 * worker is killed while the job runs; the job ends with every cell once, the cells finished
 * before the kill are not run again, and the rows equal the Fiji batch's on the same folder.
 */
class SparkClusterIT {

	private static final int CELLS = 60;
	/** Cells finished before the kill: some done, most still to do. */
	private static final int KILL_AFTER = 4;
	/** Spark's words for a task whose executor was lost while it ran (INFO when the worker is known lost, else WARN). */
	private static final Pattern IN_FLIGHT_LOST = Pattern.compile("failed because while it was being computed, its executor " +
		"exited|Lost task .*ExecutorLostFailure");

	@Test
	void aWorkerKilledMidJobLeavesEveryCellDoneOnceWithTheRowsOfTheFijiBatch(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), CELLS, 4, 2), out = dir.resolve("spark"), log = dir.resolve("driver.log");
		Map<Path, String> finishedAtKill;
		String printed;
		try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, 1, "1g", 90)) {
			// the scheduler's task log too, to see that the killed worker had a cell in flight
			Path logConfig = dir.resolve("driver-log4j2.properties");
			Files.writeString(logConfig, Files.readString(StandaloneCluster.LOG_CONFIG) + "\nlogger.tasks.name = " +
				"org.apache.spark.scheduler.TaskSetManager\nlogger.tasks.level = info\n");
			Process driver = cluster.submit(log, "1g", List.of("-Dlog4j.configurationFile=" + logConfig), List.of("--conf", "spark.executor.memory=512m", "--class",
				SparkBatch.class.getName(), "--jars", dependencies(), pluginJar().toString(), "--input", in.toString(), "--output",
				out.toString(), "--job", "features", "--interval", "0.1", "--step_start", "20", "--step_end", "120",
				"--cells-per-partition", "1"));
			long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (finished(out).size() < KILL_AFTER && driver.isAlive() && System.nanoTime() < end) Thread.sleep(20);
			assertTrue(driver.isAlive(), "the driver ended before " + KILL_AFTER + " cells were done:\n" + read(log));
			assertTrue(System.nanoTime() < end, "fewer than " + KILL_AFTER + " cells done in 120 s:\n" + read(log) +
				"\nworker-0:\n" + cluster.tail("worker-0"));
			// the cells done just before the kill: killing the worker's JVMs takes a moment, in which
			// the other worker may finish every remaining cell
			finishedAtKill = finished(out);
			cluster.killWorker(0);

			boolean ended = driver.waitFor(150, TimeUnit.SECONDS);
			printed = read(log);
			assertTrue(ended, "the job did not end within 150 s of the kill:\n" + printed);
			assertEquals(0, driver.exitValue(), printed);
		}
		assertTrue(finishedAtKill.size() < CELLS, "the job had finished before the worker was killed:\n" + printed);
		assertTrue(printed.contains("Lost executor"), "the driver did not lose the killed worker's executor:\n" + printed);
		assertTrue(IN_FLIGHT_LOST.matcher(printed).find(), "the killed worker had no cell in flight:\n" + printed);
		assertTrue(printed.contains(CELLS + " cells: " + CELLS + " run now"), printed);
		System.out.println("SparkClusterIT: " + finishedAtKill.size() + " of " + CELLS + " cells done when worker 0 was killed; " +
			"the driver's log:\n" + printed.lines().filter(l -> l.contains("Lost") || l.contains("being computed") || l.contains(" cells: ")).collect(Collectors.joining("\n")));
		Map<Path, String> after = finished(out);
		assertEquals(CELLS, after.size());
		for (Map.Entry<Path, String> cell : finishedAtKill.entrySet())
			assertEquals(cell.getValue(), after.get(cell.getKey()), "a cell finished before the kill was run again: " + cell.getKey());

		List<String> fiji = fijiRows(in, dir.resolve("fiji"));
		SparkSession spark = SparkSession.builder().master("local[1]").appName("SparkClusterIT").config("spark.ui.enabled", "false")
			.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
		List<String> rows;
		try {
			rows = ParquetRows.of(spark, out.resolve(SparkBatch.TABLE));
		}
		finally {
			spark.stop();
		}
		assertEquals(CELLS, rows.stream().map(r -> r.substring(0, r.indexOf(','))).distinct().count(), "one row per cell");
		assertEquals(fiji, rows);
		assertTrue(Files.size(out.resolve("population.png")) > 1000, "the population figure beside the table");
	}

	/** Each finished cell's row file with its identity and time: a file written again (moved into place anew) differs. */
	private static Map<Path, String> finished(Path out) throws IOException {
		Path cells = out.resolve("cells");
		Map<Path, String> rows = new TreeMap<>();
		if (!Files.isDirectory(cells)) return rows;
		try (Stream<Path> files = Files.walk(cells)) {
			for (Path f : files.filter(f -> f.getFileName().toString().equals(CellRunner.ROW_FILE)).collect(Collectors.toList())) {
				try {
					BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
					rows.put(f, a.fileKey() + " " + a.lastModifiedTime());
				}
				catch (java.nio.file.NoSuchFileException e) {
					// being replaced: not finished
				}
			}
		}
		return rows;
	}

	private static List<String> fijiRows(Path in, Path out) throws IOException {
		BatchRun.run(in, out, CellFolders.settings(CellJob.FEATURES), Progress.NONE, line -> {});
		List<String> lines = Files.readAllLines(out.resolve("results.csv"));
		return lines.subList(1, lines.size());
	}

	/** The plugin's jar as mvn package builds it. */
	private static Path pluginJar() throws IOException {
		try (Stream<Path> files = Files.list(StandaloneCluster.PROJECT.resolve("target"))) {
			return files.filter(f -> f.getFileName().toString().matches("Neuro_Dynamics-[^-]+(-SNAPSHOT)?\\.jar")).findFirst()
				.orElseThrow(() -> new IllegalStateException("no plugin jar in target/: run mvn package first"));
		}
	}

	/** Its libraries, as the README passes them to spark-submit: target/dependency/*.jar, comma-separated. */
	private static String dependencies() throws IOException {
		try (Stream<Path> files = Files.list(StandaloneCluster.PROJECT.resolve("target/dependency"))) {
			return files.filter(f -> f.toString().endsWith(".jar")).map(Path::toString).sorted().collect(Collectors.joining(","));
		}
	}

	private static String read(Path file) throws IOException {
		return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no output)";
	}
}
