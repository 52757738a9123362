package org.neurodynamics.core.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.CorticalCurrent;
import org.neurodynamics.core.cable.CurrentStep;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Protocol;

class HeldOutSweepsTest {

	private static final double[] CURRENTS = { -0.05, 0.15, 0.3 };

	/** Three steps of a model (one quiet, two spiking) as a synthetic recorded family. */
	private static StepFamily family(CableModel model, double[] theta) {
		double dt = 0.05;
		List<Protocol> ps = new ArrayList<>();
		List<float[]> blank = new ArrayList<>();
		for (double i : CURRENTS) {
			ps.add(new Protocol(List.of(new Injection(0, new CurrentStep(20, 150, i))), dt, 200));
			blank.add(new float[4001]);
		}
		StepFamily empty = new StepFamily(ps, blank, CURRENTS, dt, 400, 3400);
		List<float[]> recorded = new ArrayList<>();
		for (int s = 0; s < CURRENTS.length; s++) recorded.add(empty.simulate(model, theta, s, 0));
		return new StepFamily(ps, recorded, CURRENTS, dt, 400, 3400);
	}

	@Test
	void theRecordingItselfPredictsEveryHeldOutSweepAndABlownUpModelNone() {
		CableModel m = CableModels.corticalNeuron();
		StepFamily f = family(m, m.defaults());
		List<float[]> same = new ArrayList<>();
		for (int s = 0; s < f.size(); s++) same.add(f.voltage(s));
		assertTrue(f.spikes(same.get(1)) > 0 && f.spikes(same.get(2)) > 0 && f.spikes(same.get(0)) == 0,
			"one quiet and two spiking sweeps: " + f.spikes(same.get(0)) + ", " + f.spikes(same.get(1)) + ", " + f.spikes(same.get(2)));
		HeldOutSweeps perfect = HeldOutSweeps.of(f, same, new int[] { 1 });
		assertEquals(1, perfect.spiking);
		assertEquals(1, perfect.countsRight);
		assertEquals(1, perfect.quiet);
		assertEquals(0, perfect.meanSteadyError, 1e-12);

		List<float[]> silentAndShifted = new ArrayList<>();
		for (int s = 0; s < f.size(); s++) {
			float[] v = new float[f.voltage(s).length];
			Arrays.fill(v, (float) f.steadyState(f.voltage(s)) + 3);
			silentAndShifted.add(v);
		}
		HeldOutSweeps wrong = HeldOutSweeps.of(f, silentAndShifted, new int[] { 1 });
		assertEquals(0, wrong.countsRight);
		assertEquals(3, wrong.meanSteadyError, 1e-4);
		List<float[]> blownUp = new ArrayList<>(Arrays.asList(null, null, null));
		assertTrue(Double.isInfinite(HeldOutSweeps.of(f, blownUp, new int[] { 1 }).worstSteadyError));
		assertTrue(perfect.isBetterThan(wrong));
		assertFalse(wrong.isBetterThan(perfect));
		HeldOutSweeps none = HeldOutSweeps.of(f, same, new int[] { 0, 1, 2 });
		assertTrue(none.spiking + none.quiet == 0);
	}

	@Test
	void theChoiceKeepsTheSetThatMadeTheRecording() {
		// the recording comes from the cell with a strong h-current; each candidate starts at the truth's values
		// (no fit to speak of), so only the set decides how the held-out sweeps come out
		CableModel truthModel = CableModels.corticalNeuron(-65, Set.of(CorticalCurrent.H));
		double[] truth = truthModel.defaults();
		truth[truthModel.parameterIndex("gH")] *= 40;
		StepFamily f = family(truthModel, truth);
		FitOptions none = new FitOptions().iterations(1).learningRate(1e-9).curriculum(1, 0).start(FitStart.SINGLE).polish(0);
		CurrentSetChoice choice = CurrentSetChoice.fit(f, List.of(Set.of(), Set.of(CorticalCurrent.H)), new int[] { 1 }, 0,
			m -> {
				double[] start = m.defaults();
				for (int k = 0; k < start.length; k++) {
					int i = truthModel.parameterNames().indexOf(m.parameterNames().get(k));
					if (i >= 0) start[k] = truth[i];
				}
				return start;
			}, m -> new int[] { m.parameterIndex("gNa") }, none, q -> q, Progress.NONE);
		assertEquals(2, choice.trials.size());
		assertEquals("H", choice.best.label(), choice.trials.get(0).heldOut.summary() + " | " + choice.trials.get(1).heldOut.summary());
		assertTrue(choice.best.heldOut.meanSteadyError < 0.5, choice.best.heldOut.summary());
		assertTrue(choice.trials.get(0).heldOut.meanSteadyError > 1, choice.trials.get(0).heldOut.summary());
	}
}
