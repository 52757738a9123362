package org.neurodynamics.spark;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.neurodynamics.core.batch.BatchSettings;
import org.neurodynamics.core.batch.Cell;
import org.neurodynamics.core.batch.CellRow;
import org.neurodynamics.core.batch.CellRunner;

/**
 * One Spark task: the cells of a partition, one after the other, each with the per-cell job
 * of the Fiji batch. A cell finished by an earlier attempt of the task (Spark retries a task
 * whose executor was lost) is kept, not run again.
 */
final class RunCells implements FlatMapFunction<Iterator<Cell>, CellRow> {
	private static final long serialVersionUID = 1L;

	/** Kept as text: Path is not serializable. */
	private final String output;
	private final BatchSettings settings;

	RunCells(Path output, BatchSettings settings) {
		this.output = output.toAbsolutePath().toString();
		this.settings = settings;
	}

	@Override
	public Iterator<CellRow> call(Iterator<Cell> cells) {
		Path out = Paths.get(output);
		List<CellRow> rows = new ArrayList<>();
		while (cells.hasNext()) {
			Cell cell = cells.next();
			CellRow row = CellRunner.finished(cell, out, settings.job);
			rows.add(row != null ? row : CellRunner.run(cell, out, settings));
		}
		return rows.iterator();
	}
}
