package org.neurodynamics.core.cable;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.Progress;

/** Sensitivities are the exact derivatives of the discrete scheme: they match central differences. */
class SensitivityTest {

	// Relative difference steps: 1e-3 for the smooth pulse-evoked axon response, 1e-5 for the
	// strongly nonlinear Pinsky-Rinzel burst (larger steps leave the linear regime).

	/** Largest relative error of dL/dtheta against central differences, L = mean squared deviation from a target. */
	static double gradientError(CableModel model, Protocol protocol, String[] names, int[] recordAt, double step) {
		int[] idx = new int[names.length];
		for (int i = 0; i < names.length; i++) idx[i] = model.parameterIndex(names[i]);
		double[] theta = model.defaults();
		double[] other = theta.clone();
		for (int i : idx) other[i] *= 1.3;
		SimulationResult target = Simulator.simulate(model, other, protocol, recordAt);
		SimulationResult r = Simulator.simulate(model, theta, protocol, recordAt, idx, Progress.NONE);
		double worst = 0;
		for (int k = 0; k < idx.length; k++) {
			double gradient = 0;
			for (int rec = 0; rec < recordAt.length; rec++) {
				double[] v = r.voltage[rec], w = r.sensitivity[rec][k], t = target.voltage[rec];
				for (int i = 0; i < v.length; i++) gradient += (v[i] - t[i]) * w[i] / v.length;
			}
			double fd = richardson(model, theta, idx[k], step * Math.abs(theta[idx[k]]), protocol, recordAt, target);
			worst = Math.max(worst, Math.abs(gradient - fd) / Math.abs(fd));
		}
		return worst;
	}

	/**
	 * Central difference with Richardson extrapolation, (4 D(h) - D(2h)) / 3: error O(h^4), so
	 * h can be large enough that the simulator's round-off (about 1e-13 of the loss) stays small.
	 */
	static double richardson(CableModel model, double[] theta, int index, double h, Protocol protocol, int[] recordAt,
		SimulationResult target)
	{
		return (4 * central(model, theta, index, h, protocol, recordAt, target) -
			central(model, theta, index, 2 * h, protocol, recordAt, target)) / 3;
	}

	static double central(CableModel model, double[] theta, int index, double h, Protocol protocol, int[] recordAt,
		SimulationResult target)
	{
		double[] plus = theta.clone(), minus = theta.clone();
		plus[index] += h;
		minus[index] -= h;
		return (loss(Simulator.simulate(model, plus, protocol, recordAt), target) -
			loss(Simulator.simulate(model, minus, protocol, recordAt), target)) / (2 * h);
	}

	static double loss(SimulationResult r, SimulationResult target) {
		double sum = 0;
		for (int rec = 0; rec < r.voltage.length; rec++)
			for (int i = 0; i < r.voltage[rec].length; i++) {
				double d = r.voltage[rec][i] - target.voltage[rec][i];
				sum += d * d / (2 * r.voltage[rec].length);
			}
		return sum;
	}

	@Test
	void hodgkinHuxleyAxonGradientMatchesFiniteDifferences() {
		CableModel axon = CableModels.hodgkinHuxleyAxon(false);
		for (TimeScheme scheme : TimeScheme.values()) {
			Protocol p = new Protocol(List.of(new Injection(0, new PulseTrain(2, 5, 100, 0.2))), 0.025, 25, scheme);
			double err = gradientError(axon, p, new String[] { "gNa", "gK", "gL" }, new int[] { 0, 10 }, 1e-3);
			assertTrue(err < 1e-5, scheme + ": relative error " + err);
		}
	}

	@Test
	void axialResistivityCapacitanceAndLeakReversalToo() {
		CableModel axon = CableModels.hodgkinHuxleyAxon(true);
		Protocol p = new Protocol(List.of(new Injection(0, new PulseTrain(2, 5, 100, 0.2))), 0.025, 20);
		double err = gradientError(axon, p, new String[] { "Ra", "cm", "eL(axon)", "gNa(axon)", "gK(soma)" },
			new int[] { 5 }, 1e-3);
		assertTrue(err < 1e-5, "relative error " + err);
	}

	@Test
	void pinskyRinzelGradientMatchesFiniteDifferences() {
		CableModel pr = CableModels.pinskyRinzel();
		Protocol p = new Protocol(List.of(new Injection(0, new CurrentStep(5, 1e9, 0.15))), 0.025, 60);
		double err = gradientError(pr, p, new String[] { "gNa", "gKDR", "gCa", "gKC", "gKAHP", "gL", "gc", "cm" },
			new int[] { 0, 1 }, 1e-5);
		assertTrue(err < 1e-5, "relative error " + err);
	}
}
