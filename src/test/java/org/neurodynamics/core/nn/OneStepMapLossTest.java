package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
				assertTrue(e.within(1e-3), act + " increment=" + inc + ": " + e);
			}
	}

	@Test
	void equalsTheRolloutLossOfOneStep() {
		for (boolean inc : new boolean[] { true, false }) {
			Mlp a = RolloutMapLossTest.smallNet(Activation.TANH), c = RolloutMapLossTest.smallNet(Activation.TANH);
			MapBatch b = RolloutMapLossTest.randomBatch(5, 1);
			double one = new OneStepMapLoss().lossAndGradient(a, b, inc);
			double roll = new RolloutMapLoss(1).lossAndGradient(c, b, inc);
			assertEquals(roll, one, 0);
			float[][] ga = a.gradients(), gc = c.gradients();
			for (int i = 0; i < ga.length; i++)
				assertArrayEquals(gc[i], ga[i]);
		}
	}
}
