package org.neurodynamics.core.reconstruct;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.CancelledException;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.model.HindmarshRose;
import org.neurodynamics.core.model.ModelSimulator;
import org.neurodynamics.core.trace.Trace;

/** The whole pipeline on short Hindmarsh-Rose traces with small networks (quality is benchmarked, not tested here). */
class ReconstructionTest {

	static List<Trace> traces(double... currents) {
		List<Trace> out = new ArrayList<>();
		ModelSimulator sim = new ModelSimulator(new HindmarshRose());
		for (double i : currents) out.add(sim.trace(0, i, 600, 500, 0.5, 0, 1, Progress.NONE));
		return out;
	}

	static ReconstructionSettings quick() {
		ReconstructionSettings s = new ReconstructionSettings();
		s.autoencoderHidden = new int[] { 32, 16 };
		s.mapHidden = new int[] { 32, 32 };
		s.autoencoderEpochs = 3;
		s.mapEpochs = 2;
		s.latentSize = 4;
		s.seed = 3;
		return s;
	}

	@Test
	void holdingOutEveryOtherTraceTrainsOnHalfAndPredictsTheRest() {
		ReconstructionSettings s = quick();
		s.holdOutEveryOther = true;
		Reconstruction.Result r = Reconstruction.run(traces(1.5, 2.0, 2.5, 3.0, 3.5), s, Progress.NONE);
		assertArrayEquals(new double[] { 1.5, 2.5, 3.5 }, r.model.trainingParameters(), 0);
		assertEquals(3, r.selfCheck.traces().size());
		assertEquals(2, r.heldOut.predictions().size());
		HeldOutCheck.Prediction p = r.heldOut.predictions().get(0);
		assertEquals(2.0, p.parameter, 0);
		assertTrue(p.startedFrom.contains("I=1.5") || p.startedFrom.contains("I=2.5"), p.startedFrom);
		// the recording's own spikes, counted by the reconstruction's detector, over the stretch after the window
		assertTrue(p.recordedRate > 0, "HR at I = 2 spikes");
		assertEquals(p.agrees(), org.neurodynamics.core.analysis.SpikeDetector.countsAgree(p.recorded.spikeCount(), p.predicted.spikeCount()));
		assertTrue(r.heldOut.summary().startsWith(r.heldOut.agreeing() + " of 2"), r.heldOut.summary());
		assertNull(Reconstruction.run(traces(2.0, 3.0), quick(), Progress.NONE).heldOut);
		s.holdOutEveryOther = true;
		assertThrows(UserInputException.class, () -> Reconstruction.run(traces(2.0), s, Progress.NONE));
	}

	@Test
	void tracesUnderAStimulusDriveTheMapAndAreJudgedOverTheirStep() {
		// the step at each trace's current from a third of the way in, holding 0 before it
		List<Trace> driven = new ArrayList<>();
		for (Trace t : traces(1.5, 2.0, 2.5, 3.0, 3.5)) {
			float[] stimulus = new float[t.length()];
			for (int i = t.length() / 3; i < stimulus.length; i++) stimulus[i] = (float) t.parameter();
			driven.add(t.withStimulus(stimulus));
		}
		ReconstructionSettings s = quick();
		s.holdOutEveryOther = true;
		Reconstruction.Result r = Reconstruction.run(driven, s, Progress.NONE);
		assertTrue(r.driven);
		assertFalse(Reconstruction.run(traces(2.0, 3.0), quick(), Progress.NONE).driven);
		assertArrayEquals(new double[] { 1.5, 2.5, 3.5 }, r.model.trainingParameters(), 0);
		assertEquals(2, r.heldOut.predictions().size());
		int span = r.model.layout().span();
		for (int k = 0; k < 2; k++) {
			HeldOutCheck.Prediction p = r.heldOut.predictions().get(k);
			// the recorded rate is counted over the step only: its spikes per its duration
			Trace held = driven.get(2 * k + 1).subsample(r.model.subsampling());
			float[] x = held.samples(), stimulus = held.stimulus();
			int len = x.length - span - 1;
			int[] step = Trace.longestRunAt(java.util.Arrays.copyOfRange(stimulus, span, span + len), p.parameter, len);
			double[] onStep = new double[step[1] - step[0]];
			for (int i = 0; i < onStep.length; i++) onStep[i] = x[span + 1 + step[0] + i];
			int spikes = r.model.classifier().classify(onStep, r.model.dt()).spikeCount();
			assertTrue(spikes > 0, p.name);
			assertEquals(spikes / (onStep.length * r.model.dt()), p.recordedRate, 1e-12, p.name);
			assertTrue(p.startedFrom.contains("I="), p.startedFrom);
		}
		assertEquals(3, r.selfCheck.traces().size());
	}

	@Test
	void reconstructsSavesAndLoads(@TempDir Path dir) throws Exception {
		Reconstruction.Result r = Reconstruction.run(traces(2.0, 3.0), quick(), Progress.NONE);
		assertTrue(r.active.length >= 1 && r.active.length <= 4);
		assertEquals(3, r.autoencoderHistory.epochs().size());
		assertEquals(0.5 * r.embedding.subsampling, r.model.dt(), 1e-12);
		// every hyper-parameter of the networks comes from the settings, none from core.nn's defaults
		ReconstructionSettings q = quick();
		org.neurodynamics.core.nn.NeuralMap.Config map = r.model.map().config();
		assertEquals(q.rolloutSteps, map.rolloutSteps);
		assertEquals(q.inputNoise, map.inputNoise, 0);
		assertEquals(q.stateNoise, map.stateNoise, 0);
		assertEquals(q.mapValidationFraction, map.validationFraction, 0);
		assertEquals(q.mapValidationSteps, map.validationSteps);
		assertEquals(q.mapPatience, map.patience);
		assertEquals(q.beta, r.model.autoencoder().config().beta, 0);
		assertEquals(q.autoencoderLearningRate, r.model.autoencoder().config().learningRate, 0);

		Path file = dir.resolve("model.ndmodel");
		r.model.save(file);
		ReconstructedModel loaded = ReconstructedModel.load(file);
		float[][] u = { r.model.initialState(0) };
		float[] p = { 2.5f };
		assertArrayEquals(step(r.model.map(), u[0], p), step(loaded.map(), u[0], p), 1e-6f);
		assertArrayEquals(r.model.decodeObserved(u), loaded.decodeObserved(u), 1e-6f);
		// The observed variable is the newest sample of the decoded delay vector, in input units.
		float first = r.model.autoencoder().decodeMean(u, r.model.activeCoordinates())[0][0];
		assertEquals(r.model.normalisation().invert(first), r.model.decodeObserved(u)[0], 1e-5);
		assertArrayEquals(new double[] { 2.0, 3.0 }, loaded.trainingParameters());
		// the self-check judged every trained map at both recorded values; the ensemble and the
		// window layout and spike thresholds survive the file
		assertEquals(r.candidateChecks.size(), quick().mapCandidates);
		assertEquals(2, r.selfCheck.traces().size());
		assertEquals(r.model.ensembleSize(), loaded.ensembleSize());
		for (int m = 0; m < loaded.ensembleSize(); m++)
			assertArrayEquals(step(r.model.member(m), u[0], p), step(loaded.member(m), u[0], p), 1e-6f);
		assertEquals(r.model.layout().toString(), loaded.layout().toString());
		assertEquals(r.model.spikeThresholds().threshold, loaded.spikeThresholds().threshold, 1e-12);
		// every other member has an autoencoder and a first state of its own, and they survive the file too
		assertEquals(quick().mapCandidates, loaded.ensembleSize());
		for (int m = 1; m < loaded.ensembleSize(); m++) {
			assertNotSame(r.model.autoencoder(), r.model.memberModel(m).autoencoder());
			float[][] v = { r.model.memberModel(m).initialState(0) };
			assertArrayEquals(v[0], loaded.memberModel(m).initialState(0), 0);
			assertArrayEquals(r.model.memberModel(m).decodeObserved(v), loaded.memberModel(m).decodeObserved(v), 1e-6f);
			assertFalse(java.util.Arrays.equals(r.model.decodeObserved(v), r.model.memberModel(m).decodeObserved(v)), "member " + m + " decodes with its own autoencoder");
		}
	}

	/**
	 * Untrained maps fail the self-check everywhere, bursting recordings included: the
	 * reconstruction then tries one state coordinate more and says which dimension it kept.
	 */
	@Test
	void theStateDimensionAnswersToTheSelfCheckAtBurstingRecordings() {
		ReconstructionSettings s = quick();
		s.analyseDimension = false;
		s.stateDimensionMargin = 0;
		s.dimensionBeta = 50; // collapses all but the coordinates the spiking floor keeps: 2
		s.latentSize = 8;
		s.mapEpochs = 1;
		s.learningRate = 1e-12; // maps that stay as initialised
		s.mapCandidates = 1;
		List<Trace> bursting = traces(2.0, 2.4);
		Reconstruction.Result r = Reconstruction.run(bursting, s, Progress.NONE);
		assertTrue(r.selfCheck.traces().stream().anyMatch(c -> c.recorded.regime() == org.neurodynamics.core.analysis.RegimeStats.Regime.BURSTING),
			"Hindmarsh-Rose bursts at I = 2.0 or 2.4");
		assertTrue(r.dimensionReason.contains("failed at a bursting recording"), r.dimensionReason);
		assertEquals(r.dimensionReason.contains("raised to 3") ? 3 : 2, r.active.length, r.dimensionReason);
	}

	@Test
	void modelFilesThatAreCorruptOrFromAnotherVersionGetClearMessages(@TempDir Path dir) throws Exception {
		Path junk = dir.resolve("junk.ndmodel");
		Files.writeString(junk, "not a model");
		UserInputException e = assertThrows(UserInputException.class, () -> ReconstructedModel.load(junk));
		assertTrue(e.getMessage().contains("junk.ndmodel"), e.getMessage());

		Reconstruction.Result r = Reconstruction.run(traces(2.0), quick(), Progress.NONE);
		Path good = dir.resolve("good.ndmodel");
		r.model.save(good);
		byte[] bytes = Files.readAllBytes(good);
		Path truncated = dir.resolve("truncated.ndmodel");
		Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		assertThrows(UserInputException.class, () -> ReconstructedModel.load(truncated));
	}

	@Test
	void badTracesAreRefusedWithTheirNames() {
		List<Trace> t = traces(2.0);
		t.add(new Trace("flat", new float[200], 0.5, "", ""));
		UserInputException e = assertThrows(UserInputException.class, () -> Reconstruction.run(t, quick(), Progress.NONE));
		assertTrue(e.getMessage().contains("flat"), e.getMessage());
	}

	@Test
	void cancellingStopsTraining() {
		Progress cancelled = new Progress() {
			@Override public void report(String stage, double fraction, String message) {}
			@Override public boolean isCancelled() { return true; }
		};
		assertThrows(CancelledException.class, () -> Reconstruction.run(traces(2.0), quick(), cancelled));
	}

	/** One map step of a single state. */
	static float[] step(org.neurodynamics.core.nn.NeuralMap map, float[] u, float[] p) {
		float[] next = u.clone();
		map.stepper(1).step(next, p);
		return next;
	}
}
