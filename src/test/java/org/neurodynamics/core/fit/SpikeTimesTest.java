package org.neurodynamics.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.analysis.SpikeDetector;
import org.neurodynamics.core.analysis.SpikeThresholds;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.CurrentStep;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.SimulationResult;
import org.neurodynamics.core.cable.Simulator;

class SpikeTimesTest {

	/** Thresholds of a recording with troughs at -70 mV and spike peaks at +30 mV: threshold -20, re-arm -35. */
	static final SpikeDetector DETECTOR = SpikeDetector.fixed(new SpikeThresholds(-70, 30));

	@Test
	void crossingsAreInterpolatedAndCountedAsTheDetectorCountsSpikes() {
		double[] v = { -70, -10, 20, -50, 0, -30, 10, -60, -10, -25, 25, -60 };
		SpikeTimes s = SpikeTimes.of(v, v.length, 0.5, DETECTOR);
		assertEquals(3, s.count(), "-30 and -25 stay above the re-arm level and within 40 mV of their spike's peak: no new spike");
		assertEquals((0 + 50.0 / 60) * 0.5, s.time(0), 1e-15);
		assertEquals((3 + 30.0 / 50) * 0.5, s.time(1), 1e-15);
		assertEquals((7 + 40.0 / 50) * 0.5, s.time(2), 1e-15);
		assertEquals(1, SpikeTimes.of(v, 4, 0.5, DETECTOR).count(), "only the first samples");
		float[] f = new float[v.length];
		for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
		assertEquals(DETECTOR.detect(f).count(), s.count(), "counted as the step-family table counts");
	}

	/** A 1 nA step into the HH compartment: tonic spikes (about 6 in 100 ms). */
	static final Protocol STEP = new Protocol(List.of(new Injection(0, new CurrentStep(10, 1000, 1.0))), 0.025, 100);
	static final String[] NAMES = { "gNa", "gK", "gL", "cm", "eL" };
	/** Threshold 0 mV, re-arm -20 mV. */
	static final SpikeDetector HH_DETECTOR = SpikeDetector.fixed(new SpikeThresholds(-200.0 / 3, 200.0 / 3));

	@Test
	void spikeTimeSensitivitiesAreTheDerivativesOfTheInterpolatedCrossings() {
		CableModel m = CableModels.hodgkinHuxleyCompartment();
		int[] idx = new int[NAMES.length];
		for (int k = 0; k < idx.length; k++) idx[k] = m.parameterIndex(NAMES[k]);
		double[] theta = m.defaults();
		SimulationResult r = Simulator.simulate(m, theta, STEP, new int[] { 0 }, idx, Progress.NONE);
		double[][] w = new double[idx.length][];
		for (int k = 0; k < idx.length; k++) w[k] = r.sensitivity(0, k);
		SpikeTimes s = SpikeTimes.of(r.voltage(0), w, r.length(), STEP.dt(), HH_DETECTOR);
		assertTrue(s.count() >= 4, s.count() + " spikes");
		double worst = 0;
		for (int k = 0; k < idx.length; k++) {
			// relative step 1e-6: the crossings move by ~1e-5 ms, far less than a time step
			double h = 1e-6 * Math.abs(theta[idx[k]]);
			SpikeTimes plus = spikes(m, theta, idx[k], h), minus = spikes(m, theta, idx[k], -h);
			assertEquals(s.count(), plus.count());
			assertEquals(s.count(), minus.count());
			for (int j = 0; j < s.count(); j++) {
				double fd = (plus.time(j) - minus.time(j)) / (2 * h);
				double error = Math.abs(s.derivative(j, k) - fd) / Math.abs(fd);
				worst = Math.max(worst, error);
				assertTrue(error < 1e-5, NAMES[k] + ", spike " + j + ": " + s.derivative(j, k) + " vs " + fd);
			}
		}
		System.out.printf("spike-time derivatives vs central differences: worst relative error %.2g%n", worst);
	}

	private static SpikeTimes spikes(CableModel m, double[] theta, int index, double h) {
		double[] t = theta.clone();
		t[index] += h;
		SimulationResult r = Simulator.simulate(m, t, STEP, 0);
		return SpikeTimes.of(r.voltage(0), r.length(), STEP.dt(), HH_DETECTOR);
	}
}
