package org.neurodynamics.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class AbfWaveformTest {

	private static AbfEpoch epoch(int n, AbfEpochType type, double level, double delta, int duration, int period, int width) {
		return new AbfEpoch(n, type, level, delta, duration, 0, period, width);
	}

	@Test
	void preEpochHoldingIsOneSixtyFourthOfTheSweep() {
		List<AbfEpoch> epochs = Arrays.asList(epoch(0, AbfEpochType.STEP, 5, 1, 10, 0, 0));
		float[] w = AbfWaveform.sweep(epochs, 2, 128, -1, false);
		assertEquals(-1, w[1]);
		assertEquals(7, w[2]); // 128 / 64 = 2 holding samples, then 5 + 2 * 1
		assertEquals(7, w[11]);
		assertEquals(-1, w[12]);
	}

	@Test
	void rampGoesFromThePreviousLevelAndPulsesReturnToIt() {
		List<AbfEpoch> epochs = Arrays.asList(epoch(0, AbfEpochType.STEP, 10, 0, 10, 0, 0),
			epoch(1, AbfEpochType.RAMP, 20, 0, 11, 0, 0), epoch(2, AbfEpochType.OFF, 99, 0, 50, 0, 0),
			epoch(3, AbfEpochType.PULSE, 0, 0, 20, 10, 3));
		float[] w = AbfWaveform.sweep(epochs, 0, 64, 0, false);
		// 1 holding sample, A [1, 11), B [11, 22), D [22, 42)
		assertEquals(10, w[11]);
		assertEquals(15, w[16], 1e-6);
		assertEquals(20, w[21]);
		assertEquals(0, w[22]);
		assertEquals(20, w[25]); // between pulses: the ramp's end level
		assertEquals(0, w[32]);
		assertEquals(20, w[35]);
		assertEquals(0, w[63]);
	}

	@Test
	void interEpisodeLevelCarriesTheLastLevelIntoTheNextSweep() {
		List<AbfEpoch> epochs = Arrays.asList(epoch(0, AbfEpochType.STEP, 1, 1, 10, 0, 0));
		float[] s1 = AbfWaveform.sweep(epochs, 1, 64, 0, true);
		assertEquals(1, s1[0]); // sweep 0 ended at level 1
		assertEquals(2, s1[5]);
		assertEquals(2, s1[63]);
	}

	@Test
	void epochsLongerThanTheSweepAreCut() {
		float[] w = AbfWaveform.sweep(Arrays.asList(epoch(0, AbfEpochType.STEP, 3, 0, 1000, 0, 0)), 0, 64, 0, false);
		assertEquals(64, w.length);
		assertEquals(3, w[63]);
	}

	@Test
	void damagedPulseWidthsGiveATrainInsteadOfAnException() {
		for (int width : new int[] { -5, Integer.MIN_VALUE, Integer.MAX_VALUE, 50 }) {
			for (AbfEpochType type : new AbfEpochType[] { AbfEpochType.PULSE, AbfEpochType.BIPHASIC, AbfEpochType.TRIANGLE }) {
				List<AbfEpoch> epochs = Arrays.asList(epoch(0, type, 1, 0, 40, 10, width));
				float[] w = AbfWaveform.sweep(epochs, 0, 64, 0, false);
				for (float v : w) assertTrue(Float.isFinite(v), type + " width " + width);
			}
		}
		// An epoch duration that overflows with the sweep number stops at the end of the sweep.
		List<AbfEpoch> epochs = Arrays.asList(new AbfEpoch(0, AbfEpochType.STEP, 1, 0, Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 0));
		assertEquals(1, AbfWaveform.sweep(epochs, 3, 64, 0, false)[63]);
	}
}
