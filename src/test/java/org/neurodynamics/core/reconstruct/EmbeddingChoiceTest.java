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
