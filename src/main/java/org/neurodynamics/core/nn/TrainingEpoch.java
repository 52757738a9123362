package org.neurodynamics.core.nn;

/** Statistics of one training epoch; {@link NeuralMap.Epoch} and {@link VariationalAutoencoder.Epoch} add their losses. */
public abstract class TrainingEpoch {
	/** 1-based epoch number. */
	public final int epoch;

	TrainingEpoch(int epoch) {
		this.epoch = epoch;
	}
}
