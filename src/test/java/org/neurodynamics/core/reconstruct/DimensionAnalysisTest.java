package org.neurodynamics.core.reconstruct;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.trace.Trace;

/** The decision rule on synthetic curves, and the whole analysis with tiny settings (quality is benchmarked). */
class DimensionAnalysisTest {

	@Test
	void readsTheFirstLatentSizeAtTheFloor() {
		// a steep fall to a floor at L = 3, small training wiggles after it
		assertEquals(3, DimensionAnalysis.decide(new double[] { 0.5, 0.2, 0.031, 0.027, 0.03 }, 0.25, 0.02));
		// a shallow step above the floor is not enough
		assertEquals(3, DimensionAnalysis.decide(new double[] { 0.48, 0.13, 0.08, 0.066, 0.069 }, 0.25, 0.0));
		// a limit cycle: two coordinates make the future exact
		assertEquals(2, DimensionAnalysis.decide(new double[] { 0.3, 1e-4, 1e-4, 2e-4, 1e-4 }, 0.25, 0.02));
		// no floor: the largest size tried
		assertEquals(5, DimensionAnalysis.decide(new double[] { 0.9, 0.7, 0.5, 0.3, 0.1 }, 0.25, 0.0));
		// a single flat curve: one coordinate
		assertEquals(1, DimensionAnalysis.decide(new double[] { 0.1, 0.1, 0.1 }, 0.25, 0.0));
	}

	@Test
	void runsOnAShortTraceAndReportsEveryLatentSizeAndSeed() {
		List<Trace> traces = ReconstructionTest.traces(3.0);
		DimensionAnalysis.Settings s = new DimensionAnalysis.Settings();
		s.maxLatent = 3;
		s.seeds = 2;
		s.epochs = 2;
		s.samplesPerEpoch = 512;
		s.hidden = new int[] { 16 };
		s.queries = 40;
		s.references = 400;
		s.bootstrap = 20;
		DimensionAnalysis.Result r = DimensionAnalysis.run(traces, s, Progress.NONE);
		assertArrayEquals(new int[] { 1, 2, 3 }, r.latentSizes);
		assertEquals(3, r.runs.length);
		assertEquals(2, r.runs[0].length);
		assertTrue(r.dimension >= 1 && r.dimension <= 3);
		assertTrue(r.confidence >= 0 && r.confidence <= 1);
		assertEquals(20, java.util.Arrays.stream(r.votes).sum());
		for (DimensionAnalysis.Run[] row : r.runs)
			for (DimensionAnalysis.Run run : row) {
				assertTrue(Double.isFinite(run.forecastError) && run.forecastError >= 0);
				assertEquals(2, run.history.epochs().size());
				assertEquals(run.latentSize, run.history.last().klPerCoordinate().length);
			}
		assertTrue(r.summary().contains("state dimension " + r.dimension));
	}

	@Test
	void reconstructionUsesTheAnalysedDimensionWhenAsked() {
		ReconstructionSettings s = ReconstructionTest.quick();
		s.analyseDimension = true;
		s.latentSize = 3;
		// tiny analysis through the reconstruction path
		Reconstruction.Result r = Reconstruction.run(ReconstructionTest.traces(3.0), s, Progress.NONE);
		assertNotNull(r.dimensionAnalysis);
		assertEquals(Math.min(r.dimensionAnalysis.dimension + s.stateDimensionMargin, 3), r.active.length);
		// the analysis ran on the reconstruction's own embedding, not a second one
		assertSame(r.embedding, r.dimensionAnalysis.embedding);
	}

	@Test
	void theStateGetsTheMarginBeyondTheAnalysedDimension() {
		ReconstructionSettings s = ReconstructionTest.quick();
		s.analyseDimension = true;
		s.latentSize = 8;
		s.stateDimensionMargin = 2;
		Reconstruction.Result r = Reconstruction.run(ReconstructionTest.traces(3.0), s, Progress.NONE);
		int read = r.dimensionAnalysis.dimension;
		assertEquals(Math.min(read + 2, 8), r.active.length);
		if (read + 2 <= 8) assertTrue(r.dimensionReason.contains(read + " plus 2"), r.dimensionReason);
		s.stateDimensionMargin = -1;
		assertThrows(UserInputException.class, () -> Reconstruction.run(ReconstructionTest.traces(3.0), s, Progress.NONE));
	}

	@Test
	void takesEmbeddingSeedAndBatchFromTheReconstruction() {
		ReconstructionSettings r = new ReconstructionSettings();
		r.slowBins = 7;
		r.seed = 42;
		r.batchSize = 64;
		r.latentSize = 3;
		DimensionAnalysis.Settings s = DimensionAnalysis.Settings.forReconstruction(r);
		assertSame(r, s.reconstruction);
		assertEquals(3, s.maxLatent);
		// a default analysis embeds as a default reconstruction does
		ReconstructionSettings d = new ReconstructionSettings();
		DimensionAnalysis.Settings standalone = new DimensionAnalysis.Settings();
		assertEquals(d.slowBins, standalone.reconstruction.slowBins);
		assertEquals(d.seed, standalone.reconstruction.seed);
		assertEquals(DimensionAnalysis.DEFAULT_MAX_LATENT, standalone.maxLatent);
	}

	@Test
	void rejectsSettingsOutOfRange() {
		DimensionAnalysis.Settings s = new DimensionAnalysis.Settings();
		s.maxLatent = 1;
		assertThrows(UserInputException.class, () -> DimensionAnalysis.run(ReconstructionTest.traces(3.0), s, Progress.NONE));
	}
}
