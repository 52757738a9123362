package org.neurodynamics.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.CurrentStep;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Parameter;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.SimulationResult;
import org.neurodynamics.core.cable.Simulator;

class BoundedParameterTest {

	static final BoundedParameter G = BoundedParameter.of(new Parameter("gK", 0.036, "S/cm^2"), 0.036);
	static final BoundedParameter E = BoundedParameter.of(new Parameter("eL", -54.4, "mV"), -54.4);

	@Test
	void startsAtTheStartWithOneRelativeChangePerUnit() {
		for (BoundedParameter b : List.of(G, E)) {
			double start = b.value(0);
			assertEquals(b == G ? 0.036 : -54.4, start, 1e-12 * Math.abs(start));
			assertEquals(Math.abs(start), b.derivative(0), 1e-9 * Math.abs(start), b.name());
			assertEquals(0, b.coordinate(start));
		}
		assertEquals(0.0036, G.lower(), 1e-15);
		assertEquals(0.36, G.upper(), 1e-15);
		assertEquals(-90, E.lower());
		assertEquals(-50, E.upper());
	}

	@Test
	void derivativeMatchesFiniteDifferencesAndTheCoordinateInvertsTheValue() {
		// eL is 4.4 mV from its upper bound: 0.08 units of phi (one unit is 54.4 mV near the start)
		for (BoundedParameter b : List.of(G, E)) for (double phi : b == G ? new double[] { -3, -0.7, 0.1, 1.3, 4 }
			: new double[] { -0.5, -0.1, 0.01, 0.05 }) {
			double h = 1e-6, fd = (b.value(phi + h) - b.value(phi - h)) / (2 * h);
			assertEquals(fd, b.derivative(phi), 1e-7 * Math.abs(fd) + 1e-12, b.name() + " at " + phi);
			assertEquals(phi, b.coordinate(b.value(phi)), 1e-8, b.name() + " round trip at " + phi);
		}
	}

	@Test
	void everyCoordinateIsAPhysicalValue() {
		for (BoundedParameter b : List.of(G, E)) for (double phi = -200; phi <= 200; phi += 0.5) {
			double v = b.value(phi);
			assertTrue(v >= b.lower() && v <= b.upper(), b.name() + " = " + v + " at " + phi);
		}
		assertEquals("upper", G.bound(G.value(40)));
		assertEquals("lower", E.bound(E.value(-40)));
		assertEquals("", E.bound(-60));
		assertTrue(E.warning(-89.5).contains("eL = -89.5 mV is at its lower bound (-90 mV)"), E.warning(-89.5));
		assertTrue(G.warning(0.359).contains("at its upper bound (10x its start)"), G.warning(0.359));
		assertEquals("", G.warning(0.1));
	}

	@Test
	void startsOutsideThePhysicalRangeAreRefusedInTheUsersTerms() {
		UserInputException e = assertThrows(UserInputException.class, () -> BoundedParameter.of(new Parameter("eL", -65,
			"mV"), -45));
		assertTrue(e.getMessage().contains("-90..-50 mV"), e.getMessage());
		assertTrue(assertThrows(UserInputException.class, () -> BoundedParameter.of(new Parameter("eL", -65, "mV"),
			Double.NaN)).getMessage().contains("NaN"));
		assertThrows(UserInputException.class, () -> BoundedParameter.of(new Parameter("gNa", 0.12, "S/cm^2"), 0));
		assertThrows(UserInputException.class, () -> BoundedParameter.of(new Parameter("cm", 1, "uF/cm^2"), -1));
	}

	/**
	 * The exact gradient in bounded coordinates against central differences of the loss, far
	 * from the start where the logistic map bends (conductances near 10x and 0.1x, the leak
	 * reversal near -50 mV, the capacitance at 3x).
	 */
	@Test
	void lossGradientInBoundedCoordinatesMatchesFiniteDifferences() {
		CableModel hh = CableModels.hodgkinHuxleyCompartment();
		Protocol p = new Protocol(List.of(new Injection(0, new CurrentStep(5, 20, 0.1))), 0.025, 30);
		String[] names = { "gNa", "gK", "gL", "eL", "cm" };
		int[] fitted = new int[names.length];
		for (int k = 0; k < names.length; k++) fitted[k] = hh.parameterIndex(names[k]);
		SimulationResult t = Simulator.simulate(hh, hh.defaults(), p, 0);
		float[] v = new float[t.length()];
		for (int i = 0; i < v.length; i++) v[i] = (float) t.voltage(0)[i];
		FitProblem problem = new FitProblem(hh, p, 0, v, 0.025, fitted, hh.defaults());
		double[] phi = { 1.8, -1.5, -2.2, 0.4, 0.9 };
		double[] m = problem.multipliers(phi);
		assertTrue(m[0] > 4 && m[1] < 0.3 && m[2] < 0.2 && problem.theta(phi)[fitted[3]] > -52, java.util.Arrays.toString(m));
		double[] exact = new double[5], fd = new double[5];
		double a = GradientMethod.SENSITIVITIES.evaluate(problem, phi, problem.steps(), exact);
		double b = GradientMethod.finiteDifferences(1e-5).evaluate(problem, phi, problem.steps(), fd);
		assertEquals(a, b, 1e-12 * a);
		for (int k = 0; k < 5; k++) assertEquals(fd[k], exact[k], 1e-5 * Math.abs(fd[k]) + 1e-9, names[k]);
	}
}
