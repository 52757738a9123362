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
