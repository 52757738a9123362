package org.neurodynamics.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.Compartment;
import org.neurodynamics.core.cable.CurrentStep;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Leak;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.Region;
import org.neurodynamics.core.cable.SimulationResult;
import org.neurodynamics.core.cable.Simulator;

class UncertaintyTest {

	static final String[] NAMES = { "gNa", "gK", "gL", "eL" };

	/**
	 * The HH compartment fitted to its own trace plus white noise of 1 mV, ten noise seeds:
	 * the Gauss-Newton standard errors at each fit agree with the spread of the fitted values
	 * over the seeds (within 2x; the sample s.d. of ten values is itself uncertain by ~25%).
	 */
	@Test
	void standardErrorsMatchTheSpreadOverNoiseSeeds() {
		CableModel hh = CableModels.hodgkinHuxleyCompartment();
		double dt = 0.025;
		Protocol p = new Protocol(List.of(new Injection(0, new CurrentStep(5, 20, 1))), dt, 30);
		int[] fitted = new int[NAMES.length];
		for (int k = 0; k < fitted.length; k++) fitted[k] = hh.parameterIndex(NAMES[k]);
		double[] truth = hh.defaults();
		SimulationResult clean = Simulator.simulate(hh, truth, p, 0);
		int seeds = 10, n = clean.length();
		double[][] fittedRelative = new double[seeds][NAMES.length];
		double[] reported = new double[NAMES.length];
		for (int seed = 0; seed < seeds; seed++) {
			Random noise = new Random(seed);
			float[] v = new float[n];
			for (int i = 0; i < n; i++) v[i] = (float) (clean.voltage(0)[i] + noise.nextGaussian());
			FitProblem problem = new FitProblem(hh, p, 0, v, dt, fitted, truth);
			FitResult r = Fitter.fit(problem, new FitOptions().iterations(1).curriculum(1, 0).polish(30), FitListener.NONE,
				Progress.NONE);
			Uncertainty u = Uncertainty.of(problem, problem.coordinates(r.multipliers()));
			assertTrue(u.notIdentifiable().isEmpty() && u.notQuadratic().isEmpty(), u.summary());
			for (int k = 0; k < NAMES.length; k++) {
				fittedRelative[seed][k] = r.multipliers()[k] - 1;
				reported[k] += u.relative(k) / seeds;
			}
		}
		for (int k = 0; k < NAMES.length; k++) {
			double mean = 0, ss = 0;
			for (double[] x : fittedRelative) mean += x[k] / seeds;
			for (double[] x : fittedRelative) ss += (x[k] - mean) * (x[k] - mean);
			double spread = Math.sqrt(ss / (seeds - 1)), ratio = reported[k] / spread;
			System.out.printf(Locale.ROOT, "%s: reported relative s.e. %.3g, spread over %d seeds %.3g (ratio %.2f)%n",
				NAMES[k], reported[k], seeds, spread, ratio);
			assertTrue(ratio > 0.5 && ratio < 2, NAMES[k] + ": reported " + reported[k] + " vs spread " + spread);
		}
	}

	/** A passive cell at rest without a stimulus: its voltage does not depend on cm or gL, only on eL. */
	@Test
	void parametersTheTraceDoesNotDependOnAreNamedNotIdentifiable() {
		CableModel.Builder b = CableModel.builder();
		int cm = b.parameter("cm", 1, "uF/cm^2");
		int soma = b.compartment(new Compartment("soma", Region.SOMA, CableModels.LUMPED_AREA, -1, 0, cm, 1, cm));
		b.insert(soma, new Leak(), b.parameter("gL", 3e-4, "S/cm^2"), b.parameter("eL", -70, "mV"));
		CableModel passive = b.restingPotential(-70).build();
		Protocol p = new Protocol(List.of(), 0.1, 50);
		Random noise = new Random(1);
		float[] v = new float[501];
		for (int i = 0; i < v.length; i++) v[i] = (float) (-70 + 0.5 * noise.nextGaussian());
		int[] fitted = { passive.parameterIndex("cm"), passive.parameterIndex("gL"), passive.parameterIndex("eL") };
		FitProblem problem = new FitProblem(passive, p, 0, v, 0.1, fitted, passive.defaults());
		Uncertainty u = Uncertainty.of(problem, new double[3]);
		assertFalse(u.identifiable(0), u.summary());
		assertFalse(u.identifiable(1), u.summary());
		assertEquals("not identifiable", u.describe(0));
		assertTrue(u.identifiable(2), u.summary());
		// s.e. of a mean of 500 samples of sd 0.5 mV, relative to 70 mV
		assertEquals(0.5 / Math.sqrt(500) / 70, u.relative(2), 0.1 * 0.5 / Math.sqrt(500) / 70);
		assertEquals(2, u.notIdentifiable().size(), u.summary());
		assertTrue(u.summary().contains("eigenvalue below"), u.summary());
	}

	@Test
	void tinyOrMissingErrorsAreNeverShownAsNumbers() {
		String[] names = { "a", "b" };
		Uncertainty exact = Uncertainty.of(names, new double[][] { { 1, 0 }, { 0, 1 } }, 1e-20, 1000, null);
		assertEquals("< 1e-6", exact.describe(0));
		Uncertainty nan = Uncertainty.of(names, new double[][] { { Double.NaN, 0 }, { 0, 1 } }, 1, 1000, null);
		assertEquals("not identifiable", nan.describe(1));
		// strongly correlated: only the sum a + b is determined, the difference has s.d. sqrt(1 / (1000 1e-4)) = 3.2
		Uncertainty ridge = Uncertainty.of(names, new double[][] { { 1, 1 - 1e-4 }, { 1 - 1e-4, 1 } }, 1, 1000, null);
		assertFalse(ridge.identifiable(0));
		assertEquals("0.71 a - 0.71 b (s.d. 3.2)", ridge.notIdentifiable().get(0));
		// the loss along each direction: as the quadratic model predicts, then flat (as where a huge sensitivity is
		// an artefact of spikes that do not line up)
		double[][] unit = { { 1, 0 }, { 0, 1 } };
		Uncertainty quadratic = Uncertainty.of(names, unit, 1, 1000, r -> 0.5 + 0.5 * (r[0] * r[0] + r[1] * r[1]));
		assertTrue(quadratic.notIdentifiable().isEmpty(), quadratic.summary());
		assertEquals(Math.sqrt(1e-3), quadratic.relative(0), 1e-12);
		Uncertainty flat = Uncertainty.of(names, unit, 1, 1000, r -> 0.5);
		assertTrue(flat.identifiable(0) && Double.isNaN(flat.relative(0)), flat.summary());
		assertEquals("none (loss not quadratic)", flat.describe(0));
		assertEquals(2, flat.notQuadratic().size(), flat.summary());
	}
}
