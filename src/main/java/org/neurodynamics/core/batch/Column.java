package org.neurodynamics.core.batch;

import java.io.Serializable;

/** One column of the batch's results table: its name and whether it holds text, whole numbers or numbers. */
public final class Column implements Serializable {
	private static final long serialVersionUID = 1L;

	public enum Type { TEXT, INTEGER, NUMBER }

	public final String name;
	public final Type type;

	public Column(String name, Type type) {
		this.name = name;
		this.type = type;
	}

	static Column text(String name) { return new Column(name, Type.TEXT); }
	static Column integer(String name) { return new Column(name, Type.INTEGER); }
	static Column number(String name) { return new Column(name, Type.NUMBER); }

	@Override
	public boolean equals(Object o) {
		return o instanceof Column && ((Column) o).name.equals(name) && ((Column) o).type == type;
	}

	@Override
	public int hashCode() {
		return name.hashCode() * 31 + type.hashCode();
	}

	@Override
	public String toString() {
		return name + " (" + type.name().toLowerCase() + ")";
	}
}
