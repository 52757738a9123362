package org.neurodynamics.core.cable;

import org.neurodynamics.core.trace.Trace;

/**
 * Voltage traces (mV) at recorded compartments, sample i at time i * dt (sample 0 is the
 * initial state), and optionally their sensitivities dV/dtheta_k.
 */
public final class SimulationResult {

	private final CableModel model;
	private final int[] recorded, sensitivityParameters;
	private final double dt;
	final double[][] voltage;
	final double[][][] sensitivity;

	SimulationResult(CableModel model, int[] recorded, int[] sensitivityParameters, double dt, int samples) {
		this.model = model;
		this.recorded = recorded.clone();
		this.sensitivityParameters = sensitivityParameters.clone();
		this.dt = dt;
		voltage = new double[recorded.length][samples];
		sensitivity = new double[recorded.length][sensitivityParameters.length][samples];
	}

	void sample(int i, CableSimulation sim) {
		for (int r = 0; r < recorded.length; r++) {
			voltage[r][i] = sim.voltage(recorded[r]);
			for (int k = 0; k < sensitivityParameters.length; k++) sensitivity[r][k][i] = sim.sensitivity(k, recorded[r]);
		}
	}

	public double dt() { return dt; }
	public int length() { return voltage.length == 0 ? 0 : voltage[0].length; }
	public int[] recordedCompartments() { return recorded.clone(); }
	public int[] sensitivityParameters() { return sensitivityParameters.clone(); }

	/** Voltage at the r-th recorded compartment (copy). */
	public double[] voltage(int r) { return voltage[r].clone(); }

	/** dV/dtheta for the k-th sensitivity parameter at the r-th recorded compartment (copy). */
	public double[] sensitivity(int r, int k) { return sensitivity[r][k].clone(); }

	public Trace voltageTrace(int r) {
		return new Trace("V(" + model.compartment(recorded[r]).label + ")", toFloat(voltage[r]), dt, "ms", "mV");
	}

	public Trace sensitivityTrace(int r, int k) {
		Parameter p = model.parameters().get(sensitivityParameters[k]);
		return new Trace("dV(" + model.compartment(recorded[r]).label + ")/d" + p.name(), toFloat(sensitivity[r][k]), dt,
			"ms", "mV/(" + p.unit() + ")");
	}

	private static float[] toFloat(double[] x) {
		float[] f = new float[x.length];
		for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
		return f;
	}
}
