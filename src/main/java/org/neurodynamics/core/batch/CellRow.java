package org.neurodynamics.core.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One cell's line of the results table: a value per column of its job (String, Long or
 * Double; null where a failed cell has none) and the error message, empty when the cell was
 * done. The same row goes into the Fiji batch's CSV and the Spark job's Parquet table.
 */
public final class CellRow implements Serializable {
	private static final long serialVersionUID = 1L;

	private final List<Column> columns;
	private final Object[] values;

	CellRow(List<Column> columns, Object[] values) {
		if (values.length != columns.size()) throw new IllegalArgumentException(values.length + " values for " + columns);
		this.columns = List.copyOf(columns);
		this.values = values.clone();
	}

	public List<Column> columns() { return columns; }

	/** The values in column order: String, Long, Double or null. */
	public Object[] values() { return values.clone(); }

	public Object get(String column) {
		for (int c = 0; c < columns.size(); c++) if (columns.get(c).name.equals(column)) return values[c];
		throw new IllegalArgumentException("no column " + column + " in " + columns);
	}

	public String cell() { return (String) get(BatchColumns.CELL); }

	public String error() {
		Object e = get(BatchColumns.ERROR);
		return e == null ? "" : (String) e;
	}

	public boolean failed() { return !error().isEmpty(); }

	/** A number of the row, NaN where it has none. */
	public double number(String column) {
		Object v = get(column);
		return v instanceof Number ? ((Number) v).doubleValue() : Double.NaN;
	}

	/** The row as a CSV line (no line end), numbers as Java writes them so that they read back exactly. */
	public String csvLine() {
		StringBuilder sb = new StringBuilder();
		for (int c = 0; c < values.length; c++) sb.append(c == 0 ? "" : ",").append(format(values[c]));
		return sb.toString();
	}

	/** A value as the CSV holds it: empty for none. */
	public static String format(Object v) {
		if (v == null) return "";
		if (v instanceof String) return quote((String) v);
		return v.toString();
	}

	static String quote(String s) {
		return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ?
			"\"" + s.replace("\"", "\"\"") + "\"" : s;
	}

	/** The row a CSV line written by {@link #csvLine()} holds. */
	static CellRow parse(List<Column> columns, String line) {
		List<String> cells = split(line);
		if (cells.size() != columns.size()) throw new IllegalArgumentException("expected " + columns.size() + " cells: " + line);
		Object[] values = new Object[cells.size()];
		for (int c = 0; c < values.length; c++) {
			String s = cells.get(c);
			switch (columns.get(c).type) {
				case TEXT: values[c] = s.isEmpty() ? null : s; break;
				case INTEGER: values[c] = s.isEmpty() ? null : Long.valueOf(s); break;
				default: values[c] = s.isEmpty() ? null : Double.valueOf(s);
			}
		}
		return new CellRow(columns, values);
	}

	/** The cells of one CSV line, with quoted cells unquoted. */
	static List<String> split(String line) {
		List<String> out = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char ch = line.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (ch == '"') quoted = false;
				else cell.append(ch);
			}
			else if (ch == '"') quoted = true;
			else if (ch == ',') {
				out.add(cell.toString());
				cell.setLength(0);
			}
			else cell.append(ch);
		}
		out.add(cell.toString());
		return out;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CellRow && ((CellRow) o).columns.equals(columns) && Arrays.equals(((CellRow) o).values, values);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(values);
	}

	@Override
	public String toString() {
		return csvLine();
	}
}
