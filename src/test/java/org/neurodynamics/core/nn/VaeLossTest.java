package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

class VaeLossTest {

	@BeforeAll
	static void threads() {
		NetworkThreads.configure(1);
	}

	/** Encoder 5-7-6-(2 x 3) and decoder 3-6-7-5. */
	static Mlp[] smallNets(Activation act) {
		Mlp enc = new Mlp(new int[] { 5, 7, 6, 6 }, act);
		Mlp dec = new Mlp(new int[] { 3, 6, 7, 5 }, act);
		Random r = new Random(0);
		enc.initialise(r);
		dec.initialise(r);
		return new Mlp[] { enc, dec };
	}

	@Test
	void gradientsAgreeWithFiniteDifferences() {
		for (Activation act : Activation.values()) {
			Mlp[] nets = smallNets(act);
			Random r = new Random(5);
			float[] x = RolloutMapLossTest.gaussian(r, 4 * 5, 0.6), eps = RolloutMapLossTest.gaussian(r, 4 * 3, 1);
			VaeLoss loss = new VaeLoss(0.7);
			VaeLoss.Batch b = VaeLoss.Batch.of(nets[0], nets[1], x, eps, 4);
			GradientCheck.Error[] e = GradientCheck.check(() -> loss.lossAndGradient(nets[0], nets[1], b), nets);
			assertTrue(e[0].maxGradient > 1e-3 && e[1].maxGradient > 1e-3, act + ": " + e[0] + ", " + e[1]);
			assertTrue(e[0].within(1e-3), act + " encoder: " + e[0]);
			assertTrue(e[1].within(1e-3), act + " decoder: " + e[1]);
		}
	}

	@Test
	void lossIsMsePlusBetaTimesKl() {
		Mlp[] nets = smallNets(Activation.TANH);
		Mlp enc = nets[0], dec = nets[1];
		Random r = new Random(6);
		float[] xf = RolloutMapLossTest.gaussian(r, 6 * 5, 0.6), epsf = RolloutMapLossTest.gaussian(r, 6 * 3, 1);
		INDArray x = ReferenceMlp.matrix(xf, 6, 5), eps = ReferenceMlp.matrix(epsf, 6, 3);
		double beta = 0.3;
		INDArray out = ReferenceMlp.output(enc, x);
		INDArray mu = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3));
		INDArray lv = out.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 6));
		INDArray sigma = Transforms.exp(lv.mul(0.5), true);
		double mse = ReferenceMlp.output(dec, eps.mul(sigma).addi(mu)).sub(x).norm2Number().doubleValue();
		mse = mse * mse / x.length();
		INDArray klPer = mu.mul(mu).addi(sigma.mul(sigma)).subi(lv).subi(1.0).muli(0.5);
		VaeLoss.Batch b = VaeLoss.Batch.of(enc, dec, xf, epsf, 6);
		double loss = new VaeLoss(beta).lossAndGradient(enc, dec, b);
		double expected = mse + beta * klPer.sumNumber().doubleValue() / 6;
		assertEquals(expected, loss, 1e-6 * expected);
		assertEquals(mse * 6, b.reconstructionSum, 1e-6 * mse * 6);
		assertTrue(klPer.equalsWithEps(ReferenceMlp.matrix(b.kl, 6, 3), 1e-6));
	}
}
