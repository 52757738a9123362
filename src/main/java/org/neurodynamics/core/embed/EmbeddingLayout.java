package org.neurodynamics.core.embed;

import org.neurodynamics.core.UserInputException;

/**
 * Which samples make up one delay vector. The newest {@link #fine} samples, {@link #delay}
 * apart, resolve the spike; further back, {@link #coarseBins} averages of {@link #binWidth}
 * consecutive samples each cover the slow time scale (a whole burst cycle) at a fraction
 * of the input size a uniform window of the same span would need. With no coarse bins
 * this is the classic window R(n) = [x(n), x(n - tau), ..., x(n - (De-1) tau)].
 */
public final class EmbeddingLayout {

	public final int fine;
	public final int delay;
	public final int coarseBins;
	public final int binWidth;

	public EmbeddingLayout(int fine, int delay, int coarseBins, int binWidth) {
		if (fine < 1) throw new UserInputException("The embedding dimension must be at least 1, got " + fine + ".");
		if (delay < 1) throw new UserInputException("The embedding delay must be at least 1 sample, got " + delay + ".");
		if (coarseBins < 0) throw new UserInputException("The number of coarse bins must be 0 or more, got " + coarseBins + ".");
		if (coarseBins > 0 && binWidth < 1) throw new UserInputException("A coarse bin must average at least 1 sample, got " + binWidth + ".");
		this.fine = fine;
		this.delay = delay;
		this.coarseBins = coarseBins;
		this.binWidth = coarseBins > 0 ? binWidth : 0;
	}

	/** The classic uniform window of {@code dimension} samples, {@code delay} apart. */
	public static EmbeddingLayout uniform(int dimension, int delay) {
		return new EmbeddingLayout(dimension, delay, 0, 0);
	}

	/** Values per delay vector (the autoencoder's input size). */
	public int width() { return fine + coarseBins; }

	/** Samples between the oldest and the newest sample a window reads. */
	public int span() { return (fine - 1) * delay + coarseBins * binWidth; }

	public boolean isUniform() { return coarseBins == 0; }

	@Override
	public String toString() {
		String s = fine + " samples" + (delay > 1 ? " every " + delay : "");
		return isUniform() ? s : s + " + " + coarseBins + " averages of " + binWidth + " samples";
	}
}
