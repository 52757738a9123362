package org.neurodynamics.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.core.io.AbfFile;
import org.neurodynamics.core.io.AbfReader;

class AbfStepFamilyTest {

	static final Path DATA = Path.of(System.getProperty("basedir", "."), "test-data", "abf");

	/**
	 * Both recordings step the current over samples 2937..12937 at 20 kHz (146.85..646.85 ms;
	 * their header summaries), then rest and play a second step from 1146.85 ms: the fit
	 * covers the first step and 50 ms (a tenth of it) after it, not the whole 3 s sweep.
	 */
	@Test
	void theProtocolDecidesTheFittedTime() {
		for (String name : new String[] { "171116sh_0018.abf", "17o05028_ic_steps.abf" }) {
			AbfFile abf = AbfReader.read(DATA.resolve(name));
			int dac = abf.stimulusDac(0);
			assertEquals(646.85 + 50, AbfStepFamily.protocolDuration(abf, 0, dac), 1e-9, name);
			StepFamily f = AbfStepFamily.read(abf, 0, 0.1, 0);
			assertEquals(146.85, f.stepStart(), 1e-9, name);
			assertEquals(646.85, f.stepEnd(), 1e-9, name);
			assertEquals(696.85, f.problem(org.neurodynamics.core.cable.CableModels.corticalNeuron(), new int[] { 0 }, 0,
				new int[] { 0 }, org.neurodynamics.core.cable.CableModels.corticalNeuron().defaults()).steps() * 0.1, 0.1, name);
			StepFamily explicit = AbfStepFamily.read(abf, 0, 0.1, 400);
			assertEquals(400 / 0.05 + 1, explicit.voltage(0).length, name + ": an explicit time is kept");
		}
	}
}
