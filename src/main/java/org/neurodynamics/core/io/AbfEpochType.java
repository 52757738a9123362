package org.neurodynamics.core.io;

/** Waveform shape of one epoch of an ABF epoch table, with the code stored in the file. */
public enum AbfEpochType {
	OFF(0, "Off"), STEP(1, "Step"), RAMP(2, "Ramp"), PULSE(3, "Pulse"), TRIANGLE(4, "Tri"),
	COSINE(5, "Cos"), BIPHASIC(7, "BiPhsc"), UNKNOWN(-1, "Unknown");

	private final int code;
	private final String label;

	AbfEpochType(int code, String label) {
		this.code = code;
		this.label = label;
	}

	public int code() { return code; }

	/** The short name Clampex shows in its waveform editor. */
	public String label() { return label; }

	public static AbfEpochType fromCode(int code) {
		for (AbfEpochType t : values())
			if (t.code == code) return t;
		return UNKNOWN;
	}
}
