package org.neurodynamics.service;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.fit.FitProblem;
import org.neurodynamics.core.fit.StepFamily;

/**
 * The spike-time term is a usable descent direction at the time step the shipped
 * {@code fit-step-family.ijm} runs: on the recording the macro fits (its even sweeps, the
 * cortical model at the recorded rest, the window the protocol gives), the exact gradient of the
 * term in each parameter the spike term moves (the active stage's gNa, gK, gM) agrees with the
 * secant over +-1% of that parameter. At 0.1 ms the exact gradient is 1e7-1e10 times the secant
 * (spike times jagged on scales far below 1%); at 0.025 ms gNa and gM agree within 3% and gK, in
 * which the term is nearly flat, within 0.1% of the largest component
 * (bench/results/fit-loss-2026-12-07.md).
 */
class StepFamilySpikeTimeGradientTest {

	@Test
	void spikeTermGradientAgreesWithOnePercentSecantsAtTheMacrosTimeStep() throws Exception {
		String macro = Files.readString(Paths.get("macros", "fit-step-family.ijm"));
		Matcher dtKey = Pattern.compile("\\bdt=([0-9.]+)").matcher(macro);
		assertTrue(dtKey.find(), "fit-step-family.ijm sets dt");
		double dt = Double.parseDouble(dtKey.group(1));
		StepFamily family = StepFamilies.fromAbf(new File("test-data/abf/171116sh_0018.abf"), 0, dt, 0);
		CableModel model = CableModels.corticalNeuron(family.restingPotential());
		String[] names = { "gNa", "gK", "gM" };
		int[] fitted = new int[names.length];
		for (int k = 0; k < names.length; k++) fitted[k] = model.parameterIndex(names[k]);
		FitProblem plain = family.problem(model, StepFamilies.choose("even", family.size()), 0, fitted, model.defaults());
		FitProblem spiking = plain.withSpikeTimes(0.1, Double.NaN, 10);
		int p = names.length, n = plain.steps();
		double[] phi = new double[p], g0 = new double[p], g1 = new double[p], secant = new double[p];
		plain.loss(phi, n, g0);
		spiking.loss(phi, n, g1);
		double scale = 0;
		for (int k = 0; k < p; k++) {
			double[] up = { 1, 1, 1 }, down = { 1, 1, 1 };
			up[k] = 1.01;
			down[k] = 0.99;
			double[] pu = plain.coordinates(up), pd = plain.coordinates(down);
			// the spike term alone: the loss with it minus the loss without
			double plus = spiking.loss(pu, n, null) - plain.loss(pu, n, null);
			double minus = spiking.loss(pd, n, null) - plain.loss(pd, n, null);
			secant[k] = (plus - minus) / 0.02;
			scale = Math.max(scale, Math.abs(secant[k]));
		}
		assertTrue(scale > 1, "the spike term changes with the parameters: " + scale);
		for (int k = 0; k < p; k++) {
			// at phi = 0 one unit of phi is a relative change of one, as the secant's
			double gradient = g1[k] - g0[k];
			assertTrue(Math.abs(gradient - secant[k]) <= 0.2 * Math.abs(secant[k]) + 0.02 * scale, String.format(Locale.ROOT,
				"dt %s ms, %s: spike-term gradient %.4g against the +-1%% secant %.4g", dt, names[k], gradient, secant[k]));
		}
	}

	@Test
	void theSpikeTermAtACoarseTimeStepIsWarnedAbout() {
		String w = DefaultGradientTuningService.coarseStepWarning(0.1, 0.1);
		assertTrue(w != null && w.contains("0.1 ms") && w.contains("dt=0.025"), w);
		assertNull(DefaultGradientTuningService.coarseStepWarning(0.025, 0.1));
		assertNull(DefaultGradientTuningService.coarseStepWarning(0.1, 0));
	}
}
