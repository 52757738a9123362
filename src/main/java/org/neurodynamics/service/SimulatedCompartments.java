package org.neurodynamics.service;

import java.util.List;

import org.neurodynamics.core.trace.Trace;

/**
 * What a compartmental simulation recorded: one voltage trace (ms, mV) per recorded
 * compartment, and one sensitivity trace per compartment and parameter, compartment-major
 * (empty when none were asked for).
 */
public final class SimulatedCompartments {

	public final List<Trace> voltage, sensitivities;

	SimulatedCompartments(List<Trace> voltage, List<Trace> sensitivities) {
		this.voltage = voltage;
		this.sensitivities = sensitivities;
	}
}
