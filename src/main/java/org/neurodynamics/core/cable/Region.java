package org.neurodynamics.core.cable;

import java.util.Locale;

/** Part of a neuron to which a channel set is assigned; SWC types 3 and 4 are both dendrite. */
public enum Region {
	SOMA, AXON, DENDRITE;

	/** Lower-case name used in parameter names, e.g. "gNa(soma)". */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}
