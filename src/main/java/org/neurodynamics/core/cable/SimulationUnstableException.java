package org.neurodynamics.core.cable;

/** The membrane potential became NaN or unphysically large: the parameters or dt are unusable. */
public class SimulationUnstableException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public final double time;
	public final int compartment;

	public SimulationUnstableException(double time, int compartment, double value) {
		super("The simulation became unstable at t = " + String.format(java.util.Locale.ROOT, "%.3f", time) +
			" ms in compartment " + compartment + " (V = " + value + " mV).");
		this.time = time;
		this.compartment = compartment;
	}
}
