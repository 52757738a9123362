package org.neurodynamics.core.cable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CorticalNeuronTest {

	@Test
	void mCurrentRatesHaveExactSlopesAndTheirSteadyStateAndTimeConstant() {
		for (boolean opening : new boolean[] { true, false }) {
			Rate r = CorticalNeuron.mRate(opening);
			for (double v = -100; v <= 40; v += 7.3) {
				double h = 1e-5, fd = (r.value(v + h) - r.value(v - h)) / (2 * h);
				assertEquals(fd, r.slope(v), 1e-7 * Math.abs(fd) + 1e-14, "slope at " + v);
			}
		}
		Rate a = CorticalNeuron.mRate(true), b = CorticalNeuron.mRate(false);
		double v = -35;
		assertEquals(0.5, a.value(v) / (a.value(v) + b.value(v)), 1e-12, "p_inf(-35 mV) = 1/2");
		assertEquals(CorticalNeuron.TAU_MAX / 4.3, 1 / (a.value(v) + b.value(v)), 1e-9, "tau_p(-35 mV) = tau_max / 4.3");
	}

	@Test
	void restsNearItsLeakReversalAndFiresRepetitivelyWithAdaptation() {
		CableModel m = CableModels.corticalNeuron();
		assertEquals(11844, m.compartment(0).area, 1);
		Protocol p = new Protocol(java.util.List.of(new Injection(0, new CurrentStep(50, 500, 0.15))), 0.05, 600);
		double[] v = Simulator.simulate(m, m.defaults(), p, 0).voltage(0);
		assertEquals(-70.3, v[(int) (49 / 0.05)], 1.5);
		int first = -1, last = -1, count = 0;
		double firstIsi = 0;
		for (int i = 1; i < v.length; i++) if (v[i] >= 0 && v[i - 1] < 0) {
			if (count == 1) firstIsi = (i - first) * 0.05;
			if (count == 0) first = i;
			last = i;
			count++;
		}
		assertEquals(true, count >= 3, "spikes: " + count);
		assertEquals(true, (last - first) * 0.05 / (count - 1) > firstIsi, "intervals lengthen (M current adaptation)");
	}
}
