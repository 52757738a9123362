package org.neurodynamics.core.reconstruct;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.data.StateSequence;
import org.neurodynamics.core.nn.NeuralMap;

class MapCandidatesTest {

	static List<StateSequence> noisyRotations() {
		List<StateSequence> seqs = new ArrayList<>();
		Random r = new Random(1);
		for (double p : new double[] { 0.1, 0.2, 0.3 }) {
			float[][] u = new float[400][2];
			double x = 1, y = 0;
			for (int t = 0; t < u.length; t++) {
				u[t][0] = (float) x;
				u[t][1] = (float) y;
				double c = Math.cos(p), s = Math.sin(p);
				double nx = c * x - s * y + 0.01 * r.nextGaussian(), ny = s * x + c * y;
				x = nx;
				y = ny;
			}
			seqs.add(new StateSequence(u, p));
		}
		return seqs;
	}

	static byte[] bytes(NeuralMap map) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		map.save(out);
		return out.toByteArray();
	}

	@Test
	void mapsTrainedSideBySideAreTheMapsTrainedOneAfterTheOther() throws Exception {
		List<StateSequence> data = noisyRotations();
		NeuralMap.Config base = NeuralMap.Config.of(2).withHidden(32, 32).withEpochs(3).withBatchSize(32).withRolloutSteps(4);
		List<NeuralMap> parallel = new ArrayList<>();
		MapCandidates.Judge judge = new MapCandidates.Judge() {
			@Override
			public ReconstructedModel model(int m, NeuralMap map) {
				synchronized (parallel) {
					parallel.add(map);
				}
				return null;
			}

			@Override
			public SelfCheck.Result check(int m, ReconstructedModel model) {
				return new SelfCheck.Result(List.of(), 0);
			}
		};
		List<MapCandidates.Candidate> c = MapCandidates.train(3, m -> base.withSeed(10 + m), m -> data, judge, Progress.NONE);
		assertEquals(3, c.size());
		for (int m = 0; m < 3; m++) {
			NeuralMap alone = new NeuralMap(base.withSeed(10 + m));
			NeuralMap.History h = alone.train(data, Progress.NONE);
			// candidates come back in the order of their seeds
			assertEquals(h.last().trainingLoss, c.get(m).history.last().trainingLoss, 0);
			byte[] expected = bytes(alone);
			assertTrue(parallel.stream().anyMatch(p -> {
				try {
					return java.util.Arrays.equals(expected, bytes(p));
				}
				catch (Exception e) {
					throw new AssertionError(e);
				}
			}), "map of seed " + (10 + m) + " differs when trained beside the others");
		}
	}
}
