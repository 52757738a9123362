package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurodynamics.core.CancelledException;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.data.StateSequence;

class NeuralMapTest {

	@BeforeAll
	static void threads() {
		NetworkThreads.configure(1);
	}

	/** Discretised Hopf normal form about (0.2, -0.1): a stable circle of radius ~sqrt(p). */
	static double[] truth(double[] u, double p) {
		double x = u[0] - 0.2, y = u[1] + 0.1;
		double r2 = x * x + y * y;
		double dt = 0.1, c = Math.cos(dt), s = Math.sin(dt);
		double g = 1 + dt * (p - r2);
		return new double[] { g * (c * x - s * y) + 0.2, g * (s * x + c * y) - 0.1 };
	}

	static float[][] orbit(double[] u0, double p, int n) {
		float[][] s = new float[n][2];
		double[] u = u0.clone();
		for (int t = 0; t < n; t++) {
			s[t][0] = (float) u[0];
			s[t][1] = (float) u[1];
			u = truth(u, p);
		}
		return s;
	}

	static List<StateSequence> hopfData() {
		List<StateSequence> seqs = new ArrayList<>();
		Random r = new Random(11);
		for (double p : new double[] { 0.5, 1.0, 1.5 })
			for (int k = 0; k < 12; k++) {
				double a = 2 * Math.PI * r.nextDouble(), rad = 0.1 + 1.7 * r.nextDouble();
				seqs.add(new StateSequence(orbit(new double[] { 0.2 + rad * Math.cos(a), -0.1 + rad * Math.sin(a) }, p, 100), p));
			}
		return seqs;
	}

	static NeuralMap.Config smallConfig() {
		return NeuralMap.Config.of(2).withHidden(64, 64).withEpochs(40).withBatchSize(64).withLearningRate(1e-3)
			.withRolloutSteps(4).withInputNoise(0.01).withStateNoise(0.005).withSeed(3);
	}

	private static NeuralMap trained;
	private static NeuralMap.History trainedHistory;

	static synchronized NeuralMap trainedMap() {
		if (trained == null) {
			trained = new NeuralMap(smallConfig());
			trainedHistory = trained.train(hopfData(), Progress.NONE);
		}
		return trained;
	}

	@Test
	void learnsTheHopfMapAndIteratingItTracksTheTruth() {
		NeuralMap map = trainedMap();
		NeuralMap.History h = trainedHistory;
		System.out.println("Map: " + h.samplesPerSecond() + " windows/s, best epoch " + h.bestEpoch + " of " + h.epochs().size()
			+ ", validation " + h.epochs().get(h.bestEpoch - 1).validationError);
		for (NeuralMap.Epoch e : h.epochs())
			System.out.println("  epoch " + e.epoch + " loss " + e.trainingLoss + " validation " + e.validationError);
		assertTrue(h.validationWindows > 0);
		assertTrue(h.epochs().get(0).validationError > h.epochs().get(h.bestEpoch - 1).validationError);
		assertTracksTheHopfTruth(map);
	}

	/**
	 * The Hopf map is affine in p, so a control-affine map can be exact: it learns it as well
	 * as one network on (u, p), is exactly affine in p at every state (which one network is
	 * not), and its folded step, Jacobian, batches and file behave as the other form's.
	 */
	@Test
	void aControlAffineMapLearnsTheHopfMapAndIsAffineInTheParameter() throws Exception {
		// it learns more slowly than one network (validation error 4e-4 after 80 epochs against 1.6e-4 after 37)
		NeuralMap map = new NeuralMap(smallConfig().withControlAffine(true).withEpochs(80).withPatience(0));
		map.train(hopfData(), Progress.NONE);
		// the folded step is the network on standardised (u, p), scaled back
		double[] u0 = { 0.4, -0.3 }, mean = map.stateMean(), sd = map.stateStd();
		for (double p0 : new double[] { 0.5, 1.2 }) {
			float[] in = { (float) ((u0[0] - mean[0]) / sd[0]), (float) ((u0[1] - mean[1]) / sd[1]),
				(float) ((p0 - map.parameterMean()) / map.parameterStd()) };
			float[] o = map.network().output(in, 1);
			double[] next = map.step(u0, p0);
			for (int i = 0; i < 2; i++)
				assertEquals(u0[i] + sd[i] * o[i], next[i], 1e-5, "p " + p0);
		}
		assertTracksTheHopfTruth(map);
		assertJacobianAndBatchesAgree(map);
		double[][] pts = { { 0.3, -0.4 }, { 1.1, 0.2 } };
		double worstPlain = 0;
		for (double[] u : pts) {
			double[] a = map.step(u, 0.6), b = map.step(u, 1.0), c = map.step(u, 1.4);
			double[] pa = trainedMap().step(u, 0.6), pb = trainedMap().step(u, 1.0), pc = trainedMap().step(u, 1.4);
			for (int i = 0; i < 2; i++) {
				assertEquals(b[i] - a[i], c[i] - b[i], 1e-9, "second difference along p at " + Arrays.toString(u));
				worstPlain = Math.max(worstPlain, Math.abs((pb[i] - pa[i]) - (pc[i] - pb[i])));
			}
		}
		assertTrue(worstPlain > 1e-6, "one network on (u, p) is not exactly affine in p: " + worstPlain);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		map.save(out);
		NeuralMap back = NeuralMap.load(new ByteArrayInputStream(out.toByteArray()));
		assertTrue(back.config().controlAffine);
		Random r = new Random(4);
		float[] u = RolloutMapLossTest.gaussian(r, 14, 1), p = RolloutMapLossTest.gaussian(r, 7, 1);
		assertArrayEquals(step(map, u, p), step(back, u, p));
		assertEquals(map.config().toString(), back.config().toString());
	}

	/** Iterated from fresh states at trained and untrained p, the map stays near the true orbits and cycles. */
	static void assertTracksTheHopfTruth(NeuralMap map) {
		// iterate from fresh initial states at trained and untrained p, all at once as a batch
		double[] ps = { 0.5, 0.75, 1.0, 1.25, 1.5 };
		int n = ps.length;
		double[][] u = new double[n][];
		for (int i = 0; i < n; i++)
			u[i] = new double[] { 0.9 * Math.cos(i), 0.9 * Math.sin(i) };
		float[] uu = flat(u), pp = flat(new double[][] { ps });
		MapStepper stepper = map.stepper(n);
		double maxErr100 = 0, maxErr30 = 0;
		double[][] tr = new double[n][];
		for (int i = 0; i < n; i++)
			tr[i] = u[i].clone();
		double[] rMin = new double[n], rMax = new double[n];
		Arrays.fill(rMin, Double.MAX_VALUE);
		for (int t = 1; t <= 1000; t++) {
			stepper.step(uu, pp);
			for (int i = 0; i < n; i++) {
				tr[i] = truth(tr[i], ps[i]);
				if (t <= 100) {
					double dx = uu[2 * i] - tr[i][0], dy = uu[2 * i + 1] - tr[i][1];
					maxErr100 = Math.max(maxErr100, Math.hypot(dx, dy));
					if (t <= 30) maxErr30 = Math.max(maxErr30, Math.hypot(dx, dy));
				}
				if (t > 700) {
					// radius about the true cycle's centre
					double[] c = cycleCentre(ps[i]);
					double rr = Math.hypot(uu[2 * i] - c[0], uu[2 * i + 1] - c[1]);
					rMin[i] = Math.min(rMin[i], rr);
					rMax[i] = Math.max(rMax[i], rr);
				}
			}
		}
		System.out.println("Map: max error over 30 steps " + maxErr30 + ", over 100 steps " + maxErr100 + ", radius ranges " + Arrays.toString(rMin) + " " + Arrays.toString(rMax));
		// radius ~1: an error of 0.3 after 100 steps (~1.6 turns) is a phase error of a few percent
		assertTrue(maxErr30 < 0.2, "max distance to the truth over 30 steps: " + maxErr30);
		assertTrue(maxErr100 < 0.3, "max distance to the truth over 100 steps: " + maxErr100);
		// long-term: stays on a cycle close to the true one, including at untrained p
		for (int i = 0; i < n; i++) {
			double trueR = trueRadius(ps[i]);
			assertTrue(Math.abs(rMin[i] - trueR) < 0.1 * trueR && Math.abs(rMax[i] - trueR) < 0.1 * trueR,
				"p=" + ps[i] + ": radius in [" + rMin[i] + ", " + rMax[i] + "], true " + trueR);
		}
	}

	/** Centre and radius of the true invariant circle, found by iterating the true map. */
	static double[] cycleCentre(double p) {
		double[] u = { 0.5, 0 };
		for (int t = 0; t < 3000; t++)
			u = truth(u, p);
		double sx = 0, sy = 0;
		int m = 2000;
		for (int t = 0; t < m; t++) {
			u = truth(u, p);
			sx += u[0];
			sy += u[1];
		}
		return new double[] { sx / m, sy / m };
	}

	static double trueRadius(double p) {
		double[] c = cycleCentre(p);
		double[] u = { 0.5, 0 };
		for (int t = 0; t < 3000; t++)
			u = truth(u, p);
		double s = 0;
		int m = 2000;
		for (int t = 0; t < m; t++) {
			u = truth(u, p);
			s += Math.hypot(u[0] - c[0], u[1] - c[1]);
		}
		return s / m;
	}

	/** Rows, concatenated, in single precision. */
	static float[] flat(double[][] rows) {
		int d = rows[0].length;
		float[] f = new float[rows.length * d];
		for (int i = 0; i < rows.length; i++)
			for (int j = 0; j < d; j++)
				f[i * d + j] = (float) rows[i][j];
		return f;
	}

	/** All parameters of a network, concatenated. */
	static float[] params(Mlp net) {
		float[] all = new float[(int) Mlp.parameterCount(net.sizes)];
		int o = 0;
		for (float[] p : net.parameters()) {
			System.arraycopy(p, 0, all, o, p.length);
			o += p.length;
		}
		return all;
	}

	/** One step of a batch, returning the next states. */
	static float[] step(NeuralMap map, float[] u, float[] p) {
		float[] next = u.clone();
		map.stepper(p.length).step(next, p);
		return next;
	}

	@Test
	void jacobianAgreesWithFiniteDifferencesAndBatchedVersions() {
		assertJacobianAndBatchesAgree(trainedMap());
	}

	static void assertJacobianAndBatchesAgree(NeuralMap map) {
		double[][] pts = { { 0.3, -0.4 }, { 1.1, 0.2 }, { -0.7, 0.9 } };
		double[] ps = { 0.6, 1.0, 1.4 };
		for (int k = 0; k < pts.length; k++) {
			double[][] j = map.jacobian(pts[k], ps[k]);
			for (int c = 0; c < 2; c++) {
				double h = 1e-5;
				double[] a = pts[k].clone(), b = pts[k].clone();
				a[c] += h;
				b[c] -= h;
				double[] fa = map.step(a, ps[k]), fb = map.step(b, ps[k]);
				for (int r = 0; r < 2; r++)
					assertEquals((fa[r] - fb[r]) / (2 * h), j[r][c], 1e-6, "J[" + r + "][" + c + "]");
			}
		}
		// the batched single-precision step agrees with the double-precision one
		float[] next = step(map, flat(pts), flat(new double[][] { ps }));
		for (int k = 0; k < 3; k++) {
			double[] f = map.step(pts[k], ps[k]);
			for (int r = 0; r < 2; r++)
				assertEquals(f[r], next[2 * k + r], 1e-4);
		}
	}

	@Test
	void saveLoadRoundTrip() throws Exception {
		NeuralMap map = trainedMap();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		map.save(out);
		byte[] bytes = out.toByteArray();
		NeuralMap back = NeuralMap.load(new ByteArrayInputStream(bytes));
		Random r = new Random(4);
		float[] u = RolloutMapLossTest.gaussian(r, 14, 1), p = RolloutMapLossTest.gaussian(r, 7, 1);
		assertArrayEquals(step(map, u, p), step(back, u, p));
		assertArrayEquals(map.jacobian(new double[] { 0.1, 0.2 }, 0.7)[1], back.jacobian(new double[] { 0.1, 0.2 }, 0.7)[1], 0);
		assertArrayEquals(map.stateStd(), back.stateStd(), 0);
		assertEquals(map.config().toString(), back.config().toString());
		byte[] bad = bytes.clone();
		bad[bytes.length - 20] ^= 1;
		UserInputException e = assertThrows(UserInputException.class, () -> NeuralMap.load(new ByteArrayInputStream(bad)));
		assertTrue(e.getMessage().contains("damaged"), e.getMessage());
		ByteArrayOutputStream vaeBytes = new ByteArrayOutputStream();
		new VariationalAutoencoder(VariationalAutoencoder.Config.of(4)).save(vaeBytes);
		e = assertThrows(UserInputException.class, () -> NeuralMap.load(new ByteArrayInputStream(vaeBytes.toByteArray())));
		assertTrue(e.getMessage().contains("Expected a saved neural network map"), e.getMessage());
		// training choices stored behind the weights round-trip as well
		NeuralMap tuned = new NeuralMap(smallConfig().withTeacherForcing(0.2, 0.05).withIncrementScaling(true).withLearningRateEnd(0.02));
		ByteArrayOutputStream o3 = new ByteArrayOutputStream();
		tuned.save(o3);
		assertEquals(tuned.config().toString(), NeuralMap.load(new ByteArrayInputStream(o3.toByteArray())).config().toString());
		// an untrained map round-trips too, and refuses to step
		NeuralMap fresh = new NeuralMap(smallConfig());
		ByteArrayOutputStream o2 = new ByteArrayOutputStream();
		fresh.save(o2);
		NeuralMap freshBack = NeuralMap.load(new ByteArrayInputStream(o2.toByteArray()));
		assertFalse(freshBack.isTrained());
		assertArrayEquals(params(fresh.network()), params(freshBack.network()));
		assertThrows(IllegalStateException.class, () -> freshBack.stepper(7));
	}

	@Test
	void cancellationLeavesTheMapUnchangedAndUsable() {
		NeuralMap map = new NeuralMap(smallConfig().withEpochs(2));
		float[] before = params(map.network());
		int[] calls = { 0 };
		Progress cancelLater = new Progress() {
			@Override
			public void report(String stage, double fraction, String message) {}

			@Override
			public boolean isCancelled() {
				return ++calls[0] > 10;
			}
		};
		assertThrows(CancelledException.class, () -> map.train(hopfData(), cancelLater));
		assertArrayEquals(before, params(map.network()));
		assertFalse(map.isTrained());
		map.train(hopfData().subList(0, 2), Progress.NONE);
		assertTrue(map.isTrained());
	}

	@Test
	void theTrainingLoopDrawsWindowsAsLongAsTheLossAsks() {
		List<StateSequence> data = hopfData().subList(0, 2);
		NeuralMap.Config c = NeuralMap.Config.of(2).withHidden(8).withEpochs(1).withRolloutSteps(2);
		// 100 states, 10 held out: 90 training states give 90 - k windows of k steps
		assertEquals(2 * (90 - 2), new NeuralMap(c).train(data, Progress.NONE).trainingWindows);
		int[] calls = { 0 };
		MapLoss sixSteps = new MapLoss() {
			final RolloutMapLoss rollout = new RolloutMapLoss(6);

			@Override
			public int windowSteps() { return 6; }

			@Override
			public double lossAndGradient(Mlp net, MapBatch batch, boolean increment) {
				assertEquals(6, batch.steps);
				calls[0]++;
				return rollout.lossAndGradient(net, batch, increment);
			}
		};
		NeuralMap map = new NeuralMap(c);
		NeuralMap.History h = map.train(data, sixSteps, Progress.NONE);
		assertEquals(2 * (90 - 6), h.trainingWindows);
		assertTrue(calls[0] > 0);
		assertTrue(map.isTrained());
	}

	@Test
	void incrementScalingLearnsASlowDriftThatTheFastCoordinateWouldDrown() {
		// a fast oscillation (steps of about 0.35) and a slow ramp (steps of 1/n) of similar
		// range: the map must learn both; in one unit for all coordinates the ramp's steps
		// weigh a millionth of the oscillation's in the loss
		int n = 2000;
		float[][] u = new float[n][];
		for (int t = 0; t < n; t++) u[t] = new float[] { (float) Math.sin(0.5 * t), (float) (t / (double) n - 0.5) };
		List<StateSequence> seq = List.of(new StateSequence(u, 1.0));
		NeuralMap.Config c = NeuralMap.Config.of(2).withHidden(32, 32).withRolloutSteps(1).withInputNoise(0).withStateNoise(0)
			.withEpochs(30).withValidationFraction(0);
		double[] slowError = new double[2];
		for (int s = 0; s < 2; s++) {
			NeuralMap map = new NeuralMap(c.withIncrementScaling(s == 1));
			map.train(seq, Progress.NONE);
			double sum = 0;
			for (int t = 100; t < n - 100; t += 50) {
				double[] next = map.step(new double[] { u[t][0], u[t][1] }, 1.0);
				sum += Math.abs((next[1] - u[t][1]) - 1.0 / n) * n; // error of the ramp's step, in steps
			}
			slowError[s] = sum / ((n - 200) / 50);
		}
		assertTrue(slowError[1] < 0.5, "ramp step error with increment scaling: " + slowError[1] + " steps");
		assertTrue(slowError[1] < 0.2 * slowError[0], "with " + slowError[1] + ", without " + slowError[0]);
	}

	@Test
	void tooShortSequencesAreAClearError() {
		List<StateSequence> s = List.of(new StateSequence(new float[5][2], 1.0));
		UserInputException e = assertThrows(UserInputException.class, () -> new NeuralMap(NeuralMap.Config.of(2)).train(s, Progress.NONE));
		assertTrue(e.getMessage().contains("too short"), e.getMessage());
	}

	@Test
	void theLearningRateFollowsACosineFromItsStartToTheFinalFraction() {
		assertEquals(1, MapTrainer.cosine(0, 40, 0.02), 0);
		assertEquals(0.02, MapTrainer.cosine(39, 40, 0.02), 1e-12);
		assertEquals(0.51, MapTrainer.cosine(39, 79, 0.02), 1e-12); // half-way
		assertEquals(1, MapTrainer.cosine(17, 40, 1), 0); // constant
		assertThrows(UserInputException.class, () -> new NeuralMap(smallConfig().withLearningRateEnd(0)));
	}

	/** A relaxation towards the input: x follows p, y follows x. */
	static float[] relax(float[] u, double p) {
		return new float[] { (float) (u[0] + 0.2 * (p - u[0])), (float) (u[1] + 0.2 * (u[0] - u[1])) };
	}

	@Test
	void aMapTrainedOnDrivenSequencesFollowsTheDriveStepByStep() {
		// sequences under a stepped input (rest at 0, a step to a random level, back to 0), as a command waveform
		Random r = new Random(5);
		List<StateSequence> seqs = new ArrayList<>();
		for (int k = 0; k < 24; k++) {
			double level = 2 * r.nextDouble() - 1;
			int n = 120;
			float[][] u = new float[n][];
			float[] drive = new float[n];
			u[0] = new float[2];
			for (int t = 0; t < n; t++) {
				drive[t] = t >= 30 && t < 80 ? (float) level : 0f;
				if (t + 1 < n) u[t + 1] = relax(u[t], drive[t]);
			}
			seqs.add(new StateSequence(u, level, drive));
		}
		NeuralMap map = new NeuralMap(NeuralMap.Config.of(2).withHidden(32, 32).withEpochs(40).withBatchSize(64).withLearningRate(2e-3).withValidationFraction(0)
			.withRolloutSteps(4).withSeed(1));
		map.train(seqs, Progress.NONE);
		// a level between the trained ones, switched on and off: the map follows the truth
		float[] u = new float[2], truth = new float[2];
		MapStepper stepper = map.stepper(1);
		double worst = 0;
		for (int t = 0; t < 100; t++) {
			float p = t >= 20 && t < 60 ? 0.37f : 0f;
			stepper.step(u, new float[] { p });
			truth = relax(truth, p);
			worst = Math.max(worst, Math.hypot(u[0] - truth[0], u[1] - truth[1]));
		}
		// a map that saw only each sequence's level would drift towards 0.37 before the step: up to 0.3 away
		assertTrue(worst < 0.08, "largest distance to the driven truth: " + worst);
	}
}
