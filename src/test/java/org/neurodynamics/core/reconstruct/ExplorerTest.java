package org.neurodynamics.core.reconstruct;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.Progress;

/** Exploring a saved and loaded model over parameter values: orbits, sweeps, ensemble labels. */
class ExplorerTest {

	@Test
	void exploresALoadedModelAtEveryGridValue(@TempDir Path dir) throws Exception {
		ReconstructionSettings s = ReconstructionTest.quick();
		s.analyseDimension = false; // exploration only needs some model: skip the dimension analysis
		s.stateDimension = 2;
		Reconstruction.Result r = Reconstruction.run(ReconstructionTest.traces(2.0, 3.0), s, Progress.NONE);
		Path file = dir.resolve("model.ndmodel");
		r.model.save(file);
		ReconstructedModel loaded = ReconstructedModel.load(file);

		Explorer.Settings e = new Explorer.Settings();
		e.grid = new double[] { 1.5, 2.5, 3.5 };
		e.iterations = 300;
		e.transientSteps = 100;
		e.initialStates = 2;
		e.lyapunovSteps = 50;
		e.sweepSteps = 200;
		List<Explorer.Point> points = Explorer.explore(loaded, e, Progress.NONE);
		assertEquals(3, points.size());
		assertEquals(300, points.get(1).orbits[1].length);
		assertEquals(4, points.get(1).orbits.length, "two initial states plus the up and down sweeps");
		assertEquals(100, points.get(2).orbits[3].length);
		assertEquals(loaded.ensembleSize(), points.get(0).memberLabels.length);
		assertEquals(points.get(0).label(), points.get(0).memberLabels[0]);
		// the ensemble votes by regime class; the next recording goes where it is split most inside the recorded range
		List<Explorer.Point> votes = java.util.Arrays.asList(point(1.5, "rest", "tonic", "bursting-2"), point(2.0, "tonic", "rest", "rest"),
			point(2.25, "tonic", "tonic", "tonic"), point(2.5, "bursting-3", "tonic", "bursting-4"), point(2.75, "rest", "tonic", "tonic"));
		assertEquals("bursting-3", votes.get(3).ensembleLabel());
		assertEquals(2, votes.get(3).membersAgreeing());
		assertTrue(votes.get(3).uncertain());
		assertEquals("tonic", votes.get(4).ensembleLabel(), "the majority, not the kept map");
		assertFalse(votes.get(2).uncertain());
		assertEquals(2.5, Explorer.suggestNextRecording(loaded, votes), 0, "outside the recorded 2-3 and at a recorded value do not count; 2.5 is farther from one than 2.75");
		assertTrue(Double.isNaN(Explorer.suggestNextRecording(loaded, votes.subList(2, 3))), "no suggestion where the members agree");
		float[][] orbit = Explorer.orbit(loaded, 2.5, 0, 300, 10);
		assertEquals(300, orbit.length);
		assertEquals(300, loaded.decodeObserved(orbit).length);
	}

	private static Explorer.Point point(double p, String... members) {
		return new Explorer.Point(p, new float[1][], new org.neurodynamics.core.analysis.RegimeStats[1], 0, java.util.Collections.emptyList(), false, members);
	}
}
