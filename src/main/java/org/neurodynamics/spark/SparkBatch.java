package org.neurodynamics.spark;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.batch.BatchColumns;
import org.neurodynamics.core.batch.BatchLock;
import org.neurodynamics.core.batch.BatchSettings;
import org.neurodynamics.core.batch.Cell;
import org.neurodynamics.core.batch.CellFiles;
import org.neurodynamics.core.batch.CellRow;
import org.neurodynamics.core.batch.CellRunner;
import org.neurodynamics.core.batch.OutputFolder;
import org.neurodynamics.results.BatchResults;
import org.neurodynamics.results.ResultFiles;

/**
 * The batch on a Spark cluster:
 *
 * <pre>
 * spark-submit --class org.neurodynamics.spark.SparkBatch Neuro_Dynamics-&lt;version&gt;.jar \
 *   --input &lt;folder&gt; --output &lt;folder&gt; --job features|fit|reconstruct [--&lt;setting&gt; &lt;value&gt; ...]
 * </pre>
 *
 * The cells are the tasks, a few per partition ({@code --cells-per-partition}, default 4);
 * each runs the per-cell job of Batch Over Recordings and writes its files into its folder
 * under the output folder, which must be on a file system every node sees. The rows, with the
 * columns of the Fiji batch's results.csv, go into the Parquet table results.parquet, and the
 * population figure of the Fiji batch into population.png beside it. A
 * failed cell is a row with its message; a re-run with the same job and settings keeps the
 * finished cells, one with others is refused unless --redo is true ({@link OutputFolder}). The
 * settings are those of the macro (interval, step_start, iterations, ...), parsed alike.
 */
public final class SparkBatch {

	public static final String TABLE = "results.parquet";
	/** The population figure beside the table, as the Fiji batch draws it: population.png. */
	static final String FIGURE = "population";
	/** The default of --cells-per-partition. */
	public static final int CELLS_PER_PARTITION = 4;

	/** What a run did: cells finished earlier and kept, and cells run now. */
	public static final class Summary {
		public final int cells, kept, ran;
		public final Path table, figure;

		Summary(int cells, int kept, int ran, Path table, Path figure) {
			this.cells = cells;
			this.kept = kept;
			this.ran = ran;
			this.table = table;
			this.figure = figure;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%d cells: %d run now, %d finished earlier; rows in %s, figure in %s", cells, ran, kept,
				table, figure);
		}
	}

	private SparkBatch() {}

	public static void main(String[] args) {
		Arguments a;
		try {
			a = Arguments.parse(args);
		}
		catch (UserInputException e) {
			System.err.println(e.getMessage());
			System.err.println(Arguments.USAGE);
			System.exit(2);
			return;
		}
		// spark-submit passes its --master as this property; a plain java run has none
		if (!new SparkConf().contains("spark.master")) {
			System.err.println("No Spark master given. On a cluster, run the job with spark-submit --master spark://<host>:7077 " +
				"(or yarn, k8s://...); on this computer, from the project folder: mvn -B -DskipTests package exec:exec@spark " +
				"-Dbatch=\"--input <folder> --output <folder> --job features\" (README, Many cells).");
			System.exit(2);
			return;
		}
		SparkSession spark = SparkSession.builder().appName("Neuro Dynamics batch (" + a.settings.job.key() + ")").getOrCreate();
		try {
			System.out.println(run(spark, a.input, a.output, a.settings, a.cellsPerPartition));
		}
		catch (UserInputException e) {
			System.err.println(e.getMessage());
			spark.stop();
			System.exit(1);
		}
		spark.stop();
	}

	/** Runs the job on every cell under {@code input} not finished in {@code output}; writes output/results.parquet. */
	public static Summary run(SparkSession spark, Path input, Path output, BatchSettings settings, int cellsPerPartition) {
		settings.check();
		Path in = input.toAbsolutePath().normalize(), out = output.toAbsolutePath().normalize();
		if (in.equals(out)) throw new UserInputException("The output folder is the input folder '" + input + "'; choose another.");
		List<Cell> cells = CellFiles.find(in, out);
		try (BatchLock lock = OutputFolder.claim(out, settings, System.out::println)) {
			return run(spark, cells, out, settings, cellsPerPartition);
		}
	}

	private static Summary run(SparkSession spark, List<Cell> cells, Path out, BatchSettings settings, int cellsPerPartition) {
		List<Cell> pending = new ArrayList<>();
		List<CellRow> kept = new ArrayList<>();
		for (Cell c : cells) {
			CellRow row = CellRunner.finished(c, out, settings.job);
			if (row == null) pending.add(c);
			else kept.add(row);
		}
		JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
		int partitions = Math.max(1, (pending.size() + cellsPerPartition - 1) / cellsPerPartition);
		// the rows are small (about a kilobyte a cell): collected, they are sorted and written without running a cell twice
		List<CellRow> rows = new ArrayList<>(kept);
		if (!pending.isEmpty()) rows.addAll(jsc.parallelize(pending, partitions).mapPartitions(new RunCells(out, settings)).collect());
		rows.sort(Comparator.comparing(CellRow::cell));
		Path table = out.resolve(TABLE);
		spark.createDataFrame(rows.stream().map(CellRows::of).collect(Collectors.toList()), CellRows.schema(BatchColumns.of(
			settings.job))).coalesce(1).write().mode(SaveMode.Overwrite).parquet(table.toUri().toString());
		Path figure = ResultFiles.save(out.toFile(), FIGURE, BatchResults.population(settings.job, out, rows));
		return new Summary(cells.size(), kept.size(), pending.size(), table, figure);
	}

	/** The command line: --input, --output, --job, --cells-per-partition and any setting of the batch. */
	static final class Arguments {
		static final String USAGE = "Usage: spark-submit --class " + SparkBatch.class.getName() + " Neuro_Dynamics-<version>.jar " +
			"--input <folder> --output <folder> --job features|fit|reconstruct [--cells-per-partition 4] [--interval 0.1] " +
			"[--step_start ms] [--step_end ms] [--iterations 100] [--starts 32] [--dt 0.025] [--duration ms] [--channel 0] " +
			"[--value_unit mV] [--quick true] [--redo true]";

		Path input, output;
		int cellsPerPartition = CELLS_PER_PARTITION;
		BatchSettings settings;

		static Arguments parse(String[] args) {
			Arguments a = new Arguments();
			Map<String, String> given = new LinkedHashMap<>();
			for (int i = 0; i < args.length; i += 2) {
				if (!args[i].startsWith("--") || i + 1 >= args.length) throw new UserInputException("Expected --<name> <value>, got '" +
					args[i] + "'" + (i + 1 >= args.length ? " without a value" : "") + ".");
				String key = args[i].substring(2), value = args[i + 1];
				switch (key.replace('-', '_')) {
					case "input": a.input = Paths.get(value); break;
					case "output": a.output = Paths.get(value); break;
					case "cells_per_partition":
						try {
							a.cellsPerPartition = Integer.parseInt(value.trim());
						}
						catch (NumberFormatException e) {
							a.cellsPerPartition = 0;
						}
						if (a.cellsPerPartition < 1) throw new UserInputException("--cells-per-partition needs a whole number of " +
							"at least 1, got '" + value + "'.");
						break;
					default: given.put(key, value);
				}
			}
			a.settings = BatchSettings.of(given);
			if (a.input == null || a.output == null) throw new UserInputException("Give the folder of the recordings (--input) and " +
				"the folder for the results (--output).");
			return a;
		}
	}
}
