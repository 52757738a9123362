package org.neurodynamics.core.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.analysis.RegimeStats.Regime;

class RegimeClassifierTest {

	private final RegimeClassifier classifier = new RegimeClassifier();

	private static double[] toArray(List<Double> l) {
		return l.stream().mapToDouble(Double::doubleValue).toArray();
	}

	/** Bursts of the given sizes, intra-burst ISI 10, inter-burst silence 100, jitter 0.5. */
	private static double[] bursts(double start, int[] sizes, long seed) {
		Random rnd = new Random(seed);
		List<Double> t = new ArrayList<>();
		double time = start;
		for (int size : sizes) {
			for (int k = 0; k < size; k++) {
				t.add(time + 0.5 * rnd.nextGaussian());
				time += 10;
			}
			time += 100;
		}
		return toArray(t);
	}

	@Test
	void tonicSpikeTrain() {
		Random rnd = new Random(1);
		double[] t = new double[100];
		for (int i = 0; i < t.length; i++) t[i] = 5 + 20 * i + rnd.nextGaussian();
		RegimeStats s = classifier.classify(t, 0, 2000);
		assertEquals(Regime.TONIC, s.regime());
		assertEquals(20, s.meanIsi(), 0.1);
		assertEquals(0.05, s.spikeRate(), 1e-12);
		assertTrue(s.isiCv() < 0.1);
		assertEquals("tonic", s.label());
	}

	@Test
	void burstsOfThreeIgnoringPartialFirstAndLastBursts() {
		int[] sizes = { 2, 3, 3, 3, 3, 3, 3, 3, 1 };
		double[] t = bursts(3, sizes, 2); // the first burst starts right at the beginning: may be cut
		double end = t[t.length - 1] + 5; // recording ends inside the last burst
		RegimeStats s = classifier.classify(t, 0, end);
		assertEquals(Regime.BURSTING, s.regime());
		assertEquals(3, s.spikesPerBurst());
		assertEquals(7, s.burstCount());
		assertArrayEquals(new int[] { 3 }, s.spikesPerBurstSeen());
		assertEquals("bursting-3", s.label());
		// With silence before the first and after the last spike, every burst is complete.
		double[] t2 = bursts(150, new int[] { 3, 3, 3, 3, 3, 4 }, 3);
		RegimeStats all = classifier.classify(t2, 0, t2[t2.length - 1] + 150);
		assertEquals(Regime.BURSTING, all.regime());
		assertEquals(6, all.burstCount());
		assertArrayEquals(new int[] { 3, 4 }, all.spikesPerBurstSeen());
		assertEquals(19 / 6.0, all.meanSpikesPerBurst(), 1e-12);
	}

	@Test
	void burstsWithVaryingCountsAreIrregular() {
		RegimeStats s = classifier.classify(bursts(150, new int[] { 2, 5, 3, 4, 2, 6, 3, 5, 4, 2 }, 4), 0, 1600);
		assertEquals(Regime.IRREGULAR, s.regime());
		assertEquals(10, s.burstCount());
		assertArrayEquals(new int[] { 2, 3, 4, 5, 6 }, s.spikesPerBurstSeen());
	}

	@Test
	void poissonSpikingIsIrregularAndFewSpikesAreRest() {
		Random rnd = new Random(5);
		List<Double> t = new ArrayList<>();
		double time = 0;
		while (true) {
			time += -20 * Math.log(1 - rnd.nextDouble());
			if (time > 5000) break;
			t.add(time);
		}
		assertEquals(Regime.IRREGULAR, classifier.classify(toArray(t), 0, 5000).regime());
		assertEquals(Regime.REST, classifier.classify(new double[] { 3 }, 0, 100).regime());
		// Spiking that stops early: a transient on the way to rest.
		assertEquals(Regime.REST, classifier.classify(new double[] { 1, 11, 21, 31 }, 0, 1000).regime());
	}

	/**
	 * Hindmarsh-Rose, x sampled every 0.5 after a transient of 1000, over 4000 time units. True
	 * regimes (seen in the spike times and inter-spike troughs): I = 1.3 a damped subthreshold
	 * oscillation into the stable rest state; 1.5 period-1 spiking (ISI 149.5); 2.0 bursts of 2;
	 * 2.3 bursts of 3; 2.6 bursts of 4 (ISIs 11.2, 14.8, 32.0 inside, 88.2 between); 3.0 and 3.2
	 * chaotic bursting with 3 to 9 spikes per burst; 3.3 bursts of 4 (a periodic window); 3.8
	 * tonic (ISI 23.8).
	 */
	@Test
	void hindmarshRoseRegimes() {
		Object[][] expected = { { 1.3, "rest" }, { 1.5, "tonic" }, { 2.0, "bursting-2" }, { 2.3, "bursting-3" },
			{ 2.6, "bursting-4" }, { 3.0, "irregular" }, { 3.2, "irregular" }, { 3.3, "bursting-4" }, { 3.8, "tonic" } };
		for (Object[] e : expected) {
			double current = (Double) e[0];
			double[] x = HindmarshRose.simulateX(current, 1000, 4000, 0.5);
			RegimeStats s = classifier.classify(x, 0.5);
			assertEquals(e[1], s.label(), "I = " + current + ": " + s);
			if (current == 1.5) assertEquals(149.5, s.meanIsi(), 0.5);
			if (current == 3.0) {
				assertTrue(s.spikesPerBurstSeen().length >= 3, s.toString());
				assertTrue(s.burstCount() > 20, s.toString());
			}
		}
	}

	@Test
	void theSpikesOfAPlateauBurstCountWithThresholdsFromTheRecording() {
		// Sherman-Rinzel at lambda 0.98: bursts of about 24 spikes riding a plateau that stays
		// below the threshold but above the re-arm level between them
		org.neurodynamics.core.model.ShermanRinzel model = new org.neurodynamics.core.model.ShermanRinzel();
		float[] v = new org.neurodynamics.core.model.ModelSimulator(model)
			.simulate(0.98, model.initialState(), 160000, 60000, 20, null, org.neurodynamics.core.Progress.NONE)[0];
		SpikeThresholds thresholds = SpikeThresholds.fromRecordings(List.of(v));
		double[] x = new double[v.length];
		for (int i = 0; i < x.length; i++) x[i] = v[i];
		for (RegimeClassifier c : new RegimeClassifier[] { RegimeClassifier.withThresholds(thresholds), classifier }) {
			RegimeStats r = c.classify(x, 20);
			assertEquals(Regime.BURSTING, r.regime(), r.label());
			assertTrue(r.meanSpikesPerBurst() > 15, r.label());
		}
	}
}
