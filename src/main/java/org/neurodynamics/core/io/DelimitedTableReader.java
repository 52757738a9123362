package org.neurodynamics.core.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.neurodynamics.core.UserInputException;

/**
 * Reads numeric columns from CSV, TSV or semicolon-separated text. The separator is
 * detected from the first line (tab, then semicolon, then comma); the first line is a
 * header when any of its cells is not a number. Cells may be quoted as in CSV. With tab or
 * semicolon separators a decimal comma is accepted ("1,5"), as spreadsheets in many
 * locales write it. A single column with decimal commas is read as such when it has a
 * one-name header; without a header, lines such as "-59,9" could be one number with a
 * decimal comma or two integer columns, and are refused with the ways to say which. A
 * column may end before the others (empty cells to the end of the file), but may not have
 * gaps.
 */
public final class DelimitedTableReader {

	private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
	private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+([eE][+-]?\\d+)?");
	/** A line that is either one number with a decimal comma or two integers: "-59,9", "12,345", or "-60". */
	private static final Pattern INTEGER_PAIR = Pattern.compile("\\s*[+-]?\\d+\\s*(,\\s*\\d+\\s*)?,?\\s*");
	/** A separator that never occurs in a line: the whole line is one cell. */
	private static final char NO_SEPARATOR = '\n';

	private DelimitedTableReader() {}

	public static NumericTable readColumns(Path path) {
		Objects.requireNonNull(path, "path");
		String label = "'" + path.getFileName() + "'";
		try {
			Charset charset = isUtf8(path) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
			return parse(path.getFileName().toString(), () -> Files.newBufferedReader(path, charset));
		}
		catch (IOException e) {
			throw new UserInputException("Table file " + label + " could not be read (" + e.getMessage() +
				"). Check that it exists and that you may read it.", e);
		}
	}

	/** Opens the text from its start; the text is read line by line, never held whole. */
	@FunctionalInterface
	interface Text {
		BufferedReader open() throws IOException;
	}

	/** Parses table text; {@code source} names it in messages. */
	static NumericTable parse(String source, String text) {
		try {
			return parse(source, () -> new BufferedReader(new StringReader(text)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Reads the lines one at a time into growing primitive arrays, so that a column of 10^7
	 * samples takes its 80 MB of doubles and not gigabytes of line strings and boxed numbers.
	 * A second pass is made only for single lines that need the whole file to be understood
	 * (decimal commas).
	 */
	private static NumericTable parse(String source, Text text) throws IOException {
		String label = "Table file '" + source + "'";
		try (BufferedReader in = text.open()) {
			int row = 0; // 1-based number of the last line read
			String firstLine = null;
			for (String line; firstLine == null && (line = in.readLine()) != null;) {
				row++;
				if (row == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
				if (!line.trim().isEmpty()) firstLine = line;
			}
			if (firstLine == null) throw new UserInputException(label + " is empty. Choose a text file with one " +
				"column of numbers per trace, separated by commas, tabs or semicolons.");
			int first = row;

			char separator = detectSeparator(firstLine);
			boolean decimalComma = separator != ',';
			List<String> firstCells = split(firstLine, separator);
			boolean header = false;
			for (String cell : firstCells)
				if (!cell.isEmpty() && Double.isNaN(number(cell, decimalComma)) && !isNaNText(cell)) header = true;

			if (separator == ',' && trimmedSize(firstCells) <= 1 && header && singleDecimalCommaColumn(text, first)) {
				separator = NO_SEPARATOR;
				decimalComma = true;
			}
			else if (separator == ',' && !header && integerPairs(text, first - 1)) throw new UserInputException(label +
				" is ambiguous: its lines (such as '" + firstLine.trim() + "') can be read as one column of numbers " +
				"with a decimal comma or as two columns of integers. Add a header line: one name for a column with decimal " +
				"commas, two names separated by a comma for two columns; or save the file with a semicolon or tab separator.");

			int columns = trimmedSize(firstCells);
			List<String> names = new ArrayList<>();
			for (int c = 0; c < columns; c++)
				names.add(header && !firstCells.get(c).isEmpty() ? firstCells.get(c) : "column " + (c + 1));

			Column[] values = new Column[columns];
			for (int c = 0; c < columns; c++) values[c] = new Column();
			int[] endedAtRow = new int[columns]; // 1-based row of the first empty cell, 0 while the column runs
			boolean anyRow = false;
			String line = header ? in.readLine() : firstLine;
			if (header) row++;
			for (; line != null; line = in.readLine(), row++) {
				if (line.trim().isEmpty()) continue;
				anyRow = true;
				List<String> cells = split(line, separator);
				int size = trimmedSize(cells);
				if (size > columns) throw new UserInputException(label + ", row " + row + " has " + size +
					" cells, but row " + first + (header ? " (the header)" : "") + " has " + columns +
					". Remove the extra cells or separators from row " + row + ", or add the missing column" +
					(header ? " name" : "") + ".");
				for (int c = 0; c < columns; c++) {
					String cell = c < cells.size() ? cells.get(c) : "";
					if (cell.isEmpty()) {
						if (endedAtRow[c] == 0) endedAtRow[c] = row;
						continue;
					}
					if (endedAtRow[c] != 0) throw new UserInputException(where(label, row, c, names) +
						" has a value after the empty cell in row " + endedAtRow[c] +
						". Only the end of a column may be empty; fill in the gap or remove that row.");
					double v = number(cell, decimalComma);
					if (Double.isNaN(v) && !isNaNText(cell)) throw new UserInputException(where(label, row, c, names) + ": '" +
						cell + "' is not a number. Correct the cell, or remove the row if it is a comment or a second header.");
					values[c].add(v);
				}
			}
			if (!anyRow) throw new UserInputException(label + " has column names but no numbers below them. " +
				"Choose a file that contains the data.");

			double[][] cols = new double[columns][];
			for (int c = 0; c < columns; c++) {
				cols[c] = values[c].toArray();
				values[c] = null;
			}
			return NumericTable.wrap(source, names, cols);
		}
	}

	private static String where(String label, int row, int column, List<String> names) {
		return label + ", row " + row + ", column " + (column + 1) + " ('" + names.get(column) + "')";
	}

	/** A column's values as they are read: a primitive array that grows. */
	private static final class Column {
		private double[] values = new double[1024];
		private int size;

		void add(double v) {
			if (size == values.length) {
				if (values.length >= Integer.MAX_VALUE - 16) throw new UserInputException("A column has more than " + size +
					" values, more than can be loaded at once. Split the file.");
				values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 16L, values.length * 3L / 2));
			}
			values[size++] = v;
		}

		/** The values; the column's own array when it is full, so that no copy is made. */
		double[] toArray() {
			return size == values.length ? values : Arrays.copyOf(values, size);
		}
	}

	/** Every line after the first {@code skip} is one number, at least one with a decimal comma ("-59,9"). */
	private static boolean singleDecimalCommaColumn(Text text, int skip) throws IOException {
		boolean comma = false;
		try (BufferedReader in = text.open()) {
			int row = 0;
			for (String line; (line = in.readLine()) != null;) {
				if (++row <= skip) continue;
				String s = line.trim();
				if (s.isEmpty()) continue;
				if (DECIMAL_COMMA.matcher(s).matches()) comma = true;
				else if (!NUMBER.matcher(s).matches() && !isNaNText(s)) return false;
			}
		}
		return comma;
	}

	/** Every line after the first {@code skip} is an integer or a pair of integers, the second unsigned; at least one a pair. */
	private static boolean integerPairs(Text text, int skip) throws IOException {
		boolean pair = false;
		try (BufferedReader in = text.open()) {
			int row = 0;
			for (String line; (line = in.readLine()) != null;) {
				if (++row <= skip) continue;
				String s = row == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
				if (s.trim().isEmpty()) continue;
				if (!INTEGER_PAIR.matcher(s).matches()) return false;
				if (s.indexOf(',') >= 0 && s.indexOf(',') < s.trim().length() - 1) pair = true;
			}
		}
		return pair;
	}

	/** Tab, then semicolon, then comma: the first that separates cells of the line. */
	static char detectSeparator(String line) {
		for (char candidate : new char[] { '\t', ';', ',' })
			if (split(line, candidate).size() > 1) return candidate;
		return ',';
	}

	/** Splits a line at separators outside double quotes; unquotes and trims cells. */
	static List<String> split(String line, char separator) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false, wasQuoted = false;
		for (int i = 0; i < line.length(); i++) {
			char ch = line.charAt(i);
			if (quoted) {
				if (ch != '"') cell.append(ch);
				else if (i + 1 < line.length() && line.charAt(i + 1) == '"') cell.append(line.charAt(++i));
				else quoted = false;
			}
			else if (ch == '"' && cell.toString().trim().isEmpty()) {
				cell.setLength(0);
				quoted = wasQuoted = true;
			}
			else if (ch == separator) {
				cells.add(wasQuoted ? cell.toString() : cell.toString().trim());
				cell.setLength(0);
				wasQuoted = false;
			}
			else if (!(wasQuoted && Character.isWhitespace(ch))) cell.append(ch);
		}
		cells.add(wasQuoted ? cell.toString() : cell.toString().trim());
		return cells;
	}

	/** Number of cells up to the last non-empty one (trailing separators do not make columns). */
	private static int trimmedSize(List<String> cells) {
		int n = cells.size();
		while (n > 0 && cells.get(n - 1).isEmpty()) n--;
		return n;
	}

	/** The cell's value, NaN when it is not a number. */
	private static double number(String cell, boolean decimalComma) {
		String s = cell.trim();
		if (decimalComma && DECIMAL_COMMA.matcher(s).matches()) s = s.replace(',', '.');
		if (NUMBER.matcher(s).matches()) return Double.parseDouble(s);
		String lower = s.toLowerCase(java.util.Locale.ROOT);
		if (lower.equals("inf") || lower.equals("+inf") || lower.equals("infinity") || lower.equals("+infinity"))
			return Double.POSITIVE_INFINITY;
		if (lower.equals("-inf") || lower.equals("-infinity")) return Double.NEGATIVE_INFINITY;
		return Double.NaN;
	}

	private static boolean isNaNText(String cell) {
		return cell.trim().equalsIgnoreCase("nan");
	}

	/**
	 * Whether the file is valid UTF-8 (else it is read as Windows Latin-1, as older
	 * spreadsheet exports are); checked in one streaming pass.
	 */
	private static boolean isUtf8(Path path) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (Reader in = new InputStreamReader(Files.newInputStream(path), decoder)) {
			char[] buffer = new char[1 << 16];
			while (in.read(buffer) >= 0) {
				// only checking
			}
			return true;
		}
		catch (CharacterCodingException e) {
			return false;
		}
	}

}
