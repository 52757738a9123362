package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class MlpTest {

	@Test
	void forwardPassAgreesWithTheReferenceInDoublePrecision() {
		for (Activation act : Activation.values()) {
			Mlp net = new Mlp(new int[] { 6, 9, 8, 4 }, act);
			Random r = new Random(3);
			net.initialise(r);
			for (int l = 0; l < net.layers(); l++) // non-zero biases, so that they are tested too
				System.arraycopy(RolloutMapLossTest.gaussian(r, net.b[l].length, 0.3), 0, net.b[l], 0, net.b[l].length);
			float[] x = RolloutMapLossTest.gaussian(r, 11 * 6, 1);
			INDArray expected = ReferenceMlp.output(net, ReferenceMlp.matrix(x, 11, 6));
			float[] out = net.output(x, 11);
			assertTrue(expected.equalsWithEps(ReferenceMlp.matrix(out, 11, 4), 1e-5), act.toString());
			float[] column = net.outputColumn(x, 11, 2);
			for (int i = 0; i < 11; i++)
				assertEquals(out[i * 4 + 2], column[i], 1e-5);
		}
	}

	/**
	 * A control-affine network returns G(x) + p H(x), with [G, H] the layers' output on x
	 * computed by the reference, and the gradient with respect to its input (x and p)
	 * agrees with finite differences of that output.
	 */
	@Test
	void aControlAffineNetworkReturnsGPlusPTimesH() {
		Mlp net = new Mlp(new int[] { 3, 7, 6 }, Activation.TANH, true);
		Random r = new Random(5);
		net.initialise(r);
		assertEquals(4, net.inputSize());
		assertEquals(3, net.outputSize());
		float[] in = RolloutMapLossTest.gaussian(r, 5 * 4, 1), x = new float[5 * 3];
		for (int i = 0; i < 5; i++)
			System.arraycopy(in, i * 4, x, i * 3, 3);
		INDArray gh = ReferenceMlp.output(net, ReferenceMlp.matrix(x, 5, 3));
		float[] out = net.output(in, 5);
		for (int i = 0; i < 5; i++)
			for (int j = 0; j < 3; j++)
				assertEquals(gh.getDouble(i, j) + in[i * 4 + 3] * gh.getDouble(i, 3 + j), out[i * 3 + j], 1e-5);
		// input gradient of sum(out * v) against central differences, in double via the reference
		Mlp.Cache c = net.newCache(5);
		System.arraycopy(in, 0, c.input(), 0, in.length);
		net.forward(c);
		float[] v = RolloutMapLossTest.gaussian(r, 15, 1);
		float[] dIn = net.backward(c, v, true).clone();
		for (int k = 0; k < in.length; k++) {
			float[] up = in.clone(), down = in.clone();
			up[k] += 1e-2f;
			down[k] -= 1e-2f;
			float[] ou = net.output(up, 5), od = net.output(down, 5);
			double fd = 0;
			for (int i = 0; i < 15; i++)
				fd += v[i] * ((double) ou[i] - od[i]) / 2e-2;
			assertEquals(fd, dIn[k], 2e-3, "input " + k);
		}
	}

	@Test
	void parametersRoundTripAndCopiesAreIndependent() throws Exception {
		Mlp net = new Mlp(new int[] { 3, 5, 2 }, Activation.TANH);
		net.initialise(new Random(1));
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		net.write(new java.io.DataOutputStream(bytes));
		Mlp back = Mlp.read(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray())));
		assertArrayEquals(NeuralMapTest.params(net), NeuralMapTest.params(back));
		Mlp copy = net.copy();
		copy.w[0][0] += 1;
		assertNotEquals(copy.w[0][0], net.w[0][0]);
	}
}
