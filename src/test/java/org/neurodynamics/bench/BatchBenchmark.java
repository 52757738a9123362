package org.neurodynamics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.SparkSession;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.batch.BatchRun;
import org.neurodynamics.core.batch.BatchSettings;
import org.neurodynamics.core.batch.CellFolders;
import org.neurodynamics.core.batch.CellJob;
import org.neurodynamics.spark.ParquetRows;
import org.neurodynamics.results.BatchResults;
import org.neurodynamics.results.ResultFiles;
import org.neurodynamics.spark.SparkBatch;
import org.neurodynamics.spark.StandaloneCluster;

/**
 * The batch's numbers (bench/results/batch-2026-12-04.md):
 * <ul>
 * <li>{@code identical DIR}: the Fiji batch and Spark local[2] on a 20-cell folder (3 damaged),
 * features and a short fit; prints whether their rows are identical.</li>
 * <li>{@code speed DIR CELLS ITERATIONS STARTS}: wall time of the Spark fit job on CELLS simulated
 * step families with local[1] and with local[2].</li>
 * <li>{@code memory DIR CELLS}: peak heap of a Fiji batch (features) over CELLS cells, and the
 * heap it keeps per cell (the rows), for a projection to 1,000 cells.</li>
 * <li>{@code cluster DIR CELLS}: the features job on a standalone Spark cluster of two
 * one-core workers ({@link StandaloneCluster}), on CELLS copies (hard links) of the two
 * current-clamp step families of test-data/abf: wall time and peak heap of the driver (this
 * JVM) with one executor (spark.cores.max=1) and with two, alternating, twice each
 * (bench/results/batch-spark-2026-12-07.md). Needs mvn package first: the job ships
 * target/Neuro_Dynamics-*.jar and target/dependency/.</li>
 * <li>{@code figures DIR OUT}: the population figures of the Fiji batch, saved into OUT: the
 * features job on 9 cells (ABF and CSV recordings, simulated step families, one damaged file),
 * the fit job on 5 simulated families. (The cluster run draws the figure of 1,000 cells.)</li>
 * </ul>
 * Needs the JVM flags of the tests (--add-opens, see the pom's argLine) for Spark.
 */
public final class BatchBenchmark {

	private BatchBenchmark() {}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args[1]);
		switch (args[0]) {
			case "identical": identical(dir); break;
			case "speed": speed(dir, Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4])); break;
			case "memory": memory(dir, Integer.parseInt(args[2])); break;
			case "cluster": cluster(dir, Integer.parseInt(args[2])); break;
			case "figures": figures(dir, Path.of(args[2])); break;
			default: throw new IllegalArgumentException("identical, speed, memory, cluster or figures");
		}
	}

	private static void identical(Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 20, 4, 3);
		SparkSession spark = session(2);
		for (CellJob job : new CellJob[] { CellJob.FEATURES, CellJob.FIT }) {
			BatchSettings s = CellFolders.settings(job);
			s.iterations = 2;
			s.starts = 2;
			s.duration = 300;
			long t0 = System.nanoTime();
			BatchRun.Summary fiji = BatchRun.run(in, dir.resolve("fiji-" + job.key()), s, Progress.NONE, line -> {});
			long t1 = System.nanoTime();
			SparkBatch.Summary onSpark = SparkBatch.run(spark, in, dir.resolve("spark-" + job.key()), s, 4);
			long t2 = System.nanoTime();
			List<String> csv = Files.readAllLines(fiji.table);
			List<String> parquet = ParquetRows.of(spark, onSpark.table);
			System.out.printf(Locale.ROOT, "%s: %d rows (%d failed), Fiji batch %.1f s, Spark local[2] %.1f s, identical: %s%n",
				job.key(), parquet.size(), fiji.failed, (t1 - t0) * 1e-9, (t2 - t1) * 1e-9, csv.subList(1, csv.size()).equals(parquet));
		}
		spark.stop();
	}

	private static void speed(Path dir, int cells, int iterations, int starts) throws Exception {
		Path in = dir.resolve("in");
		for (int i = 0; i < cells; i++)
			CellFolders.simulatedFamily(in.resolve(String.format(Locale.ROOT, "family-%02d.csv", i)), 0.7 + 0.6 * i / cells,
				1.3 - 0.6 * i / cells);
		BatchSettings s = CellFolders.settings(CellJob.FIT);
		s.iterations = iterations;
		s.starts = starts;
		// a first, discarded run warms up the JIT and Spark; then each setting twice, alternating,
		// keeping the faster of its two runs, so neither pays the warm-up
		double[] seconds = { Double.NaN, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY };
		List<List<String>> rows = new ArrayList<>();
		int run = 0;
		for (int cores : new int[] { 2, 1, 2, 1, 2 }) {
			SparkSession spark = session(cores);
			long t0 = System.nanoTime();
			SparkBatch.Summary r = SparkBatch.run(spark, in, dir.resolve("out-" + run++), s, 1);
			double t = (System.nanoTime() - t0) * 1e-9;
			if (run > 1) {
				seconds[cores] = Math.min(seconds[cores], t);
				rows.add(ParquetRows.of(spark, r.table));
			}
			System.out.printf(Locale.ROOT, "local[%d]: %d cells in %.1f s%s%n", cores, r.ran, t, run == 1 ? " (warm-up, not counted)" : "");
			spark.stop();
		}
		System.out.printf(Locale.ROOT, "speed-up local[2] / local[1]: %.2fx; rows identical: %s%n", seconds[1] / seconds[2],
			rows.stream().distinct().count() == 1);
	}

	private static void memory(Path dir, int cells) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), cells, Math.min(cells, 4), 0);
		System.gc();
		long before = usedHeap();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
		BatchRun.Summary s = BatchRun.run(in, dir.resolve("out"), CellFolders.settings(CellJob.FEATURES), Progress.NONE,
			line -> {});
		long peak = peakHeap();
		System.gc();
		long kept = usedHeap() - before;
		System.out.printf(Locale.ROOT, "%d cells (%d rows): heap before %.1f MB, peak %.1f MB, kept after the batch %.3f MB " +
			"(%.1f kB per cell), max heap %.0f MB%n", cells, s.rows.size(), before / 1e6, peak / 1e6, kept / 1e6,
			kept / 1e3 / cells, Runtime.getRuntime().maxMemory() / 1e6);
		if (s.rows.isEmpty()) throw new IllegalStateException("no rows");
	}

	private static void cluster(Path dir, int cells) throws Exception {
		Path in = dir.resolve("in");
		List<String> families = List.of("171116sh_0018.abf", "17o05028_ic_steps.abf");
		for (int i = 0; i < cells; i++) {
			Path copy = in.resolve(String.format(Locale.ROOT, "copy-%04d", i / families.size())).resolve(families.get(i % families.size()));
			Files.createDirectories(copy.getParent());
			Files.createLink(copy, StandaloneCluster.PROJECT.resolve("test-data/abf").resolve(copy.getFileName()));
		}
		BatchSettings s = new BatchSettings();
		s.job = CellJob.FEATURES;
		String jars;
		try (java.util.stream.Stream<Path> files = Files.list(StandaloneCluster.PROJECT.resolve("target/dependency"))) {
			jars = java.util.stream.Stream.concat(files.filter(f -> f.toString().endsWith(".jar")), java.util.stream.Stream.of(
				StandaloneCluster.PROJECT.resolve("target/Neuro_Dynamics-0.1.0-SNAPSHOT.jar"))).map(Path::toString)
				.collect(java.util.stream.Collectors.joining(","));
		}
		List<List<String>> rows = new ArrayList<>();
		double[] best = { Double.NaN, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY };
		try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, 1, "1g", 120)) {
			int run = 0;
			for (int executors : new int[] { 1, 2, 1, 2 }) {
				System.gc();
				for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
				long t0 = System.nanoTime();
				SparkSession spark = SparkSession.builder().master(cluster.url()).appName("BatchBenchmark cluster")
					.config("spark.jars", jars).config("spark.cores.max", Integer.toString(executors))
					.config("spark.executor.memory", "512m").config("spark.ui.enabled", "false")
					.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
				spark.sparkContext().setLogLevel("WARN");
				long t1 = System.nanoTime();
				SparkBatch.Summary r = SparkBatch.run(spark, in, dir.resolve("out-" + run++), s, SparkBatch.CELLS_PER_PARTITION);
				long t2 = System.nanoTime();
				long peak = peakHeap();
				List<String> table = ParquetRows.of(spark, r.table);
				rows.add(table);
				spark.stop();
				best[executors] = Math.min(best[executors], (t2 - t0) * 1e-9);
				System.out.printf(Locale.ROOT, "%d executor(s) of 1 core: %d cells (%d rows, %d failed) in %.1f s (session %.1f s, " +
					"job %.1f s), driver peak heap %.0f MB of max %.0f MB%n", executors, r.ran, table.size(), table.stream().filter(
						l -> !l.endsWith(",")).count(), (t2 - t0) * 1e-9, (t1 - t0) * 1e-9, (t2 - t1) * 1e-9, peak / 1e6,
					Runtime.getRuntime().maxMemory() / 1e6);
			}
		}
		System.out.printf(Locale.ROOT, "speed-up 2 workers / 1 (best of two each): %.2fx; rows identical: %s%n", best[1] / best[2],
			rows.stream().distinct().count() == 1);
	}

	private static void figures(Path dir, Path results) throws Exception {
		figure(CellJob.FEATURES, CellFolders.make(dir.resolve("few"), 9, 4, 1), dir.resolve("few-out"), results.resolve(
			"batch-spark-2026-12-07-features-9-cells.png"));
		Path fit = dir.resolve("fit");
		for (int i = 0; i < 5; i++)
			CellFolders.simulatedFamily(fit.resolve(String.format(Locale.ROOT, "cell-%d.csv", i)), 0.7 + 0.15 * i, 1.3 - 0.15 * i);
		figure(CellJob.FIT, fit, dir.resolve("fit-out"), results.resolve("batch-spark-2026-12-07-fit-5-cells.png"));
	}

	private static void figure(CellJob job, Path in, Path out, Path png) throws Exception {
		BatchSettings s = CellFolders.settings(job);
		s.iterations = 20;
		s.starts = 4;
		BatchRun.Summary r = BatchRun.run(in, out, s, Progress.NONE, line -> {});
		System.out.println(job.key() + ": " + r + "; figure " + ResultFiles.savePng(png, BatchResults.population(job, out, r.rows)
			.getImagePlus()));
	}

	private static long usedHeap() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long peakHeap() {
		long sum = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
			if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
		return sum;
	}

	private static SparkSession session(int cores) {
		SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("BatchBenchmark")
			.config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
			.config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
		spark.sparkContext().setLogLevel("WARN");
		return spark;
	}
}
