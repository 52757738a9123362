package org.neurodynamics.core.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.trace.Trace;

/**
 * Named numeric columns, as read from or written to a delimited text file. Columns may
 * have different lengths (a shorter column simply ends). Immutable.
 */
public final class NumericTable {

	private final String source;
	private final List<String> names;
	private final double[][] columns;

	/**
	 * @param source where the table came from (a file name), used in messages; may be empty
	 */
	public NumericTable(String source, List<String> names, double[][] columns) {
		this.source = source == null ? "" : source;
		this.names = Collections.unmodifiableList(new ArrayList<>(names));
		if (names.size() != columns.length) throw new IllegalArgumentException(names.size() + " names for " +
			columns.length + " columns");
		this.columns = new double[columns.length][];
		for (int c = 0; c < columns.length; c++) this.columns[c] = Objects.requireNonNull(columns[c], "column").clone();
	}

	private NumericTable(String source, List<String> names, double[][] columns, boolean own) {
		this.source = source == null ? "" : source;
		this.names = Collections.unmodifiableList(new ArrayList<>(names));
		if (names.size() != columns.length) throw new IllegalArgumentException(names.size() + " names for " +
			columns.length + " columns");
		this.columns = columns;
	}

	/** A table that takes over {@code columns} without copying them (a reader's freshly made arrays). */
	static NumericTable wrap(String source, List<String> names, double[][] columns) {
		return new NumericTable(source, names, columns, true);
	}

	/**
	 * One column per trace, named "name (unit)"; with {@code timeColumn}, a first column of
	 * sample times. Traces may differ in length; with a time column they must share dt and
	 * time unit.
	 */
	public static NumericTable ofTraces(List<Trace> traces, boolean timeColumn) {
		List<String> names = new ArrayList<>();
		List<double[]> cols = new ArrayList<>();
		if (timeColumn && !traces.isEmpty()) {
			Trace first = traces.get(0);
			int longest = 0;
			for (Trace t : traces) {
				if (t.dt() != first.dt() || !t.timeUnit().equals(first.timeUnit())) throw new UserInputException("Traces '" +
					first.name() + "' and '" + t.name() + "' are sampled differently (" + first.dt() + " " + first.timeUnit() +
					" vs " + t.dt() + " " + t.timeUnit() + "), so they cannot share one time column. Export them separately.");
				longest = Math.max(longest, t.length());
			}
			double[] time = new double[longest];
			for (int i = 0; i < longest; i++) time[i] = i * first.dt();
			names.add(first.timeUnit().isEmpty() ? "time" : "time (" + first.timeUnit() + ")");
			cols.add(time);
		}
		for (Trace t : traces) {
			names.add(t.valueUnit().isEmpty() ? t.name() : t.name() + " (" + t.valueUnit() + ")");
			double[] v = new double[t.length()];
			for (int i = 0; i < v.length; i++) v[i] = t.sample(i);
			cols.add(v);
		}
		return new NumericTable("", names, cols.toArray(new double[0][]));
	}

	public String source() { return source; }
	public int columnCount() { return columns.length; }
	public List<String> names() { return names; }
	public String name(int column) { return names.get(check(column)); }

	/** Index of the column with this name, or -1. */
	public int indexOf(String name) { return names.indexOf(name); }

	/** Number of values in a column. */
	public int length(int column) { return columns[check(column)].length; }

	/** Length of the longest column. */
	public int rowCount() {
		int rows = 0;
		for (double[] c : columns) rows = Math.max(rows, c.length);
		return rows;
	}

	public double[] column(int column) { return columns[check(column)].clone(); }

	/** The value at {@code row} of a column; the row must be below {@link #length(int)}. */
	public double value(int row, int column) { return columns[check(column)][row]; }

	/** A column as a trace named after the column, sampled every {@code dt}. */
	public Trace trace(int column, double dt, String timeUnit, String valueUnit) {
		double[] v = columns[check(column)];
		float[] samples = new float[v.length];
		for (int i = 0; i < v.length; i++) samples[i] = (float) v[i];
		return new Trace(names.get(column), samples, dt, timeUnit, valueUnit);
	}

	/** The chosen columns as traces, in the order given. */
	public List<Trace> traces(int[] chosen, double dt, String timeUnit, String valueUnit) {
		List<Trace> out = new ArrayList<>(chosen.length);
		for (int c : chosen) out.add(trace(c, dt, timeUnit, valueUnit));
		return out;
	}

	private int check(int column) {
		if (column < 0 || column >= columns.length) throw new UserInputException((source.isEmpty() ? "The table" :
			"Table '" + source + "'") + " has " + columns.length + " column(s) " + names + ", numbered 0 to " +
			(columns.length - 1) + "; there is no column " + column + ". Choose a column in that range.");
		return column;
	}

	@Override
	public boolean equals(Object o) {
		if (!(o instanceof NumericTable)) return false;
		NumericTable t = (NumericTable) o;
		return names.equals(t.names) && Arrays.deepEquals(columns, t.columns);
	}

	@Override
	public int hashCode() {
		return 31 * names.hashCode() + Arrays.deepHashCode(columns);
	}

	@Override
	public String toString() {
		return "NumericTable[" + (source.isEmpty() ? "" : source + ", ") + names + ", " + rowCount() + " rows]";
	}
}
