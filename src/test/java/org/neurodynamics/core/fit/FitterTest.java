package org.neurodynamics.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.PulseTrain;
import org.neurodynamics.core.cable.SimulationResult;
import org.neurodynamics.core.cable.SimulationUnstableException;
import org.neurodynamics.core.cable.Simulator;

class FitterTest {

	static final String[] NAMES = { "gNa", "gK", "gL" };
	static final double[] TRUTH = { 1.25, 0.8, 1.3 };

	/** HH axon, 2 pulses, target from the same model with known multipliers. */
	static FitProblem axonProblem(double duration) {
		CableModel axon = CableModels.hodgkinHuxleyAxon(false);
		Protocol protocol = new Protocol(List.of(new Injection(0, new PulseTrain(10, 5, 100, 0.2))), 0.05, duration);
		int[] fitted = new int[NAMES.length];
		double[] truth = axon.defaults();
		for (int k = 0; k < fitted.length; k++) {
			fitted[k] = axon.parameterIndex(NAMES[k]);
			truth[fitted[k]] *= TRUTH[k];
		}
		SimulationResult target = Simulator.simulate(axon, truth, protocol, 0);
		float[] v = new float[target.length()];
		for (int i = 0; i < v.length; i++) v[i] = (float) target.voltage(0)[i];
		return new FitProblem(axon, protocol, 0, v, 0.05, fitted, axon.defaults());
	}

	@Test
	void adamWithSensitivitiesRecoversTheConductances() {
		FitProblem problem = axonProblem(150);
		double initial = problem.loss(new double[3], problem.steps(), null);
		List<FitIteration> seen = new ArrayList<>();
		FitResult r = Fitter.fit(problem, new FitOptions().iterations(200).curriculum(0.3, 50), seen::add, Progress.NONE);
		assertEquals(FitResult.Status.COMPLETED, r.status());
		assertEquals(201, seen.size());
		for (int k = 0; k < 3; k++) assertEquals(TRUTH[k], r.multipliers()[k], 0.05 * TRUTH[k], NAMES[k]);
		assertTrue(r.loss() < initial / 100, "loss " + r.loss() + " from " + initial);
	}

	@Test
	void finiteDifferenceBaselineGivesTheSameGradient() {
		FitProblem problem = axonProblem(60);
		double[] phi = { 0.05, -0.05, 0.1 }, exact = new double[3], fd = new double[3];
		double a = GradientMethod.SENSITIVITIES.evaluate(problem, phi, problem.steps(), exact);
		double b = GradientMethod.finiteDifferences(1e-5).evaluate(problem, phi, problem.steps(), fd);
		assertEquals(a, b, 1e-12 * a);
		for (int k = 0; k < 3; k++) assertEquals(exact[k], fd[k], 1e-4 * Math.abs(exact[k]), NAMES[k]);
	}

	@Test
	void cmaEsReducesTheLoss() {
		FitProblem problem = axonProblem(40);
		double initial = problem.loss(new double[3], problem.steps(), null);
		FitResult r = Fitter.fit(problem, new FitOptions().method(FitMethod.CMA_ES).iterations(5), FitListener.NONE,
			Progress.NONE);
		assertEquals(5, r.history().size());
		assertTrue(r.loss() < initial, r.loss() + " vs " + initial);
	}

	@Test
	void cancellingKeepsTheBestSoFar() {
		FitProblem problem = axonProblem(40);
		int[] calls = { 0 };
		Progress cancelAfterFive = new Progress() {
			@Override public void report(String stage, double fraction, String message) { calls[0]++; }
			@Override public boolean isCancelled() { return calls[0] >= 5; }
		};
		FitResult r = Fitter.fit(problem, new FitOptions().iterations(100).curriculum(1, 0), FitListener.NONE, cancelAfterFive);
		assertEquals(FitResult.Status.CANCELLED, r.status());
		assertEquals(5, r.history().size());
		assertTrue(r.loss() <= r.history().get(0).loss);
	}

	@Test
	void instabilityStopsWithTheParameterValuesAndKeepsTheBest() {
		FitProblem problem = axonProblem(40);
		GradientMethod blowsUpAtThirdCall = new GradientMethod() {
			int calls;
			@Override
			public double evaluate(FitProblem p, double[] phi, int steps, double[] gradient) {
				if (++calls == 3) throw new SimulationUnstableException(12.5, 3, Double.NaN);
				return GradientMethod.SENSITIVITIES.evaluate(p, phi, steps, gradient);
			}
			@Override public int simulations(int parameters) { return 1; }
		};
		FitUnstableException e = assertThrows(FitUnstableException.class, () -> Fitter.adam(problem,
			new FitOptions().iterations(10).curriculum(1, 0), blowsUpAtThirdCall, FitListener.NONE, Progress.NONE));
		assertTrue(e.getMessage().contains("gNa = ") && e.getMessage().contains("t = 12.500 ms"), e.getMessage());
		assertEquals(2, e.best().history().size());
		assertEquals(FitResult.Status.UNSTABLE, e.best().status());
	}

	@Test
	void badTargetsAreReportedToTheUser() {
		CableModel axon = CableModels.hodgkinHuxleyAxon(false);
		Protocol protocol = new Protocol(List.of(), 0.05, 10);
		assertThrows(org.neurodynamics.core.UserInputException.class, () -> new FitProblem(axon, protocol, 0,
			new float[] { 1, Float.NaN, 2 }, 0.05, new int[] { 2 }, axon.defaults()));
		assertThrows(org.neurodynamics.core.UserInputException.class, () -> new FitProblem(axon, protocol, 99,
			new float[] { 1, 2, 3 }, 0.05, new int[] { 2 }, axon.defaults()));
	}
}
