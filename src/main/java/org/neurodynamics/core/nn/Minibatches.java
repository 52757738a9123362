package org.neurodynamics.core.nn;

import java.util.Random;

import org.neurodynamics.core.Progress;

/** Epoch bookkeeping shared by the training loops: sampling an epoch and reporting within it. */
final class Minibatches {

	private Minibatches() {}

	/** Samples used per epoch: all of {@code available}, or at most {@code maxPerEpoch} if that is positive. */
	static int perEpoch(long available, long maxPerEpoch) {
		return (int) (maxPerEpoch > 0 ? Math.min(available, maxPerEpoch) : available);
	}

	/** Partial Fisher-Yates: the first {@code count} entries become a uniform random sample of all. */
	static void shuffleHead(long[] items, int count, Random rnd) {
		for (int i = 0; i < count; i++) {
			int j = i + rnd.nextInt(items.length - i);
			long t = items[i];
			items[i] = items[j];
			items[j] = t;
		}
	}

	/** Reports progress after every 16th minibatch {@code batch} (0-based) of epoch {@code epoch} (0-based). */
	static void report(Progress progress, String stage, int epoch, int epochs, int batch, int perEpoch, int batchSize) {
		if ((batch & 15) != 15) return;
		int batchesPerEpoch = (perEpoch + batchSize - 1) / batchSize;
		progress.report(stage, (epoch + (batch + 1.0) / batchesPerEpoch) / epochs, "epoch " + (epoch + 1) + "/" + epochs);
	}
}
