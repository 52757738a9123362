package org.neurodynamics.service;

/**
 * A homeostatic-control run (Gradient Diffusion, Landsmeer et al. 2024) with the paper's
 * values as defaults: the model is driven by Ornstein-Uhlenbeck noise current into one
 * compartment, where spikes are counted, and the adapted parameters follow the gradient of
 * (f - f*)^2 / 2. Times in ms.
 */
public final class HomeostasisRequest {

	public ModelRequest model = new ModelRequest(CellModel.HH_COMPARTMENT);
	/** Parameters that adapt, comma-separated. */
	public String adapted = "gNa, gK";
	/** Compartment that receives the input and where spikes are counted (label or index). */
	public String record = "soma";
	/** Target firing rate (Hz), learning rate alpha, forgetting rate lambda (1/ms), rate filter time constant (ms). */
	public double targetRate = 5, alpha = 1e-5, forgetting = 1e-4, tauRate = 1e4;
	/** Simulated time, time step and interval between recorded samples (ms). */
	public double duration = 60_000, dt = 0.025, interval = 1000;
	/** Noise input: mean and standard deviation (nA), correlation time (ms), seed. */
	public double mean = 0.2, sd = 0.2, tau = 5;
	public long seed = 7;

	public HomeostasisRequest() {}

	public HomeostasisRequest(ModelRequest model, String adapted, String record) {
		this.model = model;
		this.adapted = adapted;
		this.record = record;
	}

	/** Target rate (Hz), learning rate, forgetting rate (1/ms) and time constant of the rate estimate (ms). */
	public HomeostasisRequest control(double targetRate, double alpha, double forgetting, double tauRate) {
		this.targetRate = targetRate;
		this.alpha = alpha;
		this.forgetting = forgetting;
		this.tauRate = tauRate;
		return this;
	}

	/** Simulated time, time step and interval between recorded samples (ms). */
	public HomeostasisRequest timing(double duration, double dt, double interval) {
		this.duration = duration;
		this.dt = dt;
		this.interval = interval;
		return this;
	}

	/** Mean and standard deviation (nA), correlation time (ms) and seed of the noise input. */
	public HomeostasisRequest noise(double mean, double sd, double tau, long seed) {
		this.mean = mean;
		this.sd = sd;
		this.tau = tau;
		this.seed = seed;
		return this;
	}
}
