package org.neurodynamics.core.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.data.StateSequence;

/**
 * The map's training loop, whatever the loss: every epoch a fresh random subset of the
 * training windows in minibatches, input noise {@code noise[0]} of std
 * {@code config.inputNoise} and state noise {@code noise[j]} of std
 * {@code config.stateNoise}, one Adam step per minibatch; after every epoch the
 * multi-step validation error on the held-out tails, on which training stops early,
 * keeping the best weights.
 */
final class MapTrainer {

	/** A trained network with its normalisation and what training did. */
	static final class Result {
		final Mlp net;
		final MapNormalisation norm;
		final NeuralMap.History history;

		Result(Mlp net, MapNormalisation norm, NeuralMap.History history) {
			this.net = net;
			this.norm = norm;
			this.history = history;
		}
	}

	private MapTrainer() {}

	/**
	 * Trains a copy of {@code initial} on windows of the sequences; {@code norm} (null =
	 * computed from the training data) standardises them. {@code initial} is not changed.
	 */
	static Result train(NeuralMap.Config config, Mlp initial, MapNormalisation norm, List<StateSequence> sequences,
		MapLoss loss, Progress progress) {
		final int d = config.stateSize, k = loss.windowSteps();
		if (k < 1) throw new IllegalArgumentException("A map loss needs windows of at least one step");
		MapWindows data = MapWindows.of(config, sequences, norm, k);
		NetworkThreads.ensureConfigured();
		String stage = "Training map";
		long[] windows = data.training;
		Mlp work = initial.copy();
		AdamOptimiser opt = new AdamOptimiser(work, config.learningRate, config.weightDecay);
		Random rnd = new Random(config.seed * 0x9E3779B97F4A7C15L + 2);
		int perEpoch = Minibatches.perEpoch(windows.length, config.maxSamplesPerEpoch);
		Map<Integer, MapBatch> buffers = new HashMap<>();
		List<NeuralMap.Epoch> epochs = new ArrayList<>();
		double best = Double.POSITIVE_INFINITY;
		int bestEpoch = 0;
		Mlp bestParams = null;
		boolean stoppedEarly = false;
		long seen = 0;
		long t0 = System.nanoTime();
		progress.report(stage, 0, config.toString());
		for (int e = 0; e < config.epochs; e++) {
			loss.startEpoch(e, config.epochs);
			opt.setLearningRateFactor(cosine(e, config.epochs, config.learningRateEnd));
			Minibatches.shuffleHead(windows, perEpoch, rnd);
			double lossSum = 0;
			for (int from = 0, bi = 0; from < perEpoch; from += config.batchSize, bi++) {
				progress.checkCancelled(stage);
				int n = Math.min(config.batchSize, perEpoch - from);
				MapBatch b = buffers.computeIfAbsent(n, m -> {
					MapBatch fresh = new MapBatch(m, d, k);
					fresh.scale = data.scale;
					return fresh;
				});
				data.fill(b, windows, from);
				drawNoise(b, config, rnd);
				lossSum += loss.lossAndGradient(work, b, config.increment) * n;
				opt.step();
				seen += n;
				Minibatches.report(progress, stage, e, config.epochs, bi, perEpoch, config.batchSize);
			}
			double mean = lossSum / perEpoch;
			if (!Double.isFinite(mean))
				throw new UserInputException("Map training diverged at epoch " + (e + 1) + "; try a smaller learning rate.");
			double val = data.validationError(work, config.validationSteps, config.increment);
			epochs.add(new NeuralMap.Epoch(e + 1, mean, val));
			progress.report(stage, (e + 1.0) / config.epochs, String.format("epoch %d/%d: loss %.4g, validation %.4g", e + 1, config.epochs, mean, val));
			if (data.validation.length > 0) {
				if (val < best) {
					best = val;
					bestEpoch = e + 1;
					bestParams = work.copy();
				}
				else if (config.patience > 0 && e + 1 - bestEpoch >= config.patience) {
					stoppedEarly = true;
					break;
				}
			}
			else bestEpoch = e + 1;
		}
		if (bestParams != null) work.assign(bestParams);
		// the increment scale becomes part of the output layer: the trained network predicts
		// the increment in standardised units, as every map does
		if (data.scale != null) work.scaleOutputs(data.scale);
		double seconds = (System.nanoTime() - t0) * 1e-9;
		NeuralMap.History history = new NeuralMap.History(epochs, bestEpoch, stoppedEarly, windows.length, data.validation.length,
			seen, seconds, NetworkThreads.describe());
		return new Result(work, data.norm, history);
	}

	/** Learning-rate factor of epoch e of n: a cosine from 1 in the first epoch to {@code end} in the last. */
	static double cosine(int e, int n, double end) {
		return n <= 1 ? 1 : end + (1 - end) * 0.5 * (1 + Math.cos(Math.PI * e / (n - 1)));
	}

	/** noise[0] ~ N(0, inputNoise^2), noise[j] ~ N(0, stateNoise^2) for j >= 1, drawn in that order. */
	private static void drawNoise(MapBatch b, NeuralMap.Config config, Random rnd) {
		int len = b.n * b.d;
		for (int j = 0; j < b.steps; j++) {
			double sigma = j == 0 ? config.inputNoise : config.stateNoise;
			float[] noise = b.noise[j];
			for (int i = 0; i < len; i++)
				noise[i] = (float) (sigma * rnd.nextGaussian());
		}
	}
}
