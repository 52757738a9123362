package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class OneStepMapLossTest {

	@BeforeAll
	static void threads() {
		NetworkThreads.configure(1);
	}

	@Test
	void gradientsAgreeWithFiniteDifferences() {
		for (Activation act : Activation.values())
			for (boolean inc : new boolean[] { true, false }) {
				Mlp net = RolloutMapLossTest.smallNet(act);
				MapBatch b = RolloutMapLossTest.randomBatch(3, 1);
				OneStepMapLoss loss = new OneStepMapLoss();
				GradientCheck.Error e = GradientCheck.check(() -> loss.lossAndGradient(net, b, inc), net)[0];
				assertTrue(e.maxGradient > 1e-3, act + " increment=" + inc + ": " + e);
				assertTrue(e.within(1e-7), act + " increment=" + inc + ": " + e);
			}
	}

	@Test
	void equalsTheRolloutLossOfOneStep() {
		for (boolean inc : new boolean[] { true, false }) {
			Mlp net = RolloutMapLossTest.smallNet(Activation.TANH);
			MapBatch b = RolloutMapLossTest.randomBatch(5, 1);
			net.grads.assign(0);
			double one = new OneStepMapLoss().lossAndGradient(net, b, inc);
			INDArray g = net.grads.dup();
			net.grads.assign(0);
			double roll = new RolloutMapLoss(1).lossAndGradient(net, b, inc);
			assertEquals(roll, one, 0);
			assertEquals(net.grads, g);
		}
	}
}
