package org.neurodynamics.core.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.io.AbfFile;
import org.neurodynamics.core.io.AbfReader;

/**
 * The one spike detector on recordings whose troughs stay depolarised: every spike counts,
 * checked against an independent count (peaks above 0 mV that are the highest sample
 * within 2 ms either side) on real step families and on a synthetic train.
 */
class RecordedSpikesTest {

	/** A train of 10 spikes peaking at +40 mV, each falling only to {@code trough} mV before the next. */
	static float[] depolarisedTrain(double trough) {
		float[] v = new float[4000];
		for (int i = 0; i < v.length; i++) {
			double t = i < 500 ? -70 : trough + 2 * Math.sin(i / 37.0); // rest, then a depolarised plateau
			for (int k = 0; k < 10; k++) {
				double c = 600 + 300 * k;
				t += (40 - trough) * Math.exp(-0.5 * (i - c) * (i - c) / 9);
			}
			v[i] = (float) t;
		}
		return v;
	}

	@Test
	void spikesRidingADepolarisedPlateauCount() {
		for (double trough : new double[] { -30, -25 }) {
			float[] train = depolarisedTrain(trough), rest = new float[4000];
			Arrays.fill(rest, -70);
			SpikeDetector d = SpikeDetector.forRecording(List.of(rest, train));
			assertEquals(10, d.detect(train).count(), "troughs at " + trough + " mV");
			assertEquals(0, d.detect(rest).count());
			int[] onsets = d.detect(train).onsets();
			for (int k = 0; k < 10; k++) assertTrue(Math.abs(onsets[k] - (600 + 300 * k)) < 8, "onset of spike " + k + " at " + onsets[k]);
		}
	}

	@Test
	void countsEverySpikeOfRealStepFamilies() {
		for (String name : new String[] { "17o05028_ic_steps.abf", "171116sh_0018.abf" }) {
			AbfFile f = AbfReader.read(Paths.get("test-data/abf/" + name));
			List<float[]> sweeps = new ArrayList<>();
			for (int s = 0; s < f.sweepCount(); s++) sweeps.add(f.sweep(s, 0));
			SpikeDetector d = SpikeDetector.forRecording(sweeps);
			int width = (int) Math.round(2 / f.sampleIntervalMs()), spiking = 0;
			for (int s = 0; s < sweeps.size(); s++) {
				int expected = overshootingPeaks(sweeps.get(s), width);
				if (expected > 0) spiking++;
				assertEquals(expected, d.detect(sweeps.get(s)).count(), name + " sweep " + s);
			}
			assertTrue(spiking >= 5, name + ": " + spiking + " spiking sweeps");
		}
	}

	/** Independent count: samples above 0 mV that are the maximum within {@code width} samples either side. */
	static int overshootingPeaks(float[] v, int width) {
		int n = 0;
		for (int i = 0; i < v.length; i++) {
			if (v[i] <= 0) continue;
			boolean max = true;
			for (int j = Math.max(0, i - width); j <= Math.min(v.length - 1, i + width) && max; j++)
				if (v[j] > v[i] || (v[j] == v[i] && j < i)) max = false;
			if (max) n++;
		}
		return n;
	}
}
