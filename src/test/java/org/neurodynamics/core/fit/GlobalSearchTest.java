package org.neurodynamics.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.CurrentStep;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.SimulationResult;
import org.neurodynamics.core.cable.Simulator;

class GlobalSearchTest {

	@Test
	void multiStartThenPolishRecoversTheAxonConductances() {
		FitProblem problem = FitterTest.axonProblem(120);
		List<FitIteration> seen = new ArrayList<>();
		FitResult r = Fitter.fit(problem, new FitOptions().iterations(60).curriculum(0.3, 20).start(FitStart.MULTI_START)
			.multiStart(8, 3, 2, 0.5, 2).polish(20).threads(2), seen::add, Progress.NONE);
		assertEquals(FitResult.Status.COMPLETED, r.status());
		for (int k = 0; k < 3; k++) assertEquals(FitterTest.TRUTH[k], r.multipliers()[k], 1e-3 * FitterTest.TRUTH[k]);
		assertTrue(r.loss() < 1e-8, "loss " + r.loss());
		for (int i = 0; i < seen.size(); i++) assertEquals(i, seen.get(i).iteration, "iterations numbered on");
	}

	@Test
	void cmaEsThenAdamReportsBothStages() {
		FitProblem problem = FitterTest.axonProblem(60);
		List<FitIteration> seen = new ArrayList<>();
		FitResult r = Fitter.fit(problem, new FitOptions().iterations(20).curriculum(1, 0).start(FitStart.CMA_ES_THEN_ADAM)
			.globalGenerations(3).polish(0), seen::add, Progress.NONE);
		assertEquals(3 + 21, seen.size());
		assertEquals(24, r.history().size());
		assertTrue(r.loss() <= seen.get(2).loss, "Adam keeps CMA-ES's best or improves it");
	}

	@Test
	void startsSpreadConductancesOnlyAndBeginAtTheGivenValues() {
		CableModel hh = CableModels.hodgkinHuxleyCompartment();
		Protocol p = new Protocol(List.of(new Injection(0, new CurrentStep(5, 20, 0.1))), 0.05, 30);
		int[] fitted = { hh.parameterIndex("gNa"), hh.parameterIndex("eL") };
		FitProblem problem = new FitProblem(hh, p, 0, new float[] { -65, -65, -65 }, 15, fitted, hh.defaults());
		double[][] s = GlobalSearch.starts(problem, 16, 0.5, 2);
		assertEquals(0, s[0][0]);
		for (int i = 1; i < s.length; i++) {
			double m = problem.multipliers(s[i])[0];
			assertTrue(m >= 0.5 - 1e-12 && m <= 2 + 1e-12, "multiplier " + m);
			assertEquals(0, s[i][1], "a reversal potential is not spread");
		}
	}

	/** At the truth the residuals vanish, so J^T J is the exact Hessian: compare with differences of the gradient. */
	@Test
	void gaussNewtonMatrixIsTheHessianAtTheTruth() {
		CableModel hh = CableModels.hodgkinHuxleyCompartment();
		Protocol p = new Protocol(List.of(new Injection(0, new CurrentStep(5, 30, 0.1))), 0.025, 40);
		int[] fitted = { hh.parameterIndex("gNa"), hh.parameterIndex("gK"), hh.parameterIndex("gL") };
		SimulationResult t = Simulator.simulate(hh, hh.defaults(), p, 0);
		float[] v = new float[t.length()];
		for (int i = 0; i < v.length; i++) v[i] = (float) t.voltage(0)[i];
		FitProblem problem = new FitProblem(hh, p, 0, v, 0.025, fitted, hh.defaults());
		double[][] c = new double[3][3];
		problem.loss(new double[3], problem.steps(), new double[3], c);
		double h = 1e-5;
		for (int l = 0; l < 3; l++) {
			double[] plus = new double[3], minus = new double[3], gp = new double[3], gm = new double[3];
			plus[l] = h;
			minus[l] = -h;
			problem.loss(plus, problem.steps(), gp);
			problem.loss(minus, problem.steps(), gm);
			for (int k = 0; k < 3; k++) {
				double fd = (gp[k] - gm[k]) / (2 * h);
				assertEquals(fd, c[k][l], 1e-5 * Math.abs(c[k][k]) + 1e-4 * Math.abs(fd), "H[" + k + "][" + l + "]");
			}
		}
		Uncertainty se = Uncertainty.of(problem, new double[3]);
		for (int k = 0; k < 3; k++) assertEquals(0, se.relative(k), 1e-5, "hardly any residual (the target is rounded to " +
			"float), hardly any uncertainty");
	}

	@Test
	void aCancelledMultiStartFitKeepsTheBestSoFar() {
		FitProblem problem = FitterTest.axonProblem(60);
		int[] calls = { 0 };
		Progress cancelLater = new Progress() {
			@Override public void report(String stage, double fraction, String detail) {}
			@Override public boolean isCancelled() { return ++calls[0] > 30; }
		};
		FitResult r = Fitter.fit(problem, new FitOptions().iterations(50).curriculum(1, 0).start(FitStart.MULTI_START)
			.multiStart(8, 2, 2, 0.5, 2).polish(10), FitListener.NONE, cancelLater);
		assertEquals(FitResult.Status.CANCELLED, r.status());
		assertTrue(Double.isFinite(r.loss()) && r.loss() < problem.loss(new double[3], problem.steps(), null) * 10);
	}

	@Test
	void badMultiStartSettingsAreRefusedInTheUsersTerms() {
		UserInputException e = org.junit.jupiter.api.Assertions.assertThrows(UserInputException.class,
			() -> new FitOptions().multiStart(8, 3, 2, 2, 0.5));
		assertTrue(e.getMessage().contains("low <= high"), e.getMessage());
	}
}
