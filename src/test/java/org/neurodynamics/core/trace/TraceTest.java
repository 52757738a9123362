package org.neurodynamics.core.trace;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.UserInputException;

class TraceTest {

	@Test
	void rejectsNaNWithTheTraceNameAndIndex() {
		Trace t = new Trace("sweep 3", new float[] { 1, 2, Float.NaN, 4 }, 0.1, "ms", "mV");
		UserInputException e = assertThrows(UserInputException.class, () -> t.requireUsable(2));
		assertTrue(e.getMessage().contains("sweep 3"));
		assertTrue(e.getMessage().contains("index 2"));
	}

	@Test
	void rejectsConstantAndTooShortTraces() {
		assertThrows(UserInputException.class, () -> new Trace("c", new float[] { 2, 2, 2 }, 1, "", "").requireUsable(2));
		assertThrows(UserInputException.class, () -> new Trace("s", new float[] { 1 }, 1, "", "").requireUsable(1));
		assertThrows(UserInputException.class, () -> new Trace("d", new float[] { 1, 2 }, 0, "", ""));
	}

	@Test
	void samplesAreCopiedSoInputsAreNeverModified() {
		float[] data = { 1, 2, 3 };
		Trace t = new Trace("x", data, 1, "", "");
		t.samples()[0] = 99;
		data[1] = 99;
		assertEquals(1f, t.sample(0));
		assertEquals(2f, t.sample(1));
	}

	@Test
	void subsampleScalesTheInterval() {
		Trace t = new Trace("x", new float[] { 0, 1, 2, 3, 4 }, 0.5, "ms", "mV", 2.0, "I").subsample(2);
		assertArrayEquals(new float[] { 0, 2, 4 }, t.samples());
		assertEquals(1.0, t.dt());
		assertEquals(2.0, t.parameter());
	}

	@Test
	void aStimulusIsAveragedOverEachSubsampledIntervalAndSlicedWithTheSamples() {
		Trace t = new Trace("x", new float[] { 0, 1, 2, 3, 4 }, 0.5, "ms", "mV", 100, "I (pA)")
			.withStimulus(new float[] { 0, 0, 100, 100, 100 });
		assertTrue(t.hasStimulus());
		assertEquals(100.0, t.parameter());
		assertArrayEquals(new float[] { 0, 100, 100 }, t.subsample(2).stimulus());
		assertArrayEquals(new float[] { 50, 100 }, t.slice(1, 5).subsample(2).stimulus());
		assertArrayEquals(new float[] { 7, 7 }, new Trace("c", new float[] { 1, 2 }, 1, "", "", 7, "p").stimulus());
		UserInputException e = assertThrows(UserInputException.class, () -> t.withStimulus(new float[3]));
		assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("3"), e.getMessage());
	}

	@Test
	void theStepOfAStimulusIsItsLongestRunAtTheNominalLevel() {
		// holding 0, a test pulse at -50, the step at 200 (block means at its edges), back to 0
		float[] drive = { 0, 0, -50, -50, 0, 0, 120, 200, 200, 200, 200, 200, 80, 0, 0 };
		assertArrayEquals(new int[] { 7, 12 }, Trace.longestRunAt(drive, 200, drive.length));
		assertArrayEquals(new int[] { 7, 10 }, Trace.longestRunAt(drive, 200, 10));
		// the sweep at the holding level: its first longest run at 0
		assertArrayEquals(new int[] { 0, 2 }, Trace.longestRunAt(drive, 0, drive.length));
		// a level the drive never holds: the whole length
		assertArrayEquals(new int[] { 0, 15 }, Trace.longestRunAt(drive, 75, drive.length));
		Trace step = new Trace("x", new float[15], 1, "", "", 200, "I").withStimulus(drive);
		assertArrayEquals(new int[] { 7, 12 }, step.atParameter());
		assertArrayEquals(new int[] { 0, 15 }, new Trace("c", new float[15], 1, "", "", 200, "I").atParameter());
	}
}
