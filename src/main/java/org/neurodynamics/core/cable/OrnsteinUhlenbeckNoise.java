package org.neurodynamics.core.cable;

import java.util.SplittableRandom;

/**
 * Ornstein-Uhlenbeck current {@code dI = (mean - I)/tau dt + sigma sqrt(2/tau) dW} (nA; sigma
 * is the stationary standard deviation), sampled exactly on a grid of step {@code sampleDt}
 * from a seed and interpolated linearly, so every simulation sees the same realisation.
 */
public final class OrnsteinUhlenbeckNoise implements Stimulus {

	private final float[] samples;
	private final double sampleDt;

	public OrnsteinUhlenbeckNoise(double mean, double sigma, double tau, double duration, double sampleDt, long seed) {
		if (!(tau > 0) || !(sampleDt > 0) || !(duration > 0) || !(sigma >= 0))
			throw new org.neurodynamics.core.UserInputException("Noise input: tau " + tau + " ms, sample interval " +
				sampleDt + " ms and duration " + duration + " ms must be positive and sigma " + sigma + " nA not negative.");
		int n = (int) Math.ceil(duration / sampleDt) + 2;
		samples = new float[n];
		this.sampleDt = sampleDt;
		SplittableRandom random = new SplittableRandom(seed);
		double decay = Math.exp(-sampleDt / tau);
		double kick = sigma * Math.sqrt(1 - decay * decay);
		double x = mean + sigma * gaussian(random);
		for (int i = 0; i < n; i++) {
			samples[i] = (float) x;
			x = mean + (x - mean) * decay + kick * gaussian(random);
		}
	}

	private static double gaussian(SplittableRandom r) {
		// Box-Muller; SplittableRandom has no nextGaussian before Java 17
		double u = 1 - r.nextDouble(), v = r.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	@Override
	public double current(double t) {
		if (t <= 0) return samples[0];
		double x = t / sampleDt;
		int i = (int) x;
		if (i >= samples.length - 1) return samples[samples.length - 1];
		double w = x - i;
		return samples[i] * (1 - w) + samples[i + 1] * w;
	}
}
