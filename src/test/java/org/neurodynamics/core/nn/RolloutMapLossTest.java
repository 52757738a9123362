package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class RolloutMapLossTest {

	@BeforeAll
	static void threads() {
		NetworkThreads.configure(1);
	}

	/** A map network for state dimension 2, hidden 5-4. */
	static Mlp smallNet(Activation act) {
		Mlp net = new Mlp(new int[] { 3, 5, 4, 2 }, act);
		net.initialise(new Random(0));
		return net;
	}

	/** n random windows of k steps in dimension 2, a parameter that changes every step, noise of std 0.1. */
	static MapBatch randomBatch(int n, int k) {
		Random r = new Random(n * 31L + k);
		float[][] states = new float[k + 1][], noise = new float[k][], p = new float[k][];
		for (int j = 0; j <= k; j++)
			states[j] = gaussian(r, n * 2, 1);
		for (int j = 0; j < k; j++) {
			noise[j] = gaussian(r, n * 2, 0.1);
			p[j] = gaussian(r, n, 1);
		}
		return MapBatch.of(states, p, noise);
	}

	static float[] gaussian(Random r, int len, double sd) {
		float[] a = new float[len];
		for (int i = 0; i < len; i++)
			a[i] = (float) (sd * r.nextGaussian());
		return a;
	}

	/** States j of the batch as a double n x d matrix. */
	static INDArray states(MapBatch b, float[] s) {
		return ReferenceMlp.matrix(s, b.n, b.d);
	}

	/** The reference network's next states from s at step j (increment or direct form). */
	static INDArray next(Mlp net, MapBatch b, INDArray s, int j, boolean inc) {
		INDArray out = ReferenceMlp.output(net, Nd4j.hstack(s, ReferenceMlp.matrix(b.p[j], b.n, 1)));
		return inc ? s.add(out) : out;
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
				assertTrue(e.within(1e-3), act + " increment=" + inc + ": " + e);
			}
	}

	/** A control-affine network (G, H from the state, p multiplying H): its gradients, in both forms and with a scale. */
	@Test
	void controlAffineGradientsAgreeWithFiniteDifferences() {
		for (boolean inc : new boolean[] { true, false }) {
			Mlp net = new Mlp(new int[] { 2, 5, 4, 4 }, Activation.TANH, true);
			net.initialise(new Random(1));
			MapBatch b = randomBatch(3, 3);
			if (inc) b.scale = new float[] { 0.05f, 0.8f };
			RolloutMapLoss loss = new RolloutMapLoss(3);
			GradientCheck.Error e = GradientCheck.check(() -> loss.lossAndGradient(net, b, inc), net)[0];
			assertTrue(e.maxGradient > 1e-3, "increment=" + inc + ": " + e);
			assertTrue(e.within(1e-3), "increment=" + inc + ": " + e);
		}
	}

	@Test
	void gradientsWithAnIncrementScaleAgreeWithFiniteDifferences() {
		Mlp net = smallNet(Activation.TANH);
		MapBatch b = randomBatch(3, 3);
		b.scale = new float[] { 0.05f, 0.8f };
		RolloutMapLoss loss = new RolloutMapLoss(3);
		GradientCheck.Error e = GradientCheck.check(() -> loss.lossAndGradient(net, b, true), net)[0];
		assertTrue(e.maxGradient > 1e-3, e.toString());
		assertTrue(e.within(1e-3), e.toString());
	}

	@Test
	void withAnIncrementScaleTheNetworkPredictsStepsAndTheLossCountsThemInTheirOwnUnits() {
		Mlp net = smallNet(Activation.TANH);
		int n = 4, k = 3;
		MapBatch b = randomBatch(n, k);
		float[] scale = { 0.05f, 0.8f };
		b.scale = scale;
		INDArray sc = Nd4j.create(new double[][] { { scale[0], scale[1] } });
		INDArray s = states(b, b.states[0]).add(states(b, b.noise[0]));
		double sse = 0;
		for (int j = 0; j < k; j++) {
			INDArray out = ReferenceMlp.output(net, Nd4j.hstack(s, ReferenceMlp.matrix(b.p[j], b.n, 1)));
			INDArray next = s.add(out.mulRowVector(sc));
			double e = next.sub(states(b, b.states[j + 1])).divRowVector(sc).norm2Number().doubleValue();
			sse += e * e;
			s = j + 1 < k ? next.add(states(b, b.noise[j + 1])) : next;
		}
		double expected = sse / (k * n * 2);
		assertEquals(expected, new RolloutMapLoss(k).lossAndGradient(net, b, true), 1e-6 * expected);
	}

	@Test
	void lossIsTheMeanSquaredDistanceOfTheIterates() {
		Mlp net = smallNet(Activation.TANH);
		int n = 4, k = 3;
		MapBatch b = randomBatch(n, k);
		for (boolean inc : new boolean[] { true, false }) {
			INDArray s = states(b, b.states[0]).add(states(b, b.noise[0]));
			double sse = 0;
			for (int j = 0; j < k; j++) {
				INDArray next = next(net, b, s, j, inc);
				double e = next.sub(states(b, b.states[j + 1])).norm2Number().doubleValue();
				sse += e * e;
				s = j + 1 < k ? next.add(states(b, b.noise[j + 1])) : next;
			}
			double expected = sse / (k * n * 2);
			assertEquals(expected, new RolloutMapLoss(k).lossAndGradient(net, b, inc), 1e-6 * expected);
		}
	}

	@Test
	void aLongerBatchIsAcceptedAndTooShortOneRefused() {
		Mlp net = smallNet(Activation.TANH);
		MapBatch b = randomBatch(2, 5);
		double l5 = new RolloutMapLoss(3).lossAndGradient(net, b, true);
		assertEquals(new RolloutMapLoss(3).lossAndGradient(net, MapBatch.of(java.util.Arrays.copyOf(b.states, 4), java.util.Arrays.copyOf(b.p, 3),
			java.util.Arrays.copyOf(b.noise, 3)), true), l5, 0);
		assertThrows(IllegalArgumentException.class, () -> new RolloutMapLoss(6).lossAndGradient(net, b, true));
	}
}
