package org.neurodynamics.core.cable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.UserInputException;

class StimulusTest {

	@Test
	void stepAndPulseTrain() {
		Stimulus step = new CurrentStep(10, 5, 2);
		assertEquals(0, step.current(9.99));
		assertEquals(2, step.current(10));
		assertEquals(0, step.current(15));
		Stimulus pulses = new PulseTrain(10, 5, 100, 1);
		assertEquals(1, pulses.current(112));
		assertEquals(0, pulses.current(116));
		assertEquals(1, pulses.current(212));
		assertEquals(0, pulses.current(5));
		assertThrows(UserInputException.class, () -> new PulseTrain(0, 10, 5, 1));
	}

	@Test
	void ornsteinUhlenbeckIsReproducibleWithTheRightStatistics() {
		OrnsteinUhlenbeckNoise a = new OrnsteinUhlenbeckNoise(0.5, 0.2, 5, 200_000, 0.1, 42);
		OrnsteinUhlenbeckNoise b = new OrnsteinUhlenbeckNoise(0.5, 0.2, 5, 200_000, 0.1, 42);
		OrnsteinUhlenbeckNoise c = new OrnsteinUhlenbeckNoise(0.5, 0.2, 5, 200_000, 0.1, 43);
		assertEquals(a.current(1234.567), b.current(1234.567));
		assertNotEquals(a.current(1234.567), c.current(1234.567));
		double sum = 0, sq = 0;
		int n = 0;
		for (double t = 0; t < 200_000; t += 1, n++) {
			double x = a.current(t);
			sum += x;
			sq += x * x;
		}
		double mean = sum / n, sd = Math.sqrt(sq / n - mean * mean);
		assertEquals(0.5, mean, 0.01);
		assertEquals(0.2, sd, 0.01);
	}

	@Test
	void recordedWaveformIsResampledLinearly() {
		Stimulus w = new RecordedWaveform(new float[] { 0, 1, 3 }, 0.5, 2);
		assertEquals(0, w.current(1.9));
		assertEquals(0.5, w.current(2.25), 1e-12);
		assertEquals(2, w.current(2.75), 1e-12);
		assertEquals(3, w.current(3.0), 1e-12);
		assertEquals(0, w.current(3.1));
		assertThrows(UserInputException.class, () -> new RecordedWaveform(new float[] { 0, Float.NaN }, 1, 0));
	}
}
