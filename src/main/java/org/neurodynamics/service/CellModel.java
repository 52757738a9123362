package org.neurodynamics.service;

import java.util.function.Supplier;

import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;

/** The compartmental models the gradient-diffusion commands build: four built-in cells and any SWC morphology. */
public enum CellModel implements MenuChoice {

	HH_AXON(Labels.HH_AXON, () -> CableModels.hodgkinHuxleyAxon(false)),
	PINSKY_RINZEL(Labels.PINSKY_RINZEL, CableModels::pinskyRinzel),
	HH_COMPARTMENT(Labels.HH_COMPARTMENT, CableModels::hodgkinHuxleyCompartment),
	CORTICAL(Labels.CORTICAL, CableModels::corticalNeuron),
	/** A morphology from an SWC file with a channel set per region; built by the service. */
	SWC(Labels.SWC, null);

	/** The labels as constants, for the choices of command parameters. */
	public interface Labels {
		String HH_AXON = "HH axon (paper)", PINSKY_RINZEL = "Pinsky-Rinzel", HH_COMPARTMENT = "HH single compartment",
			CORTICAL = "Cortical neuron (Na, K, M, leak)", SWC = "SWC morphology";
	}

	private final String label;
	private final Supplier<CableModel> builtIn;

	CellModel(String label, Supplier<CableModel> builtIn) { this.label = label; this.builtIn = builtIn; }

	@Override public String label() { return label; }

	/** True for a morphology read from a file, false for a built-in cell. */
	public boolean isMorphology() {
		return builtIn == null;
	}

	/** A new instance of a built-in cell. */
	CableModel builtIn() {
		if (builtIn == null) throw new IllegalStateException(label + " is built from a morphology file");
		return builtIn.get();
	}

	/** The model a label names. */
	public static CellModel of(String label) {
		return MenuChoice.of(CellModel.class, label, "model");
	}
}
