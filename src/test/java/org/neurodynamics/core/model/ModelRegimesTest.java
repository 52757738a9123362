package org.neurodynamics.core.model;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.Progress;

/**
 * The documented regimes of the built-in models (METHODS.md section 3), checked with a
 * spike counter independent of the plugin's own regime classifier.
 */
class ModelRegimesTest {

	/** Indices of upward crossings of {@code threshold}. */
	static List<Integer> spikes(float[] x, double threshold) {
		List<Integer> idx = new ArrayList<>();
		for (int i = 1; i < x.length; i++)
			if (x[i - 1] < threshold && x[i] >= threshold) idx.add(i);
		return idx;
	}

	/** Spikes per burst, splitting where an interval exceeds {@code gap} samples; drops the partial first and last bursts. */
	static List<Integer> burstSizes(List<Integer> spikes, int gap) {
		List<Integer> sizes = new ArrayList<>();
		int size = 1;
		for (int i = 1; i < spikes.size(); i++) {
			if (spikes.get(i) - spikes.get(i - 1) > gap) {
				sizes.add(size);
				size = 1;
			}
			else size++;
		}
		if (sizes.size() > 0) sizes.remove(0);
		return sizes;
	}

	static float[] simulate(NeuronModel model, double p, double[] y0, double duration, double settle, double dt) {
		return new ModelSimulator(model).simulate(p, y0, duration, settle, dt, null, Progress.NONE)[0];
	}

	@Test
	void hindmarshRoseBurstsGrowWithCurrent() {
		NeuronModel hr = new HindmarshRose();
		int[] expected = { 1, 2, 3, 4 };
		double[] currents = { 1.5, 2.0, 2.5, 2.9 };
		for (int k = 0; k < currents.length; k++) {
			float[] x = simulate(hr, currents[k], hr.initialState(), 3000, 1000, 0.5);
			List<Integer> sizes = burstSizes(spikes(x, 0.5), 80);
			assertTrue(sizes.size() >= 3, "several bursts at I=" + currents[k]);
			for (int s : sizes) assertEquals(expected[k], s, "spikes per burst at I=" + currents[k] + ": " + sizes);
		}
	}

	@Test
	void hindmarshRoseSpikesTonicallyAtHighCurrent() {
		NeuronModel hr = new HindmarshRose();
		float[] x = simulate(hr, 3.8, hr.initialState(), 2000, 1000, 0.5);
		List<Integer> s = spikes(x, 0.5);
		assertTrue(s.size() > 20);
		assertTrue(burstSizes(s, 80).isEmpty(), "no long pauses in tonic spiking");
	}

	@Test
	void shermanRinzelSpikesTonicallyAtLowLambdaAndBurstsAtHigh() {
		NeuronModel sr = new ShermanRinzel();
		float[] tonic = simulate(sr, 0.8, sr.initialState(), 60000, 60000, 10);
		List<Integer> s = spikes(tonic, -30);
		assertTrue(s.size() > 50, "tonic spiking at lambda 0.8");
		assertTrue(burstSizes(s, 100).isEmpty(), "no silent phases at lambda 0.8");

		float[] burst = simulate(sr, 0.95, sr.initialState(), 200000, 60000, 10);
		List<Integer> b = spikes(burst, -30);
		List<Integer> sizes = burstSizes(b, 100);
		assertTrue(sizes.size() >= 2, "bursting at lambda 0.95: " + sizes);
		for (int n : sizes) assertTrue(n >= 5, "bursts of many spikes: " + sizes);
	}

	@Test
	void hodgkinHuxleyRestsSpikesAndIsBistable() {
		NeuronModel hh = new HodgkinHuxley();
		assertTrue(spikes(simulate(hh, 0, hh.initialState(), 200, 100, 0.05), 0).isEmpty(), "rest at I = 0");
		assertTrue(spikes(simulate(hh, 10, hh.initialState(), 200, 100, 0.05), 0).size() >= 10, "spiking at I = 10");

		// I = 8: from rest the cell stays at rest; from a state on the spiking cycle it keeps spiking.
		double[] rest = HodgkinHuxley.restingState(8);
		assertEquals(-58, rest[0], 3, "resting potential at I = 8");
		assertTrue(spikes(simulate(hh, 8, rest, 300, 0, 0.05), 0).isEmpty(), "rest branch at I = 8");
		double[] onCycle = new double[4];
		new ModelSimulator(hh).simulate(10, hh.initialState(), 203.3, 200, 0.05, onCycle, Progress.NONE);
		assertTrue(spikes(simulate(hh, 8, onCycle, 300, 100, 0.05), 0).size() >= 10, "spiking branch at I = 8");
	}
}
