package org.neurodynamics.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.CurrentStep;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Protocol;

class StepFamilyTest {

	/** Two steps of the cortical model (one subthreshold, one spiking) as a synthetic family. */
	static StepFamily family(CableModel model, double[] theta) {
		double dt = 0.05;
		List<Protocol> ps = List.of(
			new Protocol(List.of(new Injection(0, new CurrentStep(20, 150, -0.05))), dt, 200),
			new Protocol(List.of(new Injection(0, new CurrentStep(20, 150, 0.15))), dt, 200));
		StepFamily blank = new StepFamily(ps, List.of(new float[4001], new float[4001]), new double[] { -0.05, 0.15 }, dt, 400,
			3400);
		return new StepFamily(ps, List.of(blank.simulate(model, theta, 0, 0), blank.simulate(model, theta, 1, 0)),
			new double[] { -0.05, 0.15 }, dt, 400, 3400);
	}

	@Test
	void gradientOverSweepsMatchesFiniteDifferences() {
		CableModel m = CableModels.corticalNeuron();
		double[] truth = m.defaults();
		truth[m.parameterIndex("gM")] *= 2;
		truth[m.parameterIndex("gNa")] *= 0.9;
		StepFamily f = family(m, truth);
		int[] fitted = { m.parameterIndex("cm"), m.parameterIndex("gNa"), m.parameterIndex("gK"), m.parameterIndex("gM"),
			m.parameterIndex("gL"), m.parameterIndex("eL") };
		FitProblem plain = f.problem(m, new int[] { 0, 1 }, 0, fitted, m.defaults());
		assertEquals(2, plain.sweeps());
		checkGradient(plain);
		checkGradient(plain.withSmoothing(0.5, 3, 20));
		FitProblem smoothed = plain.withSmoothing(0.5, 3, 20), spiky = smoothed.withSpikeTimes(0.5, Double.NaN, 10);
		double[] phi = { 0.05, -0.02, 0.03, 0.1, -0.05, 0.01 };
		assertEquals(true, spiky.loss(phi, plain.steps(), null) > smoothed.loss(phi, plain.steps(), null) + 1e-3,
			"the spikes of model and target differ");
		checkGradient(spiky);
	}

	private static void checkGradient(FitProblem p) {
		double[] phi = { 0.05, -0.02, 0.03, 0.1, -0.05, 0.01 }, g = new double[6];
		p.loss(phi, p.steps(), g);
		double scale = 0;
		for (double x : g) scale = Math.max(scale, Math.abs(x));
		for (int k = 0; k < 6; k++) {
			// the spiking sweep makes the loss steeply curved: Richardson-extrapolated central differences
			double fd = (4 * central(p, phi, k, 1e-6) - central(p, phi, k, 2e-6)) / 3;
			assertEquals(fd, g[k], 1e-4 * Math.abs(fd) + 1e-6 * scale, "parameter " + k);
		}
	}

	private static double central(FitProblem p, double[] phi, int k, double h) {
		double[] x = phi.clone();
		x[k] += h;
		double plus = p.loss(x, p.steps(), null);
		x[k] -= 2 * h;
		return (plus - p.loss(x, p.steps(), null)) / (2 * h);
	}

	/**
	 * The staged fit's uncertainty: cm, gL and eL from the quiet sweep alone (with the other
	 * parameters at their values), as a problem of that sweep gives them; the conductances
	 * from both sweeps with the passive ones held.
	 */
	@Test
	void uncertaintyComesFromTheSweepsEachStageFitted() {
		CableModel m = CableModels.corticalNeuron();
		double[] truth = m.defaults();
		StepFamily clean = family(m, truth);
		java.util.Random noise = new java.util.Random(3);
		List<float[]> noisy = new java.util.ArrayList<>();
		for (int s = 0; s < 2; s++) {
			float[] v = clean.voltage(s);
			for (int i = 0; i < v.length; i++) v[i] += (float) (0.5 * noise.nextGaussian());
			noisy.add(v);
		}
		StepFamily f = new StepFamily(List.of(clean.protocol(0), clean.protocol(1)), noisy, new double[] { -0.05, 0.15 },
			clean.sampleDt(), 400, 3400);
		int[] fitted = { m.parameterIndex("cm"), m.parameterIndex("gNa"), m.parameterIndex("gL"), m.parameterIndex("eL") };
		Uncertainty u = StepFamilyFit.uncertainty(f, m, m.defaults(), new int[] { 0, 1 }, 0, fitted, truth);
		Uncertainty quiet = Uncertainty.of(f.problem(m, new int[] { 0 }, 0, new int[] { fitted[0], fitted[2], fitted[3] },
			truth), new double[3]);
		assertEquals(quiet.relative(0), u.relative(0), 1e-12, u.summary());
		assertEquals(quiet.relative(1), u.relative(2), 1e-12, u.summary());
		assertEquals(quiet.relative(2), u.relative(3), 1e-12, u.summary());
		Uncertainty active = Uncertainty.of(f.problem(m, new int[] { 0, 1 }, 0, new int[] { fitted[1] }, truth),
			new double[1]);
		assertEquals(active.describe(0), u.describe(1), u.summary());
		for (int k = 0; k < 4; k++) org.junit.jupiter.api.Assertions.assertFalse(u.describe(k).contains("NaN"), u.summary());
		org.junit.jupiter.api.Assertions.assertTrue(u.relative(0) > 0 && u.relative(0) < 0.1, u.summary());
	}

	@Test
	void smoothedTermVanishesAtTheTruthAndBadWeightsAreRefused() {
		CableModel m = CableModels.corticalNeuron();
		StepFamily f = family(m, m.defaults());
		int[] fitted = { m.parameterIndex("gNa"), m.parameterIndex("gK") };
		FitProblem p = f.problem(m, new int[] { 0, 1 }, 0, fitted, m.defaults());
		assertEquals(0, p.withSmoothing(0, 1, 50).loss(new double[2], p.steps(), null), 1e-9);
		assertEquals(true, p.withSmoothing(0, 1, 50).loss(new double[] { 0.1, 0 }, p.steps(), null) > 0);
		org.junit.jupiter.api.Assertions.assertThrows(org.neurodynamics.core.UserInputException.class,
			() -> p.withSmoothing(0, 0, 50));
		org.junit.jupiter.api.Assertions.assertThrows(org.neurodynamics.core.UserInputException.class,
			() -> p.withSmoothing(1, 1, 0));
	}

	@Test
	void spikesAndSteadyStateOfTheSteps() {
		CableModel m = CableModels.corticalNeuron();
		StepFamily f = family(m, m.defaults());
		assertEquals(0, f.spikes(f.voltage(0)));
		int n = f.spikes(f.voltage(1));
		assertEquals(true, n >= 2, "a 150 pA step makes the RS cell fire, got " + n);
		assertEquals(true, f.steadyState(f.voltage(0)) < m.defaults()[m.parameterIndex("eL")], "hyperpolarised by -50 pA");
		assertEquals(n / 0.15, f.rate(f.voltage(1)), 1e-9);
		assertEquals(f.spikeDetector().detect(f.voltage(1)).count(), n, "the family's own detector counts the spikes");
	}
}
