package org.neurodynamics.core.cable;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The cable solver agrees with an adaptive high-order ODE integration of the same HH equations. */
class OdeAgreementTest {

	static double rms(double dt, TimeScheme scheme) {
		int samples = (int) Math.round(100 / dt) + 1;
		double[] reference = HodgkinHuxleyOde.simulate(10, -65, dt, samples);
		CableModel hh = CableModels.hodgkinHuxleyCompartment();
		Protocol p = new Protocol(List.of(new Injection(0, new CurrentStep(0, 1e9, 1.0))), dt, 100, scheme);
		double[] v = Simulator.simulate(hh, hh.defaults(), p, 0).voltage(0);
		double sum = 0;
		for (int i = 0; i < samples; i++) sum += (v[i] - reference[i]) * (v[i] - reference[i]);
		return Math.sqrt(sum / samples);
	}

	@Test
	void spikingCompartmentWithinHalfMillivoltRms() {
		double err = rms(0.025, TimeScheme.CRANK_NICOLSON);
		assertTrue(err < 0.5, "RMS " + err + " mV over 100 ms at dt 0.025 ms");
	}
}
