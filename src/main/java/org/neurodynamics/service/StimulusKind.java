package org.neurodynamics.service;

/** The kinds of current injected into a compartmental model; settings in {@link StimulusRequest}. */
public enum StimulusKind implements MenuChoice {

	STEP(Labels.STEP), PULSES(Labels.PULSES), NOISE(Labels.NOISE), WAVEFORM(Labels.WAVEFORM), NONE(Labels.NONE);

	/** The labels as constants, for the choices of command parameters. */
	public interface Labels {
		String NONE = "None", STEP = "Current step", PULSES = "Pulse train", NOISE = "Noise (Ornstein-Uhlenbeck)",
			WAVEFORM = "Recorded waveform (ABF command)";
	}

	private final String label;

	StimulusKind(String label) { this.label = label; }

	@Override public String label() { return label; }

	/** True for the kinds that start at a set time (step, pulses). */
	boolean hasStart() {
		return this == STEP || this == PULSES;
	}

	public static StimulusKind of(String label) {
		return MenuChoice.of(StimulusKind.class, label, "stimulus");
	}
}
