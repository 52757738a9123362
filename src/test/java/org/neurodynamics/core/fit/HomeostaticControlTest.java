package org.neurodynamics.core.fit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.OrnsteinUhlenbeckNoise;

class HomeostaticControlTest {

	@Test
	void controllerBringsTheRateToTheTarget() {
		CableModel hh = CableModels.hodgkinHuxleyCompartment();
		double duration = 60_000;
		List<Injection> noise = List.of(new Injection(0, new OrnsteinUhlenbeckNoise(0.2, 0.2, 5, duration, 0.1, 7)));
		int[] adapted = { hh.parameterIndex("gNa"), hh.parameterIndex("gK") };
		HomeostasisResult r = HomeostaticControl.run(hh, hh.defaults(), noise, adapted, 0, new HomeostaticControl.Options()
			.alpha(1e-5).duration(duration).sampleInterval(1000), Progress.NONE);
		HomeostasisResult uncontrolled = HomeostaticControl.run(hh, hh.defaults(), noise, adapted, 0,
			new HomeostaticControl.Options().alpha(0).duration(10_000), Progress.NONE);
		double before = uncontrolled.meanCountedRate(0, 10_000), after = r.meanCountedRate(45_000, 60_000);
		assertTrue(before > 12, "starts fast: " + before + " Hz");
		assertTrue(Math.abs(after - 5) < 2.5, "ends near 5 Hz: " + after + " Hz");
		double[] gK = r.parameter(1);
		double[] gNa = r.parameter(0);
		assertTrue(gK[gK.length - 1] > gK[0] && gNa[gNa.length - 1] < gNa[0], "gK grows, gNa falls");
	}
}
