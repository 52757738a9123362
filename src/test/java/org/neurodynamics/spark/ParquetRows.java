package org.neurodynamics.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.neurodynamics.core.batch.CellRow;

/** The rows of a batch's Parquet table as the batch's CSV writes them, to compare the two routes. */
public final class ParquetRows {

	private ParquetRows() {}

	public static List<String> of(SparkSession spark, Path table) {
		List<String> out = new ArrayList<>();
		for (Row r : spark.read().parquet(table.toUri().toString()).collectAsList()) {
			StringBuilder sb = new StringBuilder();
			for (int c = 0; c < r.length(); c++) sb.append(c == 0 ? "" : ",").append(CellRow.format(r.get(c)));
			out.add(sb.toString());
		}
		return out;
	}
}
