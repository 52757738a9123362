package org.neurodynamics.core.cable;

/** A named model parameter with its default value and unit, e.g. gNa(soma) = 0.12 S/cm^2. */
public final class Parameter {

	private final String name;
	private final double value;
	private final String unit;

	public Parameter(String name, double value, String unit) {
		this.name = name;
		this.value = value;
		this.unit = unit;
	}

	public String name() { return name; }
	public double value() { return value; }
	public String unit() { return unit; }

	@Override
	public String toString() {
		return name + " = " + value + " " + unit;
	}
}
