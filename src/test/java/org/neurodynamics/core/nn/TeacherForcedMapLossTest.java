package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class TeacherForcedMapLossTest {

	@BeforeAll
	static void threads() {
		NetworkThreads.configure(1);
	}

	@Test
	void gradientsAgreeWithFiniteDifferences() {
		for (Activation act : Activation.values())
			for (boolean inc : new boolean[] { true, false })
				for (double alpha : new double[] { 0.1, 0.5 }) {
					Mlp net = RolloutMapLossTest.smallNet(act);
					MapBatch b = RolloutMapLossTest.randomBatch(3, 4);
					TeacherForcedMapLoss loss = new TeacherForcedMapLoss(4, alpha);
					GradientCheck.Error e = GradientCheck.check(() -> loss.lossAndGradient(net, b, inc), net)[0];
					String what = act + " increment=" + inc + " alpha=" + alpha + ": " + e;
					assertTrue(e.maxGradient > 1e-3, what);
					assertTrue(e.within(1e-3), what);
				}
	}

	@Test
	void lossIsTheMeanSquaredErrorOfFreePredictionsFromForcedStates() {
		Mlp net = RolloutMapLossTest.smallNet(Activation.TANH);
		int n = 4, k = 5;
		double alpha = 0.3;
		MapBatch b = RolloutMapLossTest.randomBatch(n, k);
		for (boolean inc : new boolean[] { true, false }) {
			INDArray s = RolloutMapLossTest.states(b, b.states[0]).add(RolloutMapLossTest.states(b, b.noise[0]));
			double sse = 0;
			for (int j = 0; j < k; j++) {
				INDArray next = RolloutMapLossTest.next(net, b, s, j, inc), target = RolloutMapLossTest.states(b, b.states[j + 1]);
				double e = next.sub(target).norm2Number().doubleValue();
				sse += e * e;
				if (j + 1 < k) s = next.mul(1 - alpha).add(target.mul(alpha)).add(RolloutMapLossTest.states(b, b.noise[j + 1]));
			}
			double expected = sse / (k * n * 2);
			assertEquals(expected, new TeacherForcedMapLoss(k, alpha).lossAndGradient(net, b, inc), 1e-6 * expected);
		}
	}

	@Test
	void noForcingIsTheFreeRolloutAndFullForcingTheOneStepLoss() {
		MapBatch b = RolloutMapLossTest.randomBatch(3, 4);
		Mlp a = RolloutMapLossTest.smallNet(Activation.TANH), c = RolloutMapLossTest.smallNet(Activation.TANH);
		assertEquals(new RolloutMapLoss(4).lossAndGradient(a, b, true), new TeacherForcedMapLoss(4, 0).lossAndGradient(c, b, true), 0);
		// alpha = 1: every step starts from the data (plus its noise), as one-step losses over the window
		double forced = new TeacherForcedMapLoss(4, 1).lossAndGradient(a, b, true), sum = 0;
		for (int j = 0; j < 4; j++) {
			INDArray s = RolloutMapLossTest.states(b, b.states[j]).add(RolloutMapLossTest.states(b, b.noise[j]));
			INDArray e = RolloutMapLossTest.next(a, b, s, j, true).sub(RolloutMapLossTest.states(b, b.states[j + 1]));
			double v = e.norm2Number().doubleValue();
			sum += v * v;
		}
		assertEquals(sum / (4 * 3 * 2), forced, 1e-6 * forced);
	}

	@Test
	void anAnnealedAlphaGoesGeometricallyFromTheFirstToTheLastEpoch() {
		TeacherForcedMapLoss loss = new TeacherForcedMapLoss(4, 0.4, 0.1);
		loss.startEpoch(0, 3);
		assertEquals(0.4, loss.alpha(), 1e-15);
		loss.startEpoch(1, 3);
		assertEquals(0.2, loss.alpha(), 1e-15);
		loss.startEpoch(2, 3);
		assertEquals(0.1, loss.alpha(), 1e-15);
		// the loss of an epoch is that of a fixed alpha of that epoch
		MapBatch b = RolloutMapLossTest.randomBatch(3, 4);
		Mlp a = RolloutMapLossTest.smallNet(Activation.TANH), c = RolloutMapLossTest.smallNet(Activation.TANH);
		loss.startEpoch(1, 3);
		assertEquals(new TeacherForcedMapLoss(4, 0.2).lossAndGradient(a, b, true), loss.lossAndGradient(c, b, true), 1e-12);
		assertThrows(IllegalArgumentException.class, () -> new TeacherForcedMapLoss(4, 0.3, 0));
	}
}
