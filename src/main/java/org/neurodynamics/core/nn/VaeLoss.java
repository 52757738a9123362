package org.neurodynamics.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
		final int n;
		final Mlp.Cache enc, dec;
		final INDArray mu, logVar, sigma, eps, dOut, dEnc, dMu, dLogVar, tmp;
		/** n x L: KL of every row and latent coordinate, after {@link VaeLoss#lossAndGradient}. */
		final INDArray kl;
		final float[] hostX, hostEps;
		/** Sum over the rows of the per-row reconstruction MSE, after {@link VaeLoss#lossAndGradient}. */
		double reconstructionSum;

		Batch(Mlp encoder, Mlp decoder, int n, int latent) {
			this.n = n;
			enc = encoder.newCache(n);
			dec = decoder.newCache(n);
			INDArray out = enc.output();
			mu = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent));
			logVar = out.get(NDArrayIndex.all(), NDArrayIndex.interval(latent, 2 * latent));
			DataType dt = encoder.dtype;
			sigma = Nd4j.create(dt, n, latent);
			eps = Nd4j.create(dt, n, latent);
			kl = Nd4j.create(dt, n, latent);
			tmp = Nd4j.create(dt, n, latent);
			dOut = Nd4j.create(dt, n, decoder.outputSize());
			dEnc = Nd4j.create(dt, n, 2 * latent);
			dMu = dEnc.get(NDArrayIndex.all(), NDArrayIndex.interval(0, latent));
			dLogVar = dEnc.get(NDArrayIndex.all(), NDArrayIndex.interval(latent, 2 * latent));
			hostX = new float[n * encoder.inputSize()];
			hostEps = new float[n * latent];
		}

		/** A batch holding copies of {@code x} (n x De) and {@code eps} (n x L), for tests. */
		static Batch of(Mlp encoder, Mlp decoder, INDArray x, INDArray eps) {
			Batch b = new Batch(encoder, decoder, (int) x.rows(), (int) eps.columns());
			b.enc.input().assign(x);
			b.eps.assign(eps);
			return b;
		}
	}

	/**
	 * Forward and backward pass on one minibatch; adds the gradients into
	 * {@code enc.grads} and {@code dec.grads}, leaves the per-coordinate KL in
	 * {@code b.kl} and the summed per-row MSE in {@code b.reconstructionSum}.
	 *
	 * @return the loss: reconstruction MSE + beta * mean KL
	 */
	double lossAndGradient(Mlp enc, Mlp dec, Batch b) {
		int n = b.enc.n;
		int de = dec.outputSize();
		enc.forward(b.enc);
		// sigma = exp(logVar / 2), z = mu + sigma * eps
		b.tmp.assign(b.logVar).muli(0.5);
		Nd4j.exec(new Exp(b.tmp, b.sigma));
		INDArray z = b.dec.input();
		z.assign(b.eps).muli(b.sigma).addi(b.mu);
		INDArray xHat = dec.forward(b.dec);
		b.dOut.assign(xHat).subi(b.enc.input());
		double sse = b.dOut.norm2Number().doubleValue();
		sse *= sse;
		b.dOut.muli(2.0 / ((double) n * de));
		// KL per sample and coordinate: 0.5 (mu^2 + sigma^2 - 1 - logVar)
		b.kl.assign(b.mu).muli(b.mu);
		b.tmp.assign(b.sigma).muli(b.sigma);
		b.kl.addi(b.tmp).subi(b.logVar).subi(1.0).muli(0.5);
		INDArray dz = dec.backward(b.dec, b.dOut, true);
		// d/dmu = dz + beta mu / n ; d/dlogVar = dz eps sigma / 2 + beta (sigma^2 - 1) / (2n)
		b.dMu.assign(b.mu).muli(beta / n).addi(dz);
		b.tmp.subi(1.0).muli(beta / (2.0 * n));
		b.dLogVar.assign(dz).muli(b.eps).muli(b.sigma).muli(0.5).addi(b.tmp);
		enc.backward(b.enc, b.dEnc, false);
		b.reconstructionSum = sse / de;
		return b.reconstructionSum / n + beta * b.kl.sumNumber().doubleValue() / n;
	}
}
