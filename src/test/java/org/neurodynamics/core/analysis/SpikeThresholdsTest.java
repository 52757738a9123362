package org.neurodynamics.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.analysis.RegimeStats.Regime;

class SpikeThresholdsTest {

	private static float[] toFloat(double[] x) {
		float[] f = new float[x.length];
		for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
		return f;
	}

	@Test
	void thresholdsLieBetweenRecordedTroughAndPeak() {
		double[] x = HindmarshRose.simulateX(3.75, 1000, 2000, 0.5);
		SpikeThresholds t = SpikeThresholds.fromRecordings(List.of(toFloat(x)));
		// Hindmarsh-Rose spikes peak near 1.8 and trough near -1.3
		assertEquals(1.8, t.peak, 0.2);
		assertEquals(-1.0, t.trough, 0.3);
		assertEquals(0.5 * (t.peak + t.trough), t.threshold, 1e-12);
		assertEquals(t.threshold - SpikeThresholds.REARM_FRACTION * t.range(), t.rearm, 1e-12);
	}

	@Test
	void recordingsWithoutSpikesGiveNoThresholds() {
		float[] flat = new float[1000];
		for (int i = 0; i < flat.length; i++) flat[i] = (float) (-65 + 0.01 * Math.sin(i * 0.1));
		assertNull(SpikeThresholds.fromRecordings(List.of(flat)));
	}

	@Test
	void aSmallOscillationIsRestUnderRecordedThresholdsButSpikingForTheAdaptiveDetector() {
		double[] small = new double[4000];
		for (int i = 0; i < small.length; i++) small[i] = -1.15 + 0.1 * Math.sin(2 * Math.PI * i / 40.0);
		SpikeThresholds recorded = new SpikeThresholds(-1.4, 1.8);
		assertEquals(Regime.REST, RegimeClassifier.withThresholds(recorded).classify(small, 0.5).regime());
		assertEquals(Regime.TONIC, new RegimeClassifier().classify(small, 0.5).regime());
	}

	@Test
	void fixedThresholdsClassifyTrueBurstingAsTheAdaptiveDetectorDoes() {
		double[] x = HindmarshRose.simulateX(2.5, 1000, 4000, 0.5);
		SpikeThresholds t = SpikeThresholds.fromRecordings(List.of(toFloat(x)));
		RegimeStats fixed = RegimeClassifier.withThresholds(t).classify(x, 0.5);
		assertEquals(Regime.BURSTING, fixed.regime());
		assertEquals(3, fixed.spikesPerBurst());
	}
}
