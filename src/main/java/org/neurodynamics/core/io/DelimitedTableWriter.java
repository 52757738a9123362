package org.neurodynamics.core.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a {@link NumericTable} as comma-separated text with a header row, atomically (see
 * {@link AtomicFiles}). Shorter columns end with empty cells. Numbers use '.' as decimal
 * point in every locale, and values that are exactly floats (trace samples) are written
 * with the fewest digits that read back to the same float.
 */
public final class DelimitedTableWriter {

	private DelimitedTableWriter() {}

	public static void writeCsv(Path target, NumericTable table) throws IOException {
		AtomicFiles.write(target, out -> {
			Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
			for (int c = 0; c < table.columnCount(); c++) {
				if (c > 0) w.write(',');
				w.write(quote(table.name(c)));
			}
			w.write('\n');
			int rows = table.rowCount();
			for (int r = 0; r < rows; r++) {
				for (int c = 0; c < table.columnCount(); c++) {
					if (c > 0) w.write(',');
					if (r < table.length(c)) w.write(format(table.value(r, c)));
				}
				w.write('\n');
			}
			w.flush();
		});
	}

	static String format(double v) {
		if (Double.isNaN(v)) return "NaN";
		if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		return (double) (float) v == v ? Float.toString((float) v) : Double.toString(v);
	}

	private static String quote(String name) {
		boolean needs = name.isEmpty() || name.indexOf(',') >= 0 || name.indexOf('"') >= 0 || name.indexOf('\n') >= 0 ||
			name.indexOf('\r') >= 0 || !name.trim().equals(name);
		return needs ? '"' + name.replace("\"", "\"\"") + '"' : name;
	}
}
