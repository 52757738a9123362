package org.neurodynamics.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.Region;
import org.neurodynamics.core.fit.FitMethod;
import org.neurodynamics.core.fit.FitStart;

/** The menu choices of the gradient-diffusion commands: labels that macros pass, read into types. */
class MenuChoiceTest {

	/** Macros recorded with earlier versions pass these values; they must keep working. */
	@Test
	void labelsAreTheOnesMacrosPass() {
		assertArrayEquals(new String[] { "HH axon (paper)", "Pinsky-Rinzel", "HH single compartment",
			"Cortical neuron (Na, K, M, leak)", "SWC morphology" }, MenuChoice.labels(CellModel.class));
		assertArrayEquals(new String[] { "Hodgkin-Huxley (Na, K, leak)", "Passive (leak)", "Pinsky-Rinzel soma (Na, KDR, leak)",
			"Pinsky-Rinzel dendrite (Ca, KC, KAHP, leak)" }, MenuChoice.labels(ChannelSet.class));
		assertArrayEquals(new String[] { "Current step", "Pulse train", "Noise (Ornstein-Uhlenbeck)",
			"Recorded waveform (ABF command)", "None" }, MenuChoice.labels(StimulusKind.class));
		assertArrayEquals(new String[] { "Adam (gradient diffusion)", "Adam (finite differences)", "CMA-ES" },
			MenuChoice.labels(Optimiser.class));
		assertArrayEquals(new String[] { "Multi-start, then Adam", "Initial values, then Adam", "CMA-ES, then Adam" },
			MenuChoice.labels(StartSearch.class));
	}

	@Test
	void labelsReadBackIntoTheirConstants() {
		for (CellModel m : CellModel.values()) assertEquals(m, CellModel.of(m.label()));
		for (StimulusKind k : StimulusKind.values()) assertEquals(k, StimulusKind.of(k.label()));
		for (ChannelSet c : ChannelSet.values()) assertEquals(c, ChannelSet.of(c.label(), Region.AXON));
		for (Optimiser o : Optimiser.values()) {
			assertEquals(o, Optimiser.of(o.label()));
			assertEquals(o, Optimiser.of(o.method()));
		}
		assertEquals(FitMethod.ADAM_SENSITIVITIES, Optimiser.of("Adam (gradient diffusion)").method());
		assertEquals(FitStart.CMA_ES_THEN_ADAM, StartSearch.of("CMA-ES, then Adam").start());
	}

	@Test
	void unknownLabelsNameTheChoices() {
		String m = assertThrows(UserInputException.class, () -> CellModel.of("HH axon")).getMessage();
		assertEquals("Unknown model 'HH axon'; choose one of [HH axon (paper), Pinsky-Rinzel, HH single compartment, " +
			"Cortical neuron (Na, K, M, leak), SWC morphology].", m);
		m = assertThrows(UserInputException.class, () -> ChannelSet.of(null, Region.SOMA)).getMessage();
		assertTrue(m.startsWith("Unknown channel set '' for the soma; choose one of [Hodgkin-Huxley"), m);
		m = assertThrows(UserInputException.class, () -> StimulusKind.of("step")).getMessage();
		assertTrue(m.startsWith("Unknown stimulus 'step'; choose one of [Current step, "), m);
	}

	@Test
	void builtInModelsAreNewInstancesAndMorphologiesNeedTheService() {
		CableModel a = CellModel.HH_AXON.builtIn(), b = CellModel.HH_AXON.builtIn();
		assertTrue(a != b);
		assertEquals(11, a.compartmentCount());
		assertEquals(List.of("cm", "gNa", "gK", "gL", "eL"), CellModel.HH_COMPARTMENT.builtIn().parameterNames());
		assertTrue(CellModel.SWC.isMorphology());
		assertFalse(CellModel.CORTICAL.isMorphology());
		assertThrows(IllegalStateException.class, CellModel.SWC::builtIn);
	}

	@Test
	void modelRequestReadsChannelSetsOnlyForAMorphology() {
		ModelRequest r = ModelRequest.of("HH axon (paper)", new File("x.swc"), "not a set", "", null, "gNa*2");
		assertEquals(CellModel.HH_AXON, r.model);
		assertNull(r.swc);
		assertEquals("gNa*2", r.values);
		assertFalse(r.hasDefaultValues());
		r = ModelRequest.of("SWC morphology", new File("x.swc"), "Passive (leak)", "Pinsky-Rinzel soma (Na, KDR, leak)",
			"Pinsky-Rinzel dendrite (Ca, KC, KAHP, leak)", " ");
		assertEquals(ChannelSet.PASSIVE, r.soma);
		assertEquals(ChannelSet.PR_SOMA, r.axon);
		assertEquals(ChannelSet.PR_DENDRITE, r.dendrite);
		assertTrue(r.hasDefaultValues());
		assertThrows(UserInputException.class, () -> ModelRequest.of("SWC morphology", null, "HH", "", "", ""));
	}

	@Test
	void modelRequestReadsExtraCurrentsOnlyForTheCorticalCell() {
		ModelRequest r = ModelRequest.of(CellModel.Labels.CORTICAL, null, "", "", "", "NaP, H", "gH*2");
		assertEquals(java.util.EnumSet.of(org.neurodynamics.core.cable.CorticalCurrent.NAP,
			org.neurodynamics.core.cable.CorticalCurrent.H), r.currents);
		CableModel m = CableModelSetup.model(r);
		assertEquals(List.of("cm", "gNa", "gK", "gM", "gL", "eL", "gNaP", "gH", "eH"), m.parameterNames());
		assertEquals(2 * m.defaults()[m.parameterIndex("gH")], CableModelSetup.parameterValues(m, r.values)[m.parameterIndex("gH")]);
		assertTrue(ModelRequest.of(CellModel.Labels.HH_AXON, null, "", "", "", "Kdr", "").currents.isEmpty());
		String msg = assertThrows(UserInputException.class,
			() -> ModelRequest.of(CellModel.Labels.CORTICAL, null, "", "", "", "NaP, Kdr", "")).getMessage();
		assertTrue(msg.contains("'Kdr'") && msg.contains("NaP, Kv3, A, H, CaK"), msg);
		assertEquals(List.of("cm", "gNa", "gK", "gM", "gL", "eL"),
			CableModelSetup.model(ModelRequest.of(CellModel.Labels.CORTICAL, null, "", "", "", "", "")).parameterNames());
	}

	@Test
	void stimulusRequestSettersFillTheirGroup() {
		StimulusRequest s = new StimulusRequest("Current step", 0.3, "axon[2]").step(5, 20).pulses(50, 2).noise(0.4, 3, 9)
			.waveform(new File("a.abf"), 4, 1, 2);
		assertEquals(StimulusKind.STEP, s.kind);
		assertEquals(0.3, s.amplitude);
		assertEquals("axon[2]", s.injectAt);
		assertEquals(5, s.start);
		assertEquals(20, s.duration);
		assertEquals(50, s.period);
		assertEquals(2, s.width);
		assertEquals(0.4, s.sd);
		assertEquals(3, s.tau);
		assertEquals(9, s.seed);
		assertEquals(4, s.sweep);
		assertEquals(1, s.dac);
		assertEquals(2, s.channel);
		assertTrue(s.kind.hasStart() && StimulusKind.PULSES.hasStart() && !StimulusKind.NOISE.hasStart());
	}

	@Test
	void homeostasisRequestSettersFillTheirGroup() {
		HomeostasisRequest h = new HomeostasisRequest(new ModelRequest(CellModel.PINSKY_RINZEL), "gNa", "1")
			.control(8, 2e-5, 1e-3, 500).timing(1000, 0.05, 10).noise(0.1, 0.3, 4, 11);
		assertEquals(CellModel.PINSKY_RINZEL, h.model.model);
		assertEquals(8, h.targetRate);
		assertEquals(2e-5, h.alpha);
		assertEquals(1e-3, h.forgetting);
		assertEquals(500, h.tauRate);
		assertEquals(1000, h.duration);
		assertEquals(0.05, h.dt);
		assertEquals(10, h.interval);
		assertEquals(0.1, h.mean);
		assertEquals(0.3, h.sd);
		assertEquals(4, h.tau);
		assertEquals(11, h.seed);
	}
}
