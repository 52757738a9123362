package org.neurodynamics.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.batch.BatchRun;
import org.neurodynamics.core.batch.BatchSettings;
import org.neurodynamics.core.batch.CellFolders;
import org.neurodynamics.core.batch.CellJob;

/**
 * The Spark job on local[2] gives the rows of the Fiji batch: the same Parquet rows as the
 * single-machine batch's CSV rows, failed cells as rows, and a re-run keeps finished cells.
 */
class SparkBatchIT {

	private static SparkSession spark;

	@BeforeAll
	static void start() {
		spark = SparkSession.builder().master("local[2]").appName("SparkBatchIT").config("spark.ui.enabled", "false")
			.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
		spark.sparkContext().setLogLevel("WARN");
	}

	@AfterAll
	static void stop() {
		if (spark != null) spark.stop();
	}

	@Test
	void featuresOfTwentyCellsGiveTheRowsOfTheFijiBatchAndAReRunKeepsThem(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 20, 4, 2);
		BatchSettings settings = CellFolders.settings(CellJob.FEATURES);
		List<String> fiji = fijiRows(in, dir.resolve("fiji"), settings);
		SparkBatch.Summary first = SparkBatch.run(spark, in, dir.resolve("spark"), settings, 3);
		assertEquals(20, first.ran);
		List<String> rows = ParquetRows.of(spark, first.table);
		assertEquals(fiji, rows);
		assertEquals(2, rows.stream().filter(r -> r.startsWith("damaged/") && !r.endsWith(",")).count(), "failed cells are rows");
		assertTrue(Files.size(dir.resolve("spark/population.png")) > 1000, "the population figure beside the table");

		SparkBatch.Summary again = SparkBatch.run(spark, in, dir.resolve("spark"), settings, 3);
		assertEquals(0, again.ran);
		assertEquals(20, again.kept);
		assertEquals(fiji, ParquetRows.of(spark, again.table));
	}

	@Test
	void aReRunWithOtherSettingsIsRefusedUnlessRedoIsTrue(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 3, 3, 0), out = dir.resolve("spark");
		assertEquals(3, SparkBatch.run(spark, in, out, CellFolders.settings(CellJob.FEATURES), 2).ran);
		BatchSettings other = CellFolders.settings(CellJob.FEATURES);
		other.stepEnd = 100;
		UserInputException e = assertThrows(UserInputException.class, () -> SparkBatch.run(spark, in, out, other, 2));
		assertTrue(e.getMessage().contains("step_end: 120.0 in the folder, 100.0 now") && e.getMessage().contains("--redo true"),
			e.getMessage());
		other.redo = true;
		SparkBatch.Summary redone = SparkBatch.run(spark, in, out, other, 2);
		assertEquals(3, redone.ran);
		assertEquals(0, redone.kept);
		assertFalse(Files.exists(out.resolve("batch.lock")), "the driver releases the folder");
	}

	@Test
	void aFitWithFewIterationsGivesTheRowsOfTheFijiBatch(@TempDir Path dir) throws Exception {
		Path in = dir.resolve("in");
		CellFolders.simulatedFamily(in.resolve("a.csv"), 0.8, 1.2);
		CellFolders.simulatedFamily(in.resolve("b.csv"), 1.2, 0.9);
		CellFolders.simulatedFamily(in.resolve("c.csv"), 1.0, 1.0);
		Files.writeString(in.resolve("damaged.abf"), "not a recording");
		BatchSettings settings = CellFolders.settings(CellJob.FIT);
		settings.iterations = 2;
		settings.starts = 2;
		List<String> fiji = fijiRows(in, dir.resolve("fiji"), settings);
		assertEquals(4, fiji.size());
		assertEquals(fiji, ParquetRows.of(spark, SparkBatch.run(spark, in, dir.resolve("spark"), settings, 1).table));
	}

	@Test
	void nothingOutsideTheSparkPackageImportsSpark() throws Exception {
		Path main = Path.of(System.getProperty("basedir", "."), "src/main/java");
		try (Stream<Path> files = Files.walk(main)) {
			List<String> importers = files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(main.resolve(
				"org/neurodynamics/spark"))).filter(f -> {
					try {
						String s = Files.readString(f);
						return s.contains("org.apache.spark") || s.contains("org.neurodynamics.spark");
					}
					catch (java.io.IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				}).map(Path::toString).collect(Collectors.toList());
			assertEquals(List.of(), importers);
		}
	}

	/** The rows of the Fiji batch's results.csv, without its header. */
	private static List<String> fijiRows(Path in, Path out, BatchSettings settings) throws Exception {
		BatchRun.run(in, out, settings, Progress.NONE, line -> {});
		List<String> lines = Files.readAllLines(out.resolve("results.csv"));
		return lines.subList(1, lines.size());
	}
}
