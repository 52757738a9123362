package org.neurodynamics.core.cable;

/**
 * One isopotential compartment: membrane area, the parent it is coupled to and how the axial
 * conductance to that parent depends on a parameter.
 *
 * <p>The axial conductance is {@code g = axialFactor * theta[axialParameter]^axialPower} in
 * uS: power -1 with the axial resistivity Ra (ohm cm) for cables, power +1 with a coupling
 * conductance density (S/cm^2) for lumped models such as Pinsky-Rinzel.
 */
public final class Compartment {

	public final String label;
	public final Region region;
	/** Membrane area in um^2. */
	public final double area;
	/** Index of the parent compartment (lower than this one's), -1 for the root. */
	public final int parent;
	public final double axialFactor;
	public final int axialParameter;
	public final int axialPower;
	/** Index of the specific-capacitance parameter (uF/cm^2). */
	public final int capacitanceParameter;

	public Compartment(String label, Region region, double area, int parent, double axialFactor,
		int axialParameter, int axialPower, int capacitanceParameter)
	{
		this.label = label;
		this.region = region;
		this.area = area;
		this.parent = parent;
		this.axialFactor = axialFactor;
		this.axialParameter = axialParameter;
		this.axialPower = axialPower;
		this.capacitanceParameter = capacitanceParameter;
	}

	/** Axial conductance to the parent in uS for parameter vector theta. */
	double axialConductance(double[] theta) {
		if (parent < 0) return 0;
		double x = theta[axialParameter];
		return axialPower == 1 ? axialFactor * x : axialFactor / x;
	}
}
