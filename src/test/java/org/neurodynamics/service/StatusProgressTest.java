package org.neurodynamics.service;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the status bar shows while a command reports progress: command, phase, step and time left. */
class StatusProgressTest {

	private final List<String> texts = new ArrayList<>();
	private final List<Double> bars = new ArrayList<>();
	private long now;

	private final StatusProgress.Sink sink = new StatusProgress.Sink() {
		@Override
		public void status(String text) {
			texts.add(text);
		}

		@Override
		public void progress(double fraction) {
			bars.add(fraction);
		}
	};

	private StatusProgress progress() {
		return new StatusProgress("Reconstruct Dynamics", sink, null, () -> false, () -> now, false);
	}

	@Test
	void statusNamesTheCommandThePhaseAndTheStep() {
		StatusProgress p = progress();
		p.report("Dimension analysis", 0, "L = 1, seed 0");
		assertEquals("Reconstruct Dynamics: Dimension analysis: L = 1, seed 0", texts.get(0));
		now = 1000;
		p.report("Training map", 0.05, "epoch 3/40");
		assertEquals("Reconstruct Dynamics: Training map: epoch 3/40", last(), "a new phase shows at once, no estimate yet");
		assertEquals(0.05, bars.get(bars.size() - 1), 1e-12);
	}

	@Test
	void aTimeEstimateFollowsOnceThePhaseHasRunAWhile() {
		StatusProgress p = progress();
		p.report("Training map", 0, "epoch 1/40");
		now = 30_000;
		p.report("Training map", 0.25, "epoch 10/40");
		// A quarter in 30 s: three quarters take another 90 s.
		assertEquals("Reconstruct Dynamics: Training map: epoch 10/40 (about 2 min left)", last());
		now = 100_000;
		p.report("Training map", 0.95, "epoch 38/40");
		assertEquals("Reconstruct Dynamics: Training map: epoch 38/40 (about 5 s left)", last());
		// The next phase starts its own estimate.
		now = 101_000;
		p.report("Iterating the map", 0.5, "");
		assertEquals("Reconstruct Dynamics: Iterating the map", last());
	}

	@Test
	void theBarIsRedrawnAtMostEveryTenthOfASecondButEveryPhaseAndEndShow() {
		StatusProgress p = progress();
		for (int i = 0; i < 100; i++) {
			now = i;
			p.report("Training autoencoder", i / 100.0, "epoch 1/2");
		}
		assertEquals(1, texts.size(), texts.toString());
		now = 150;
		p.report("Training autoencoder", 1, "epoch 2/2");
		assertEquals(2, texts.size());
		assertEquals(1.0, bars.get(bars.size() - 1), "the end of a phase hides the bar");
		now = 151;
		p.report("Exploration", 0, "I = 1.3");
		assertEquals("Reconstruct Dynamics: Exploration: I = 1.3", last());
	}

	@Test
	void durations() {
		assertEquals("", StatusProgress.timeLeft(2000, 0.5, 0.5), "too early");
		assertEquals("about 9 min left", StatusProgress.timeLeft(60_000, 0.1, 0.9));
		assertEquals("12 s", StatusProgress.duration(11_200));
		assertEquals("2.5 min", StatusProgress.duration(150_000));
	}

	private String last() {
		return texts.get(texts.size() - 1);
	}
}
