package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

class VaeLossTest {

	@BeforeAll
	static void threads() {
		NetworkThreads.configure(1);
	}

	/** Encoder 5-7-6-(2 x 3) and decoder 3-6-7-5 in double precision. */
	static Mlp[] smallNets(Activation act) {
		Mlp enc = new Mlp(new int[] { 5, 7, 6, 6 }, act, DataType.DOUBLE);
		Mlp dec = new Mlp(new int[] { 3, 6, 7, 5 }, act, DataType.DOUBLE);
		Random r = new Random(0);
		enc.initialise(r);
		dec.initialise(r);
		return new Mlp[] { enc, dec };
	}

	@Test
	void gradientsAgreeWithFiniteDifferences() {
		for (Activation act : Activation.values()) {
			Mlp[] nets = smallNets(act);
			INDArray x = Nd4j.rand(DataType.DOUBLE, 4, 5).subi(0.5).muli(2);
			INDArray eps = Nd4j.randn(DataType.DOUBLE, 4, 3);
			VaeLoss loss = new VaeLoss(0.7);
			VaeLoss.Batch b = VaeLoss.Batch.of(nets[0], nets[1], x, eps);
			GradientCheck.Error[] e = GradientCheck.check(() -> loss.lossAndGradient(nets[0], nets[1], b), nets);
			assertTrue(e[0].within(1e-7), act + " encoder: " + e[0]);
			assertTrue(e[1].within(1e-7), act + " decoder: " + e[1]);
		}
	}

	@Test
	void lossIsMsePlusBetaTimesKl() {
		Mlp[] nets = smallNets(Activation.TANH);
		Mlp enc = nets[0], dec = nets[1];
		INDArray x = Nd4j.rand(DataType.DOUBLE, 6, 5);
		INDArray eps = Nd4j.randn(DataType.DOUBLE, 6, 3);
		double beta = 0.3;
		INDArray out = enc.output(x);
		INDArray mu = out.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3));
		INDArray lv = out.get(NDArrayIndex.all(), NDArrayIndex.interval(3, 6));
		INDArray sigma = Transforms.exp(lv.mul(0.5), true);
		double mse = dec.output(eps.mul(sigma).addi(mu)).sub(x).norm2Number().doubleValue();
		mse = mse * mse / x.length();
		INDArray klPer = mu.mul(mu).addi(sigma.mul(sigma)).subi(lv).subi(1.0).muli(0.5);
		VaeLoss.Batch b = VaeLoss.Batch.of(enc, dec, x, eps);
		double loss = new VaeLoss(beta).lossAndGradient(enc, dec, b);
		assertEquals(mse + beta * klPer.sumNumber().doubleValue() / 6, loss, 1e-12);
		assertEquals(mse * 6, b.reconstructionSum, 1e-12);
		assertTrue(klPer.equalsWithEps(b.kl, 1e-12));
	}
}
