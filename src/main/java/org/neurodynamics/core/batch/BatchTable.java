package org.neurodynamics.core.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.neurodynamics.core.io.AtomicFiles;

/** The batch's results table as CSV: a header of the job's columns and one line per cell, written atomically. */
public final class BatchTable {

	public static final String FILE = "results.csv";

	private BatchTable() {}

	public static String header(List<Column> columns) {
		StringBuilder sb = new StringBuilder();
		for (Column c : columns) sb.append(sb.length() == 0 ? "" : ",").append(CellRow.quote(c.name));
		return sb.toString();
	}

	public static String csv(List<Column> columns, List<CellRow> rows) {
		StringBuilder sb = new StringBuilder(header(columns)).append('\n');
		for (CellRow r : rows) sb.append(r.csvLine()).append('\n');
		return sb.toString();
	}

	public static void write(Path file, List<Column> columns, List<CellRow> rows) throws IOException {
		AtomicFiles.writeString(file, csv(columns, rows));
	}
}
