package org.neurodynamics.core.cable;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Stepping one simulation by hand: time, parameters and the effect of a current step. */
class CableSimulationTest {

	@Test
	void aCurrentStepDepolarisesTheInjectedCompartmentAndTimeAdvancesByDt() {
		CableModel axon = CableModels.hodgkinHuxleyAxon(false);
		double[] theta = axon.defaults();
		double dt = 0.025;
		CableSimulation rest = new CableSimulation(axon, theta, List.of(), dt, TimeScheme.BACKWARD_EULER);
		CableSimulation driven = new CableSimulation(axon, theta, List.of(new Injection(0, new CurrentStep(0, 1, 1.0))), dt,
			TimeScheme.BACKWARD_EULER);
		double v0 = rest.voltage(0);
		for (int i = 0; i < 20; i++) {
			rest.step();
			driven.step();
		}
		assertEquals(20, driven.stepCount());
		assertEquals(20 * dt, driven.time(), 1e-12);
		// without input the cell stays near rest; a depolarising step raises the soma's voltage
		assertEquals(v0, rest.voltage(0), 1.0);
		assertTrue(driven.voltage(0) > rest.voltage(0) + 1, driven.voltage(0) + " vs " + rest.voltage(0));
		assertArrayEquals(theta, driven.parameters());
	}

	@Test
	void setParameterChangesOnlyThatParameterAndSensitivitiesStartAtZero() {
		CableModel axon = CableModels.hodgkinHuxleyAxon(false);
		double[] theta = axon.defaults();
		CableSimulation sim = new CableSimulation(axon, theta, List.of(), 0.025, TimeScheme.BACKWARD_EULER, 0, 1);
		assertEquals(2, sim.sensitivityCount());
		assertEquals(1, sim.sensitivityParameter(1));
		for (int c = 0; c < sim.compartmentCount(); c++) assertEquals(0, sim.sensitivity(0, c));
		sim.setParameter(0, 2 * theta[0]);
		assertEquals(2 * theta[0], sim.parameter(0));
		for (int i = 1; i < theta.length; i++) assertEquals(theta[i], sim.parameter(i));
	}
}
