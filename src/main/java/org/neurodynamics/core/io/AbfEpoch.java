package org.neurodynamics.core.io;

/**
 * One column of a DAC's epoch table: a waveform segment whose level and duration may
 * change by a fixed increment from sweep to sweep. Durations are in samples of one
 * channel; levels are in the DAC's units.
 */
public final class AbfEpoch {

	private final int number;
	private final AbfEpochType type;
	private final double firstLevel;
	private final double deltaLevel;
	private final int firstDuration;
	private final int deltaDuration;
	private final int pulsePeriod;
	private final int pulseWidth;

	public AbfEpoch(int number, AbfEpochType type, double firstLevel, double deltaLevel, int firstDuration,
		int deltaDuration, int pulsePeriod, int pulseWidth)
	{
		this.number = number;
		this.type = type;
		this.firstLevel = firstLevel;
		this.deltaLevel = deltaLevel;
		this.firstDuration = firstDuration;
		this.deltaDuration = deltaDuration;
		this.pulsePeriod = pulsePeriod;
		this.pulseWidth = pulseWidth;
	}

	/** Position in the table, 0 for epoch A. */
	public int number() { return number; }
	public AbfEpochType type() { return type; }
	public double firstLevel() { return firstLevel; }
	public double deltaLevel() { return deltaLevel; }
	public int firstDuration() { return firstDuration; }
	public int deltaDuration() { return deltaDuration; }
	public int pulsePeriod() { return pulsePeriod; }
	public int pulseWidth() { return pulseWidth; }

	/** The letter Clampex shows for this epoch: A, B, ... Z, then AA, AB, ... */
	public String letter() {
		return letterOf(number);
	}

	private static String letterOf(int n) {
		return n < 26 ? String.valueOf((char) ('A' + n)) : letterOf(n / 26 - 1) + (char) ('A' + n % 26);
	}

	/** Level during sweep {@code sweep} (0-based). */
	public double level(int sweep) { return firstLevel + deltaLevel * sweep; }

	/** Duration in samples during sweep {@code sweep} (0-based), never negative. */
	public int duration(int sweep) {
		return (int) Math.max(0, Math.min(Integer.MAX_VALUE, firstDuration + (long) deltaDuration * sweep));
	}

	@Override
	public String toString() {
		return "Epoch " + letter() + " " + type.label() + " level " + firstLevel + " (delta " + deltaLevel +
			"), duration " + firstDuration + " (delta " + deltaDuration + ")";
	}
}
