package org.neurodynamics.core.cable;

import org.neurodynamics.core.Progress;

/** Runs a protocol on a model and records voltages (and sensitivities) at chosen compartments. */
public final class Simulator {

	private Simulator() {}

	public static SimulationResult simulate(CableModel model, double[] theta, Protocol protocol, int[] recordAt,
		int[] sensitivityParameters, Progress progress)
	{
		CableSimulation sim = protocol.start(model, theta, sensitivityParameters);
		int steps = protocol.steps();
		SimulationResult result = new SimulationResult(model, recordAt, sensitivityParameters, protocol.dt(), steps + 1);
		result.sample(0, sim);
		for (int i = 1; i <= steps; i++) {
			sim.step();
			result.sample(i, sim);
			if ((i & 4095) == 0) {
				progress.checkCancelled("Simulation");
				progress.report("Simulation", (double) i / steps, "t = " + Math.round(sim.time()) + " ms");
			}
		}
		return result;
	}

	public static SimulationResult simulate(CableModel model, double[] theta, Protocol protocol, int... recordAt) {
		return simulate(model, theta, protocol, recordAt, new int[0], Progress.NONE);
	}
}
