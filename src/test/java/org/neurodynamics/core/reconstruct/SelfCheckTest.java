package org.neurodynamics.core.reconstruct;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.analysis.RegimeStats;
import org.neurodynamics.core.analysis.RegimeStats.Regime;

class SelfCheckTest {

	static RegimeStats regime(Regime r, int spikesPerBurst) {
		return new RegimeStats(r, 10, 100, 10, 0.1, spikesPerBurst > 0 ? 3 : 0, spikesPerBurst, spikesPerBurst, new int[0], 0);
	}

	static SelfCheck.TraceCheck check(Regime recorded, int recordedSpb, Regime map, int mapSpb, boolean passed, double deviation) {
		return new SelfCheck.TraceCheck("t", 1, regime(recorded, recordedSpb), regime(map, mapSpb), 1, 1, 0, 0, passed ? "" : "differs",
			deviation);
	}

	@Test
	void aMapInTheRecordedRegimesRanksAboveOneThatReproducesFewerOfThemInEveryDetail() {
		// bursts with two spikes where the recordings have three, at both bursting values; fails the tonic one
		SelfCheck.Result bursting = new SelfCheck.Result(List.of(check(Regime.BURSTING, 3, Regime.BURSTING, 2, false, 3),
			check(Regime.BURSTING, 3, Regime.BURSTING, 2, false, 3), check(Regime.TONIC, 0, Regime.REST, 0, false, 3)), 9);
		// rests where the recordings burst; reproduces the tonic one exactly
		SelfCheck.Result resting = new SelfCheck.Result(List.of(check(Regime.BURSTING, 3, Regime.REST, 0, false, 2),
			check(Regime.BURSTING, 3, Regime.REST, 0, false, 2), check(Regime.TONIC, 0, Regime.TONIC, 0, true, 0.1)), 4.1);
		assertEquals(2, bursting.sameRegime());
		assertEquals(1, resting.sameRegime());
		assertTrue(bursting.betterThan(resting));
		assertFalse(resting.betterThan(bursting));
		// equal regimes: the traces reproduced in every detail, then the deviation decide
		SelfCheck.Result restingWorse = new SelfCheck.Result(resting.traces(), 5);
		assertTrue(resting.betterThan(restingWorse));
		SelfCheck.Result tonicFailing = new SelfCheck.Result(List.of(check(Regime.BURSTING, 3, Regime.REST, 0, false, 2),
			check(Regime.BURSTING, 3, Regime.REST, 0, false, 2), check(Regime.TONIC, 0, Regime.TONIC, 0, false, 0.5)), 1);
		assertTrue(resting.betterThan(tonicFailing));
		assertTrue(resting.summary().contains("regime class right at 1"), resting.summary());
	}

	@Test
	void aRestingRecordingReproducedAtRestPassesWithTolerancesFromTheRecordedSpikes() {
		// a flat recording has no range of its own: 10 % of it would be zero
		double[] recorded = new double[4000], map = new double[4000];
		java.util.Random r = new java.util.Random(1);
		for (int i = 0; i < recorded.length; i++) {
			recorded[i] = -1.34 + 1e-5 * r.nextGaussian();
			map[i] = -1.3412 + 1e-5 * r.nextGaussian();
		}
		org.neurodynamics.core.analysis.SpikeThresholds spikes = new org.neurodynamics.core.analysis.SpikeThresholds(-1.6, 1.65);
		org.neurodynamics.core.analysis.RegimeClassifier classifier = org.neurodynamics.core.analysis.RegimeClassifier.withThresholds(spikes);
		SelfCheck.TraceCheck c = SelfCheck.compare("rest", 1.2, recorded, map, 0.5, classifier, spikes.range());
		assertTrue(c.passed(), c.failure);
		// a map resting a tenth of the spike height away does not pass
		for (int i = 0; i < map.length; i++) map[i] = -1.34 + 0.4;
		c = SelfCheck.compare("rest", 1.2, recorded, map, 0.5, classifier, spikes.range());
		assertFalse(c.passed());
		assertTrue(c.failure.contains("trough"), c.failure);
	}

	/** A recorded sweep: rest at -65 mV, then spikes to +40 mV every {@code isi} samples from sample 100 until {@code stop}. */
	static float[] sweep(int length, int isi, int stop, double trough) {
		float[] v = new float[length];
		for (int i = 0; i < length; i++) {
			double x = i < 100 ? -65 : trough;
			for (int c = 100 + isi / 2; c < stop; c += isi) x += (40 - trough) * Math.exp(-0.5 * (i - c) * (i - c) / 4.0);
			v[i] = (float) x;
		}
		return v;
	}

	@Test
	void aMapThatCannotSpikeNeverPassesASpikingRecording() {
		float[] tonic = sweep(3000, 150, 3000, -60), adapting = sweep(3000, 150, 1200, -60), plateau = sweep(3000, 100, 3000, -25);
		org.neurodynamics.core.analysis.SpikeThresholds spikes = org.neurodynamics.core.analysis.SpikeThresholds.fromRecordings(
			List.of(tonic, adapting, plateau));
		org.neurodynamics.core.analysis.RegimeClassifier classifier = org.neurodynamics.core.analysis.RegimeClassifier.withThresholds(spikes);
		int[] offsets = { 0, 1000, 2000 };
		for (float[] recorded : new float[][] { tonic, adapting, plateau }) {
			float[] rest = new float[7000];
			java.util.Arrays.fill(rest, -60);
			float[][] resting = { rest, java.util.Arrays.copyOf(rest, 2000), java.util.Arrays.copyOf(rest, 1000) };
			SelfCheck.TraceCheck c = SelfCheck.judge("sweep", 100, recorded, resting, offsets, 0.1, classifier, spikes.range());
			assertFalse(c.passed(), "a resting map passed a recording with " + c.recordedRate * 300 + " spikes");
			assertEquals(0, c.mapRate);
			assertTrue(c.recordedRate > 0);
			// the recording itself passes (continued by repeating its last third)
			float[] continued = new float[7000];
			for (int i = 0; i < continued.length; i++) continued[i] = recorded[i < 3000 ? i : 2000 + (i - 3000) % 1000];
			float[][] same = { continued, java.util.Arrays.copyOfRange(recorded, 1000, 3000), java.util.Arrays.copyOfRange(recorded, 2000, 3000) };
			c = SelfCheck.judge("sweep", 100, recorded, same, offsets, 0.1, classifier, spikes.range());
			assertTrue(c.passed(), c.failure);
		}
		// the spikes riding a plateau at -25 mV are all counted: 29 of them over 3000 samples
		assertEquals(29, Math.round(SelfCheck.judge("plateau", 100, plateau, new float[][] { plateau }, new int[1], 0.1, classifier,
			spikes.range()).recordedRate * 300));
		// twice the recorded rate fails, as does a map that stops firing after the recording's length
		float[] fast = sweep(7000, 75, 7000, -60), stopping = sweep(7000, 150, 3000, -60);
		assertFalse(SelfCheck.judge("tonic", 100, tonic, new float[][] { fast }, new int[1], 0.1, classifier, spikes.range()).passed());
		SelfCheck.TraceCheck c = SelfCheck.judge("tonic", 100, tonic, new float[][] { stopping }, new int[1], 0.1, classifier, spikes.range());
		assertTrue(c.failure.contains("stops firing"), c.failure);
	}
}
