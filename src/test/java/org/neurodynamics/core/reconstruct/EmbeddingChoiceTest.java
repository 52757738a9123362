package org.neurodynamics.core.reconstruct;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.model.ModelSimulator;
import org.neurodynamics.core.model.ShermanRinzel;
import org.neurodynamics.core.trace.Trace;

class EmbeddingChoiceTest {

	@Test
	void theSlowTimeScaleIsTheSilenceBetweenBurstsHoweverManySpikesABurstHas() {
		// bursts of 24 spikes 1 apart, silences of 100: the silences are 4 % of the intervals
		// but 81 % of the time
		List<Double> plateau = new ArrayList<>();
		for (int b = 0; b < 10; b++) {
			for (int i = 0; i < 23; i++) plateau.add(1.0);
			plateau.add(100.0);
		}
		assertEquals(100, EmbeddingChoice.timeWeightedPercentile(plateau, 95), 0);
		// bursts of 4 (a quarter of the intervals are silences): the ordinary 95th percentile
		List<Double> short4 = new ArrayList<>();
		for (int b = 0; b < 10; b++) short4.addAll(List.of(30.0, 30.0, 30.0, 200.0));
		assertEquals(200, EmbeddingChoice.timeWeightedPercentile(short4, 95), 0);
		// tonic spiking: the interval itself
		assertEquals(50, EmbeddingChoice.timeWeightedPercentile(List.of(49.0, 50.0, 50.0, 50.0, 51.0, 50.0), 95), 1);
	}

	@Test
	void aPlateauBursterGetsAWindowOverTheSilenceAndFineSamplesOverAnIntervalInsideTheBurst() {
		// Sherman-Rinzel at 20 ms: spikes about 8 samples apart inside bursts, silences of hundreds
		ModelSimulator sim = new ModelSimulator(new ShermanRinzel());
		List<Trace> traces = new ArrayList<>();
		for (double l : new double[] { 0.9, 1.0 }) traces.add(sim.trace(0, l, 200000, 60000, 20, 0, 0, Progress.NONE));
		EmbeddingChoice c = EmbeddingChoice.choose(traces, new ReconstructionSettings());
		assertTrue(c.layout.fine < 40, c.toString());
		assertTrue(c.layout.span() > 300, c.toString());
	}
}
