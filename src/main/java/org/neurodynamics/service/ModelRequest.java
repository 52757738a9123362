package org.neurodynamics.service;

import java.io.File;

/**
 * Which compartmental model to build: one of {@link GradientTuningService#MODELS}, and for
 * {@link GradientTuningService#SWC} the morphology file and a channel set (one of
 * {@link GradientTuningService#CHANNEL_SETS}) per region. Commands fill it from their
 * parameters.
 */
public final class ModelRequest {

	public String model = GradientTuningService.HH_AXON;
	public File swc;
	public String soma = GradientTuningService.HH_CHANNELS;
	public String axon = GradientTuningService.HH_CHANNELS;
	public String dendrite = GradientTuningService.PASSIVE;
}
