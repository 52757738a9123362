package org.neurodynamics.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The independent computation the networks' tests compare against: a network's forward
 * pass in ND4J, in double precision, from the same weights.
 */
final class ReferenceMlp {

	private ReferenceMlp() {}

	/** The network's output for the rows of x (n x inputSize), in double precision. */
	static INDArray output(Mlp net, INDArray x) {
		INDArray h = x.castTo(DataType.DOUBLE);
		for (int l = 0; l < net.layers(); l++) {
			INDArray w = matrix(net.w[l], net.sizes[l], net.sizes[l + 1]);
			h = h.mmul(w).addiRowVector(matrix(net.b[l], 1, net.sizes[l + 1]));
			if (l + 1 < net.layers())
				h = net.activation == Activation.TANH ? Transforms.tanh(h, true) : h.div(Transforms.abs(h, true).addi(1));
		}
		return h;
	}

	/** A row-major float array as a double-precision n x d matrix. */
	static INDArray matrix(float[] flat, int n, int d) {
		return Nd4j.createFromArray(flat).castTo(DataType.DOUBLE).reshape('c', n, d);
	}

	/** A matrix as a row-major float array. */
	static float[] flat(INDArray m) {
		return m.castTo(DataType.FLOAT).dup('c').data().asFloat();
	}
}
