package org.neurodynamics.core.cable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable compartmental model on a tree: compartments in parent-before-child order,
 * channels placed in compartments, and the named parameters they read (densities per
 * region, capacitance, axial resistivity or coupling, leak reversal...). A parameter vector
 * {@code theta} aligned with {@link #parameters()} fully determines a simulation.
 */
public final class CableModel {

	/** A channel inserted in a compartment; {@code parameters[j]} indexes theta for local parameter j. */
	public static final class Placement {
		public final int compartment;
		public final Channel channel;
		final int[] parameters;

		Placement(int compartment, Channel channel, int[] parameters) {
			this.compartment = compartment;
			this.channel = channel;
			this.parameters = parameters.clone();
		}

		public int parameterIndex(int local) { return parameters[local]; }
	}

	private final List<Compartment> compartments;
	private final List<Placement> placements;
	private final List<Parameter> parameters;
	private final double restingPotential;

	private CableModel(Builder b) {
		compartments = Collections.unmodifiableList(new ArrayList<>(b.compartments));
		placements = Collections.unmodifiableList(new ArrayList<>(b.placements));
		parameters = Collections.unmodifiableList(new ArrayList<>(b.parameters.values()));
		restingPotential = b.restingPotential;
	}

	public List<Compartment> compartments() { return compartments; }
	public int compartmentCount() { return compartments.size(); }
	public Compartment compartment(int i) { return compartments.get(i); }
	public List<Placement> placements() { return placements; }
	public List<Parameter> parameters() { return parameters; }
	/** Initial membrane potential of every compartment, mV. */
	public double restingPotential() { return restingPotential; }

	/** The default parameter vector. */
	public double[] defaults() {
		double[] t = new double[parameters.size()];
		for (int i = 0; i < t.length; i++) t[i] = parameters.get(i).value();
		return t;
	}

	/** Index of the parameter with this name; a user-facing error listing the names otherwise. */
	public int parameterIndex(String name) {
		for (int i = 0; i < parameters.size(); i++)
			if (parameters.get(i).name().equals(name)) return i;
		throw new org.neurodynamics.core.UserInputException("The model has no parameter '" + name +
			"'. Its parameters are: " + parameterNames() + ".");
	}

	public List<String> parameterNames() {
		List<String> names = new ArrayList<>();
		for (Parameter p : parameters) names.add(p.name());
		return names;
	}

	/** Index of the first compartment with this label, -1 if none. */
	public int compartmentIndex(String label) {
		for (int i = 0; i < compartments.size(); i++)
			if (compartments.get(i).label.equals(label)) return i;
		return -1;
	}

	public static Builder builder() { return new Builder(); }

	/** Collects parameters, compartments and channel placements. */
	public static final class Builder {
		private final Map<String, Parameter> parameters = new LinkedHashMap<>();
		private final List<Compartment> compartments = new ArrayList<>();
		private final List<Placement> placements = new ArrayList<>();
		private double restingPotential = -65;

		/** Adds a parameter, or returns the index of an existing one with this name (value unchanged). */
		public int parameter(String name, double value, String unit) {
			parameters.putIfAbsent(name, new Parameter(name, value, unit));
			int i = 0;
			for (String n : parameters.keySet()) {
				if (n.equals(name)) return i;
				i++;
			}
			throw new AssertionError();
		}

		public int compartment(Compartment c) {
			if (c.parent >= compartments.size() || (c.parent < 0 && !compartments.isEmpty()))
				throw new IllegalArgumentException("Compartment " + c.label + ": parent " + c.parent +
					" must be an earlier compartment (only the first is a root).");
			if (!(c.area > 0)) throw new IllegalArgumentException("Compartment " + c.label + " has area " + c.area);
			compartments.add(c);
			return compartments.size() - 1;
		}

		/** Inserts a channel whose local parameters read theta at the given indices. */
		public Builder insert(int compartment, Channel channel, int... parameterIndices) {
			if (parameterIndices.length != channel.parameterNames().length)
				throw new IllegalArgumentException(channel.name() + " needs " + channel.parameterNames().length + " parameters");
			placements.add(new Placement(compartment, channel, parameterIndices));
			return this;
		}

		public Builder restingPotential(double mv) {
			restingPotential = mv;
			return this;
		}

		public int parameterCount() { return parameters.size(); }
		public int compartmentCount() { return compartments.size(); }

		public CableModel build() {
			if (compartments.isEmpty()) throw new IllegalStateException("no compartments");
			return new CableModel(this);
		}
	}
}
