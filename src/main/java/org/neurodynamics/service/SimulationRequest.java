package org.neurodynamics.service;

/**
 * A simulation of a compartmental model: the model, its stimulus, the time step and
 * simulated time (ms), the compartments recorded (labels or indices, comma-separated, or
 * "all") and the parameters whose voltage sensitivities are recorded (empty for none).
 */
public final class SimulationRequest {

	public final ModelRequest model;
	public final StimulusRequest stimulus;
	public final double dt, duration;
	public final String record, sensitivities;

	public SimulationRequest(ModelRequest model, StimulusRequest stimulus, double dt, double duration, String record,
		String sensitivities)
	{
		this.model = model;
		this.stimulus = stimulus;
		this.dt = dt;
		this.duration = duration;
		this.record = record;
		this.sensitivities = sensitivities;
	}
}
