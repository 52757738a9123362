package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RolloutMapLossTest {

	@BeforeAll
	static void threads() {
		NetworkThreads.configure(1);
	}

	/** A double-precision map network for state dimension 2, hidden 5-4. */
	static Mlp smallNet(Activation act) {
		Mlp net = new Mlp(new int[] { 3, 5, 4, 2 }, act, DataType.DOUBLE);
		net.initialise(new Random(0));
		return net;
	}

	/** n random windows of k steps in dimension 2, with noise of std 0.1. */
	static MapBatch randomBatch(int n, int k) {
		INDArray[] states = new INDArray[k + 1];
		INDArray[] noise = new INDArray[k];
		for (int j = 0; j <= k; j++)
			states[j] = Nd4j.randn(DataType.DOUBLE, n, 2);
		for (int j = 0; j < k; j++)
			noise[j] = Nd4j.randn(DataType.DOUBLE, n, 2).muli(0.1);
		return MapBatch.of(states, Nd4j.randn(DataType.DOUBLE, n, 1), noise);
	}

	@Test
	void gradientsAgreeWithFiniteDifferences() {
		for (Activation act : Activation.values())
			for (boolean inc : new boolean[] { true, false }) {
				Mlp net = smallNet(act);
				MapBatch b = randomBatch(3, 3);
				RolloutMapLoss loss = new RolloutMapLoss(3);
				GradientCheck.Error e = GradientCheck.check(() -> loss.lossAndGradient(net, b, inc), net)[0];
				assertTrue(e.maxGradient > 1e-3, act + " increment=" + inc + ": " + e);
				assertTrue(e.within(1e-7), act + " increment=" + inc + ": " + e);
			}
	}

	@Test
	void lossIsTheMeanSquaredDistanceOfTheIterates() {
		Mlp net = smallNet(Activation.TANH);
		int n = 4, k = 3;
		MapBatch b = randomBatch(n, k);
		for (boolean inc : new boolean[] { true, false }) {
			INDArray s = b.states[0].add(b.noise[0]);
			double sse = 0;
			for (int j = 0; j < k; j++) {
				INDArray out = net.output(Nd4j.hstack(s, b.p));
				INDArray next = inc ? s.add(out) : out;
				double e = next.sub(b.states[j + 1]).norm2Number().doubleValue();
				sse += e * e;
				s = j + 1 < k ? next.add(b.noise[j + 1]) : next;
			}
			assertEquals(sse / (k * n * 2), new RolloutMapLoss(k).lossAndGradient(net, b, inc), 1e-12);
		}
	}

	@Test
	void aLongerBatchIsAcceptedAndTooShortOneRefused() {
		Mlp net = smallNet(Activation.TANH);
		MapBatch b = randomBatch(2, 5);
		double l5 = new RolloutMapLoss(3).lossAndGradient(net, b, true);
		assertEquals(new RolloutMapLoss(3).lossAndGradient(net, MapBatch.of(java.util.Arrays.copyOf(b.states, 4), b.p,
			java.util.Arrays.copyOf(b.noise, 3)), true), l5, 0);
		assertThrows(IllegalArgumentException.class, () -> new RolloutMapLoss(6).lossAndGradient(net, b, true));
	}
}
