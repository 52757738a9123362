package org.neurodynamics.service;

/**
 * Settings of a homeostatic-control run (Gradient Diffusion, Landsmeer et al. 2024) with
 * the paper's values as defaults: the cell is driven by Ornstein-Uhlenbeck noise current
 * and the adapted parameters follow the gradient of (f - f*)^2 / 2. Times in ms.
 */
public final class HomeostasisRequest {

	/** Target firing rate (Hz), learning rate alpha, forgetting rate lambda (1/ms), rate filter time constant (ms). */
	public double targetRate = 5, alpha = 1e-5, forgetting = 1e-4, tauRate = 1e4;
	/** Simulated time, time step and interval between recorded samples (ms). */
	public double duration = 60_000, dt = 0.025, interval = 1000;
	/** Noise input: mean and standard deviation (nA), correlation time (ms), seed. */
	public double mean = 0.2, sd = 0.2, tau = 5;
	public long seed = 7;
}
