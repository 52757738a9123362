package org.neurodynamics.core.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one training run did, epoch by epoch: the part common to every network of this
 * package. {@link NeuralMap.History} and {@link VariationalAutoencoder.History} add what
 * is particular to their training (early stopping, active latent coordinates).
 *
 * @param <E> the statistics kept per epoch
 */
public abstract class TrainingHistory<E extends TrainingEpoch> {

	private final List<E> epochs;
	/** Training samples (rows or windows) used, summed over the epochs. */
	public final long samplesSeen;
	/** Wall time of the training loop. */
	public final double seconds;
	/** The thread settings in effect (see {@link NetworkThreads#describe()}). */
	public final String threads;

	TrainingHistory(List<E> epochs, long samplesSeen, double seconds, String threads) {
		this.epochs = Collections.unmodifiableList(new ArrayList<>(epochs));
		this.samplesSeen = samplesSeen;
		this.seconds = seconds;
		this.threads = threads;
	}

	public List<E> epochs() { return epochs; }

	public E last() {
		if (epochs.isEmpty()) throw new IllegalStateException("No epoch was trained");
		return epochs.get(epochs.size() - 1);
	}

	/** Training samples per second of wall time. */
	public double samplesPerSecond() { return seconds > 0 ? samplesSeen / seconds : 0; }
}
