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
import org.neurodynamics.spark.SparkBatch;

/**
 * The batch's numbers (bench/results/batch-2026-12-04.md):
 * <ul>
 * <li>{@code identical DIR}: the Fiji batch and Spark local[2] on a 20-cell folder (3 damaged),
 * features and a short fit; prints whether their rows are identical.</li>
 * <li>{@code speed DIR CELLS ITERATIONS STARTS}: wall time of the Spark fit job on CELLS simulated
 * step families with local[1] and with local[2].</li>
 * <li>{@code memory DIR CELLS}: peak heap of a Fiji batch (features) over CELLS cells, and the
 * heap it keeps per cell (the rows), for a projection to 1,000 cells.</li>
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
			default: throw new IllegalArgumentException("identical, speed or memory");
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
