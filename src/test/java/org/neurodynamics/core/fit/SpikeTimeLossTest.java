package org.neurodynamics.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.analysis.SpikeDetector;
import org.neurodynamics.core.analysis.SpikeThresholds;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.CurrentStep;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.SimulationResult;
import org.neurodynamics.core.cable.Simulator;

/** The spike-time term of {@link FitProblem}: its gradient against central differences of the same simulator. */
class SpikeTimeLossTest {

	static final String[] NAMES = { "gNa", "gK", "gM", "gL", "cm" };
	/** Target multipliers (4 spikes). */
	static final double[] TRUTH = { 1, 1.2, 1, 1, 1 };
	/** A 150 pA step for 180 ms: the cortical cell fires a few adapting spikes. */
	static final Protocol STEP = new Protocol(List.of(new Injection(0, new CurrentStep(20, 1000, 0.15))), 0.05, 200);

	/** The cortical cell under {@link #STEP}, target from the same model with the {@link #TRUTH} multipliers. */
	static FitProblem problem() {
		CableModel m = CableModels.corticalNeuron();
		int[] fitted = new int[NAMES.length];
		double[] truth = m.defaults();
		for (int k = 0; k < fitted.length; k++) {
			fitted[k] = m.parameterIndex(NAMES[k]);
			truth[fitted[k]] *= TRUTH[k];
		}
		SimulationResult target = Simulator.simulate(m, truth, STEP, 0);
		float[] v = new float[target.length()];
		for (int i = 0; i < v.length; i++) v[i] = (float) target.voltage(0)[i];
		return new FitProblem(m, STEP, 0, v, STEP.dt(), fitted, m.defaults());
	}

	/** The spikes of the model at phi as the spike-time term at threshold 0 mV counts them (the target's detector). */
	static int spikes(FitProblem p, double[] phi) {
		SimulationResult truth = Simulator.simulate(p.model(), p.theta(p.coordinates(TRUTH)), p.protocol(), 0);
		float[] target = new float[truth.length()];
		for (int i = 0; i < target.length; i++) target[i] = (float) truth.voltage(0)[i];
		SpikeDetector detector = SpikeDetector.fixed(SpikeThresholds.fromRecordings(List.of(target)).withThreshold(0));
		SimulationResult r = Simulator.simulate(p.model(), p.theta(phi), p.protocol(), 0);
		return SpikeTimes.of(r.voltage(0), r.length(), p.dt(), detector).count();
	}

	@Test
	void spikeTermGradientMatchesFiniteDifferences() {
		FitProblem plain = problem(), spiky = plain.withSpikeTimes(2, 0, 10);
		int recorded = spikes(plain, plain.coordinates(TRUTH));
		double worst = 0;
		// the model fires more than the target (weaker M current), then fewer: both kinds of unmatched spike
		double[][] phis = { { 0.05, 0.02, -0.69, 0.03, -0.05 }, { -0.05, 0.1, 0.69, -0.02, 0.05 } };
		for (double[] phi : phis) {
			assertNotEquals(recorded, spikes(plain, phi), "the model and the target fire differently");
			for (int steps : new int[] { plain.steps(), (int) (0.6 * plain.steps()) }) {
				double[] g = new double[5], g0 = new double[5];
				double term = spiky.loss(phi, steps, g) - plain.loss(phi, steps, g0);
				assertTrue(term > 0, "spike term " + term);
				for (int k = 0; k < 5; k++) {
					// late spike times of an adapting train are steeply curved in the parameters:
					// Richardson-extrapolated central differences
					double exact = g[k] - g0[k], fd = (4 * central(plain, spiky, phi, steps, k, 1e-6) -
						central(plain, spiky, phi, steps, k, 2e-6)) / 3;
					double error = Math.abs(exact - fd) / Math.abs(fd);
					worst = Math.max(worst, error);
					assertTrue(error < 1e-4, NAMES[k] + " over " + steps + " steps: " + exact + " vs " + fd);
				}
			}
		}
		System.out.printf("spike-term gradient vs central differences: worst relative error %.2g (%d recorded spikes, " +
			"model %d and %d)%n", worst, recorded, spikes(plain, phis[0]), spikes(plain, phis[1]));
	}

	/** Central difference of the spike term alone (the loss with it minus the loss without it). */
	private static double central(FitProblem plain, FitProblem spiky, double[] phi, int steps, int k, double h) {
		double[] x = phi.clone();
		x[k] += h;
		double plus = spiky.loss(x, steps, null) - plain.loss(x, steps, null);
		x[k] -= 2 * h;
		double minus = spiky.loss(x, steps, null) - plain.loss(x, steps, null);
		return (plus - minus) / (2 * h);
	}

	@Test
	void gaussNewtonMatrixOfTheSpikeTermIsItsHessianAtTheTruth() {
		FitProblem plain = problem(), spiky = plain.withSpikeTimes(2, 0, 10);
		double[] truth = plain.coordinates(TRUTH);
		double[][] h = new double[5][5], h0 = new double[5][5];
		spiky.loss(truth, plain.steps(), new double[5], h);
		plain.loss(truth, plain.steps(), new double[5], h0);
		double scale = 0;
		for (int k = 0; k < 5; k++) scale = Math.max(scale, Math.abs(h[k][k] - h0[k][k]));
		for (int k = 0; k < 5; k++) {
			// Richardson-extrapolated central differences of the spike term's gradient
			double[] d1 = gradientDifference(plain, spiky, truth, k, 1e-6), d2 = gradientDifference(plain, spiky, truth, k, 2e-6);
			for (int l = 0; l < 5; l++)
				assertEquals((4 * d1[l] - d2[l]) / 3, h[k][l] - h0[k][l], 1e-4 * scale, "(" + NAMES[k] + ", " + NAMES[l] + ")");
		}
	}

	/** Central difference in phi_k of the spike term's gradient. */
	private static double[] gradientDifference(FitProblem plain, FitProblem spiky, double[] phi, int k, double step) {
		double[] d = new double[5];
		for (int sign : new int[] { 1, -1 }) {
			double[] x = phi.clone(), g = new double[5], g0 = new double[5];
			x[k] += sign * step;
			spiky.loss(x, plain.steps(), g);
			plain.loss(x, plain.steps(), g0);
			for (int l = 0; l < 5; l++) d[l] += sign * (g[l] - g0[l]) / (2 * step);
		}
		return d;
	}

	@Test
	void theTermVanishesAtTheTruthAndWeightZeroChangesNothing() {
		FitProblem plain = problem();
		double[] truth = plain.coordinates(TRUTH), phi = { 0.05, 0.02, -0.69, 0.03, -0.05 };
		assertEquals(plain.loss(truth, plain.steps(), null), plain.withSpikeTimes(5, 0, 10).loss(truth, plain.steps(), null),
			1e-9);
		double[] g = new double[5], g0 = new double[5];
		assertEquals(plain.loss(phi, plain.steps(), g0), plain.withSpikeTimes(0, 0, 10).loss(phi, plain.steps(), g), 0);
		for (int k = 0; k < 5; k++) assertEquals(g0[k], g[k], 0);
		FitProblem both = plain.withSmoothing(1, 2, 20).withSpikeTimes(1, 0, 10);
		assertEquals(both.loss(phi, plain.steps(), null), plain.withSpikeTimes(1, 0, 10).withSmoothing(1, 2, 20)
			.loss(phi, plain.steps(), null), 1e-12, "the terms add up in either order");
	}

	@Test
	void badSpikeSettingsAreRefusedInTheUsersTerms() {
		FitProblem p = problem();
		assertTrue(assertThrows(UserInputException.class, () -> p.withSpikeTimes(-1, 0, 10)).getMessage()
			.contains("spike weight"));
		assertTrue(assertThrows(UserInputException.class, () -> p.withSpikeTimes(1, Double.POSITIVE_INFINITY, 10)).getMessage()
			.contains("spike threshold"));
		assertThrows(UserInputException.class, () -> p.withSpikeTimes(1, 0, 0));
	}
}
