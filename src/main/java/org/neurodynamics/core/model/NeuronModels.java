package org.neurodynamics.core.model;

import java.util.Arrays;
import java.util.List;

import org.neurodynamics.core.UserInputException;

/** The built-in neuron models, looked up by the names shown to users. */
public final class NeuronModels {

	private static final List<NeuronModel> ALL = List.of(new HindmarshRose(), new ShermanRinzel(), new HodgkinHuxley());

	private NeuronModels() {}

	public static List<NeuronModel> all() {
		return ALL;
	}

	public static String[] names() {
		return ALL.stream().map(NeuronModel::name).toArray(String[]::new);
	}

	public static NeuronModel byName(String name) {
		for (NeuronModel m : ALL)
			if (m.name().equalsIgnoreCase(name.trim())) return m;
		throw new UserInputException("Unknown neuron model '" + name + "'; choose one of " + Arrays.toString(names()) + ".");
	}
}
