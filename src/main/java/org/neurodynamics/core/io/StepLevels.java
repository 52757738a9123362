package org.neurodynamics.core.io;

import java.util.Arrays;

/**
 * The command level of the main step epoch in each sweep of an episodic recording: the
 * control parameter a protocol like "steps -50 to 150 pA" varies from sweep to sweep.
 */
public final class StepLevels {

	private final int dac;
	private final String unit;
	private final String epochLetter;
	private final double[] levels;

	StepLevels(int dac, String unit, String epochLetter, double[] levels) {
		this.dac = dac;
		this.unit = unit == null ? "" : unit;
		this.epochLetter = epochLetter == null ? "" : epochLetter;
		this.levels = levels.clone();
	}

	/** The DAC whose epoch table was used, -1 when the file has no epoch waveform. */
	public int dac() { return dac; }
	/** Units of the DAC output, e.g. pA in current clamp. */
	public String unit() { return unit; }
	/** Letter of the stepped epoch, empty when no epoch changes across sweeps. */
	public String epochLetter() { return epochLetter; }
	/** Whether some epoch changes level across sweeps; when not, every level is NaN. */
	public boolean isStepped() { return !epochLetter.isEmpty(); }
	public int sweepCount() { return levels.length; }
	/** Level in sweep {@code sweep} (0-based), NaN when not stepped. */
	public double level(int sweep) { return levels[sweep]; }
	public double[] levels() { return levels.clone(); }

	/** Name for the control parameter of traces, e.g. "step (pA)"; empty when not stepped. */
	public String parameterName() {
		if (!isStepped()) return "";
		return unit.isEmpty() ? "step" : "step (" + unit + ")";
	}

	@Override
	public String toString() {
		return "StepLevels[dac " + dac + ", epoch " + epochLetter + ", " + unit + ": " + Arrays.toString(levels) + "]";
	}
}
