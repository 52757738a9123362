package org.neurodynamics.core.batch;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The time left of a batch: the mean time of the cells done, times the cells left, shared by the cells run at once. */
class BatchClockTest {

	@Test
	void theTimeLeftComesFromTheCellsDoneAndTheCellsRunAtOnce() {
		BatchClock clock = new BatchClock(10, 2);
		assertTrue(Double.isNaN(clock.secondsLeft()));
		assertEquals("0 of 10 cells done", clock.progress(0));
		clock.cellDone(60_000_000_000L);
		clock.cellDone(120_000_000_000L);
		assertEquals(90 * 8 / 2, clock.secondsLeft(), 1e-9, "8 cells of 90 s on average, 2 at a time");
		assertEquals("2 of 10 cells done, 1 failed, about 6 min left", clock.progress(1));
		for (int i = 0; i < 7; i++) clock.cellDone(90_000_000_000L);
		assertEquals(90, clock.secondsLeft(), 1e-9, "the last cell runs alone");
		clock.cellDone(1);
		assertEquals("10 of 10 cells done", clock.progress(0));
	}

	@Test
	void durationsAreGivenToThePrecisionAReaderPlansBy() {
		assertEquals("1 s", BatchClock.duration(0.2));
		assertEquals("45 s", BatchClock.duration(44.6));
		assertEquals("12 min", BatchClock.duration(12 * 60 + 10));
		assertEquals("2.5 h", BatchClock.duration(2.5 * 3600));
	}
}
