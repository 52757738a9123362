package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ParameterCurvaturePenaltyTest {

	@BeforeAll
	static void threads() {
		NetworkThreads.configure(1);
	}

	@Test
	void gradientsAgreeWithFiniteDifferences() {
		for (Activation act : Activation.values()) {
			Mlp net = RolloutMapLossTest.smallNet(act);
			MapBatch b = RolloutMapLossTest.randomBatch(3, 2);
			ParameterCurvaturePenalty loss = new ParameterCurvaturePenalty(new RolloutMapLoss(2), 3);
			GradientCheck.Error e = GradientCheck.check(() -> loss.lossAndGradient(net, b, true), net)[0];
			assertTrue(e.maxGradient > 1e-3, act + ": " + e);
			assertTrue(e.within(1e-3), act + ": " + e);
		}
	}

	@Test
	void thePenaltyIsTheMidpointsSquaredDistanceFromTheChordAddedToTheLoss() {
		Mlp net = RolloutMapLossTest.smallNet(Activation.TANH);
		int n = 4;
		double weight = 2.5, h = ParameterCurvaturePenalty.STEP;
		MapBatch b = RolloutMapLossTest.randomBatch(n, 3);
		INDArray u = RolloutMapLossTest.states(b, b.states[0]), p = ReferenceMlp.matrix(b.p[0], n, 1);
		INDArray below = ReferenceMlp.output(net, Nd4j.hstack(u, p.sub(h))), at = ReferenceMlp.output(net, Nd4j.hstack(u, p)),
			above = ReferenceMlp.output(net, Nd4j.hstack(u, p.add(h)));
		double off = below.add(above).mul(0.5).sub(at).norm2Number().doubleValue();
		double expected = weight * off * off / (n * 2);
		double base = new RolloutMapLoss(3).lossAndGradient(RolloutMapLossTest.smallNet(Activation.TANH), b, true);
		double total = new ParameterCurvaturePenalty(new RolloutMapLoss(3), weight).lossAndGradient(net, b, true);
		assertTrue(expected > 1e-4, "the small net bends along p: " + expected);
		assertEquals(expected, total - base, 1e-5 * total);
	}

	@Test
	void aMapAffineInTheParameterPaysNothing() {
		// the control-affine form G(u) + p H(u) is a straight line along p at every state
		Mlp net = new Mlp(new int[] { 2, 5, 4 }, Activation.TANH, true);
		net.initialise(new java.util.Random(1));
		MapBatch b = RolloutMapLossTest.randomBatch(3, 2);
		assertEquals(0, new ParameterCurvaturePenalty(new RolloutMapLoss(2), 10).penaltyAndGradient(net, b), 1e-10);
	}
}
