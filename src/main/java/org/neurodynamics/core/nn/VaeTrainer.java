package org.neurodynamics.core.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.data.RowSource;

/**
 * The autoencoder's training loop: every epoch a fresh random subset of the rows in
 * shuffled minibatches, standard normal noise eps per row and latent coordinate, one
 * Adam step per minibatch for encoder and decoder, and per-epoch statistics of the
 * {@link VaeLoss} (per-coordinate KL, variance of the encoder means).
 */
final class VaeTrainer {

	private VaeTrainer() {}

	/**
	 * Trains {@code enc} and {@code dec} in place (pass copies to keep the originals if
	 * cancelled) on the rows of {@code data}.
	 */
	static VariationalAutoencoder.History train(VariationalAutoencoder.Config config, Mlp enc, Mlp dec, RowSource data,
		Progress progress) {
		long rows = data.rows();
		if (rows < 1) throw new UserInputException("There are no rows to train the autoencoder on.");
		if (rows > Integer.MAX_VALUE - 8) throw new UserInputException("Too many rows (" + rows + ") for one training run; use 'samples per epoch'.");
		NetworkThreads.ensureConfigured();
		String stage = "Training autoencoder";
		final int latent = config.latentSize;
		VaeLoss loss = new VaeLoss(config.beta);
		AdamOptimiser optEnc = new AdamOptimiser(enc, config.learningRate, 0);
		AdamOptimiser optDec = new AdamOptimiser(dec, config.learningRate, 0);
		Random rnd = new Random(config.seed * 0x9E3779B97F4A7C15L + 1);
		long[] index = new long[(int) rows];
		for (int i = 0; i < index.length; i++)
			index[i] = i;
		int perEpoch = Minibatches.perEpoch(rows, config.maxSamplesPerEpoch);
		Map<Integer, VaeLoss.Batch> batches = new HashMap<>();
		List<VariationalAutoencoder.Epoch> epochs = new ArrayList<>();
		double[] klSum = new double[latent], muSum = new double[latent], mu2Sum = new double[latent];
		long seen = 0;
		long t0 = System.nanoTime();
		progress.report(stage, 0, config.toString());
		for (int e = 0; e < config.epochs; e++) {
			Minibatches.shuffleHead(index, perEpoch, rnd);
			java.util.Arrays.fill(klSum, 0);
			java.util.Arrays.fill(muSum, 0);
			java.util.Arrays.fill(mu2Sum, 0);
			double recon = 0;
			for (int from = 0, bi = 0; from < perEpoch; from += config.batchSize, bi++) {
				progress.checkCancelled(stage);
				int n = Math.min(config.batchSize, perEpoch - from);
				VaeLoss.Batch b = batches.computeIfAbsent(n, k -> new VaeLoss.Batch(enc, dec, k, latent));
				data.copyRows(index, from, n, b.enc.input());
				for (int i = 0; i < n * latent; i++)
					b.eps[i] = (float) rnd.nextGaussian();
				loss.lossAndGradient(enc, dec, b);
				recon += b.reconstructionSum;
				for (int i = 0; i < n * latent; i++) {
					int j = i % latent;
					klSum[j] += b.kl[i];
					muSum[j] += b.mu[i];
					mu2Sum[j] += (double) b.mu[i] * b.mu[i];
				}
				optEnc.step();
				optDec.step();
				seen += n;
				Minibatches.report(progress, stage, e, config.epochs, bi, perEpoch, config.batchSize);
			}
			float[] kl = new float[latent], var = new float[latent];
			double klTotal = 0;
			for (int j = 0; j < latent; j++) {
				kl[j] = (float) (klSum[j] / perEpoch);
				double m1 = muSum[j] / perEpoch;
				var[j] = (float) Math.max(0, mu2Sum[j] / perEpoch - m1 * m1);
				klTotal += kl[j];
			}
			double mse = recon / perEpoch;
			double total = mse + config.beta * klTotal;
			if (!Double.isFinite(total))
				throw new UserInputException("Autoencoder training diverged at epoch " + (e + 1) + " (loss " + total + "); try a smaller learning rate.");
			epochs.add(new VariationalAutoencoder.Epoch(e + 1, total, mse, klTotal, kl, var));
			progress.report(stage, (e + 1.0) / config.epochs, String.format("epoch %d/%d: loss %.5g, MSE %.5g, KL %.4g", e + 1, config.epochs, total, mse, klTotal));
		}
		double seconds = (System.nanoTime() - t0) * 1e-9;
		return new VariationalAutoencoder.History(epochs, seen, seconds, NetworkThreads.describe());
	}
}
