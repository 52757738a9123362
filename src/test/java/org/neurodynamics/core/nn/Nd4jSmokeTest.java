package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jSmokeTest {
	@Test
	void matrixProductRunsOnTheNativeBackend() {
		INDArray a = Nd4j.create(new float[][] { { 1, 2 }, { 3, 4 } });
		INDArray b = a.mmul(a);
		assertEquals(7f, b.getFloat(0, 0), 1e-6);
		assertEquals(22f, b.getFloat(1, 1), 1e-6);
	}
}
