package org.neurodynamics.core.nn;

/**
 * The autoencoder's loss on a minibatch of n rows R in R^De with noise eps:
 * mean squared reconstruction error over all n De elements + beta * KL(q(z|R) || N(0, I)),
 * the KL summed over the latent coordinates and averaged over the rows, with
 * z = mu + sigma eps (the reparametrisation). Forward and hand-written backward pass
 * together; the per-coordinate KL of every row is kept for the training statistics.
 */
final class VaeLoss {

	final double beta;

	VaeLoss(double beta) {
		this.beta = beta;
	}

	/** Buffers of one minibatch size: the input goes into {@code enc.input()}, the noise into {@code eps}. */
	static final class Batch {
		final int n, latent;
		final Mlp.Cache enc, dec;
		/** n x L each; mu and log-variance are copied out of the encoder's output (n x 2L). */
		final float[] mu, logVar, sigma, eps;
		/** n x L: KL of every row and latent coordinate, after {@link VaeLoss#lossAndGradient}. */
		final float[] kl;
		final float[] dOut, dEnc;
		/** Sum over the rows of the per-row reconstruction MSE, after {@link VaeLoss#lossAndGradient}. */
		double reconstructionSum;

		Batch(Mlp encoder, Mlp decoder, int n, int latent) {
			this.n = n;
			this.latent = latent;
			enc = encoder.newCache(n);
			dec = decoder.newCache(n);
			mu = new float[n * latent];
			logVar = new float[n * latent];
			sigma = new float[n * latent];
			eps = new float[n * latent];
			kl = new float[n * latent];
			dOut = new float[n * decoder.outputSize()];
			dEnc = new float[n * 2 * latent];
		}

		/** A batch holding copies of {@code x} (n x De) and {@code eps} (n x L), row-major, for tests. */
		static Batch of(Mlp encoder, Mlp decoder, float[] x, float[] eps, int n) {
			Batch b = new Batch(encoder, decoder, n, eps.length / n);
			System.arraycopy(x, 0, b.enc.input(), 0, x.length);
			System.arraycopy(eps, 0, b.eps, 0, eps.length);
			return b;
		}
	}

	/**
	 * Forward and backward pass on one minibatch; adds the gradients into the encoder's
	 * and decoder's gradients, leaves the per-coordinate KL in {@code b.kl} and the summed
	 * per-row MSE in {@code b.reconstructionSum}.
	 *
	 * @return the loss: reconstruction MSE + beta * mean KL
	 */
	double lossAndGradient(Mlp enc, Mlp dec, Batch b) {
		int n = b.n, l = b.latent, de = dec.outputSize();
		float[] out = enc.forward(b.enc), z = b.dec.input();
		double klSum = 0;
		for (int r = 0; r < n; r++)
			for (int j = 0; j < l; j++) {
				int o = r * l + j;
				float m = out[r * 2 * l + j], lv = out[r * 2 * l + l + j];
				float s = (float) Math.exp(0.5 * lv);
				b.mu[o] = m;
				b.logVar[o] = lv;
				b.sigma[o] = s;
				z[o] = m + s * b.eps[o];
				// KL per sample and coordinate: 0.5 (mu^2 + sigma^2 - 1 - logVar)
				b.kl[o] = 0.5f * (m * m + s * s - 1 - lv);
				klSum += b.kl[o];
			}
		float[] xHat = dec.forward(b.dec), x = b.enc.input();
		double sse = 0;
		float g = (float) (2.0 / ((double) n * de));
		for (int i = 0; i < xHat.length; i++) {
			float e = xHat[i] - x[i];
			sse += e * e;
			b.dOut[i] = g * e;
		}
		float[] dz = dec.backward(b.dec, b.dOut, true);
		// d/dmu = dz + beta mu / n ; d/dlogVar = dz eps sigma / 2 + beta (sigma^2 - 1) / (2n)
		float bn = (float) (beta / n);
		for (int r = 0; r < n; r++)
			for (int j = 0; j < l; j++) {
				int o = r * l + j;
				b.dEnc[r * 2 * l + j] = dz[o] + bn * b.mu[o];
				b.dEnc[r * 2 * l + l + j] = 0.5f * dz[o] * b.eps[o] * b.sigma[o] + 0.5f * bn * (b.sigma[o] * b.sigma[o] - 1);
			}
		enc.backward(b.enc, b.dEnc, false);
		b.reconstructionSum = sse / de;
		return b.reconstructionSum / n + beta * klSum / n;
	}
}
