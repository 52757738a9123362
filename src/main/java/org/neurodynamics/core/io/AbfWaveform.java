package org.neurodynamics.core.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Synthesises the command waveform of one sweep from a DAC's epoch table, the way Clampex
 * plays it out (and pyABF reconstructs it): a pre-epoch holding period of 1/64 of the
 * sweep, the epochs in order, then the holding (or last) level to the end of the sweep.
 */
final class AbfWaveform {

	private AbfWaveform() {}

	/** One contiguous piece of the sweep, [from, to) in samples. */
	private static final class Segment {
		final int from, to;
		final double level;
		final AbfEpochType type;
		final int pulsePeriod, pulseWidth;

		Segment(int from, int to, double level, AbfEpochType type, int pulsePeriod, int pulseWidth) {
			this.from = from;
			this.to = to;
			this.level = level;
			this.type = type;
			this.pulsePeriod = pulsePeriod;
			this.pulseWidth = pulseWidth;
		}
	}

	/**
	 * @param keepLastLevel the DAC stays at the last epoch level between sweeps instead of
	 *   returning to {@code holding} (nInterEpisodeLevel)
	 */
	static float[] sweep(List<AbfEpoch> epochs, int sweep, int length, double holding, boolean keepLastLevel) {
		double lastLevelBefore = keepLastLevel && sweep > 0 ? lastLevel(epochs, sweep - 1, holding) : holding;
		double lastLevelNow = keepLastLevel ? lastLevel(epochs, sweep, holding) : holding;

		List<Segment> segments = new ArrayList<>();
		int position = length / 64;
		segments.add(new Segment(0, position, lastLevelBefore, AbfEpochType.STEP, 0, 0));
		for (AbfEpoch e : epochs) {
			if (e.type() == AbfEpochType.OFF) continue;
			int end = (int) Math.min(length, (long) position + e.duration(sweep));
			segments.add(new Segment(position, end, e.level(sweep), e.type(), e.pulsePeriod(), e.pulseWidth()));
			position = end;
		}
		segments.add(new Segment(position, length, lastLevelNow, AbfEpochType.STEP, 0, 0));

		float[] out = new float[length];
		for (int i = 0; i < segments.size(); i++) {
			Segment s = segments.get(i);
			double before = i == 0 ? s.level : segments.get(i - 1).level;
			fill(out, s, before);
		}
		return out;
	}

	/**
	 * Samples [from, to) of a sweep during which {@code stepped} plays, laid out as in
	 * {@link #sweep}: after the pre-epoch holding period and the epochs before it.
	 */
	static int[] window(List<AbfEpoch> epochs, AbfEpoch stepped, int sweep, int length) {
		int position = length / 64;
		for (AbfEpoch e : epochs) {
			if (e.type() == AbfEpochType.OFF) continue;
			int end = (int) Math.min(length, (long) position + e.duration(sweep));
			if (e == stepped) return new int[] { position, end };
			position = end;
		}
		return new int[] { 0, length };
	}

	private static double lastLevel(List<AbfEpoch> epochs, int sweep, double holding) {
		double level = holding;
		for (AbfEpoch e : epochs)
			if (e.type() != AbfEpochType.OFF) level = e.level(sweep);
		return level;
	}

	/** Writes one segment; trains start from and return to the level of the previous segment. */
	private static void fill(float[] out, Segment s, double before) {
		int n = s.to - s.from;
		if (n <= 0) return;
		double level = s.level, delta = level - before;
		int pulses = s.pulsePeriod > 0 ? n / s.pulsePeriod : 0;
		// A damaged header may give a negative or huge width: a pulse lasts 0 to its period.
		int width = pulses > 0 ? Math.max(0, Math.min(s.pulseWidth, s.pulsePeriod)) : 0;
		switch (s.type) {
		case STEP:
			Arrays.fill(out, s.from, s.to, (float) level);
			break;
		case RAMP:
			for (int j = 0; j < n; j++) out[s.from + j] = (float) (n == 1 ? before : before + delta * j / (n - 1));
			break;
		case PULSE:
			Arrays.fill(out, s.from, s.to, (float) before);
			for (int p = 0; p < pulses; p++) {
				int p1 = s.from + p * s.pulsePeriod;
				Arrays.fill(out, p1, Math.min(s.to, p1 + width), (float) level);
			}
			break;
		case TRIANGLE:
			Arrays.fill(out, s.from, s.to, (float) before);
			for (int p = 0; p < pulses; p++) {
				int p1 = s.from + p * s.pulsePeriod;
				int p2 = Math.min(s.to, p1 + width), p3 = Math.min(s.to, p1 + s.pulsePeriod);
				linspace(out, p1, p2, before, level);
				linspace(out, p2, p3, level, before);
			}
			break;
		case COSINE:
			for (int j = 0; j < n; j++) {
				double phase = (n == 1 ? 0 : 2 * Math.PI * pulses * j / (n - 1)) + Math.PI;
				out[s.from + j] = (float) (before + Math.cos(phase) * delta / 2 + delta / 2);
			}
			break;
		case BIPHASIC:
			Arrays.fill(out, s.from, s.to, (float) before);
			for (int p = 0; p < pulses; p++) {
				int p1 = s.from + p * s.pulsePeriod;
				int p3 = Math.min(s.to, p1 + width), p2 = (p1 + p3) / 2;
				Arrays.fill(out, p1, p2, (float) (before + delta));
				Arrays.fill(out, p2, p3, (float) (before - delta));
			}
			break;
		default: // unknown shape: no honest value to give
			Arrays.fill(out, s.from, s.to, Float.NaN);
		}
	}

	/** Like numpy.linspace(a, b, to - from): both ends included. */
	private static void linspace(float[] out, int from, int to, double a, double b) {
		int n = to - from;
		for (int j = 0; j < n; j++) out[from + j] = (float) (n == 1 ? a : a + (b - a) * j / (n - 1));
	}
}
