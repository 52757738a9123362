package org.neurodynamics.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(path);
		}
		catch (IOException e) {
			throw new UserInputException("Table file " + label + " could not be read (" + e.getMessage() +
				"). Check that it exists and that you may read it.", e);
		}
		return parse(path.getFileName().toString(), decode(bytes));
	}

	/** Parses table text; {@code source} names it in messages. */
	static NumericTable parse(String source, String text) {
		String label = "Table file '" + source + "'";
		List<String> lines = Arrays.asList(text.split("\r\n|\r|\n", -1));
		int first = 0;
		while (first < lines.size() && lines.get(first).trim().isEmpty()) first++;
		if (first == lines.size()) throw new UserInputException(label + " is empty. Choose a text file with one " +
			"column of numbers per trace, separated by commas, tabs or semicolons.");

		char separator = detectSeparator(lines.get(first));
		boolean decimalComma = separator != ',';
		List<String> firstCells = split(lines.get(first), separator);
		boolean header = false;
		for (String cell : firstCells)
			if (!cell.isEmpty() && Double.isNaN(number(cell, decimalComma)) && !isNaNText(cell)) header = true;

		if (separator == ',' && trimmedSize(firstCells) <= 1 && header && singleDecimalCommaColumn(lines, first + 1)) {
			separator = NO_SEPARATOR;
			decimalComma = true;
		}
		else if (separator == ',' && !header && integerPairs(lines, first)) throw new UserInputException(label +
			" is ambiguous: its lines (such as '" + lines.get(first).trim() + "') can be read as one column of numbers " +
			"with a decimal comma or as two columns of integers. Add a header line: one name for a column with decimal " +
			"commas, two names separated by a comma for two columns; or save the file with a semicolon or tab separator.");

		int columns = trimmedSize(firstCells);
		List<String> names = new ArrayList<>();
		for (int c = 0; c < columns; c++)
			names.add(header && !firstCells.get(c).isEmpty() ? firstCells.get(c) : "column " + (c + 1));

		List<List<Double>> values = new ArrayList<>();
		for (int c = 0; c < columns; c++) values.add(new ArrayList<>());
		int[] endedAtRow = new int[columns]; // 1-based row of the first empty cell, 0 while the column runs
		boolean anyRow = false;
		for (int i = header ? first + 1 : first; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.trim().isEmpty()) continue;
			anyRow = true;
			int row = i + 1;
			List<String> cells = split(line, separator);
			int size = trimmedSize(cells);
			if (size > columns) throw new UserInputException(label + ", row " + row + " has " + size +
				" cells, but row " + (first + 1) + (header ? " (the header)" : "") + " has " + columns +
				". Remove the extra cells or separators from row " + row + ", or add the missing column" +
				(header ? " name" : "") + ".");
			for (int c = 0; c < columns; c++) {
				String cell = c < cells.size() ? cells.get(c) : "";
				if (cell.isEmpty()) {
					if (endedAtRow[c] == 0) endedAtRow[c] = row;
					continue;
				}
				String where = label + ", row " + row + ", column " + (c + 1) + " ('" + names.get(c) + "')";
				if (endedAtRow[c] != 0) throw new UserInputException(where + " has a value after the empty cell in row " +
					endedAtRow[c] + ". Only the end of a column may be empty; fill in the gap or remove that row.");
				double v = number(cell, decimalComma);
				if (Double.isNaN(v) && !isNaNText(cell)) throw new UserInputException(where + ": '" + cell +
					"' is not a number. Correct the cell, or remove the row if it is a comment or a second header.");
				values.get(c).add(v);
			}
		}
		if (!anyRow) throw new UserInputException(label + " has column names but no numbers below them. " +
			"Choose a file that contains the data.");

		double[][] cols = new double[columns][];
		for (int c = 0; c < columns; c++) {
			List<Double> list = values.get(c);
			cols[c] = new double[list.size()];
			for (int r = 0; r < cols[c].length; r++) cols[c][r] = list.get(r);
		}
		return new NumericTable(source, names, cols);
	}

	/** Every data line from {@code from} on is one number, at least one with a decimal comma ("-59,9"). */
	private static boolean singleDecimalCommaColumn(List<String> lines, int from) {
		boolean comma = false;
		for (int i = from; i < lines.size(); i++) {
			String s = lines.get(i).trim();
			if (s.isEmpty()) continue;
			if (DECIMAL_COMMA.matcher(s).matches()) comma = true;
			else if (!NUMBER.matcher(s).matches() && !isNaNText(s)) return false;
		}
		return comma;
	}

	/** Every line from {@code from} on is an integer or a pair of integers, the second unsigned; at least one a pair. */
	private static boolean integerPairs(List<String> lines, int from) {
		boolean pair = false;
		for (int i = from; i < lines.size(); i++) {
			String s = lines.get(i);
			if (s.trim().isEmpty()) continue;
			if (!INTEGER_PAIR.matcher(s).matches()) return false;
			if (s.indexOf(',') >= 0 && s.indexOf(',') < s.trim().length() - 1) pair = true;
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

	/** UTF-8 when valid, else Windows Latin-1 (older spreadsheet exports); a byte-order mark is dropped. */
	private static String decode(byte[] bytes) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException e) {
			text = new String(bytes, StandardCharsets.ISO_8859_1);
		}
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}
}
