package org.neurodynamics.spark;

import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.neurodynamics.core.batch.CellRow;
import org.neurodynamics.core.batch.Column;

/** The batch's rows as Spark rows: the same columns as results.csv, text as strings, whole numbers as longs. */
final class CellRows {

	private CellRows() {}

	static StructType schema(List<Column> columns) {
		StructType schema = new StructType();
		for (Column c : columns) schema = schema.add(c.name, type(c), true);
		return schema;
	}

	private static DataType type(Column c) {
		switch (c.type) {
			case TEXT: return DataTypes.StringType;
			case INTEGER: return DataTypes.LongType;
			default: return DataTypes.DoubleType;
		}
	}

	static Row of(CellRow row) {
		return RowFactory.create(row.values());
	}
}
