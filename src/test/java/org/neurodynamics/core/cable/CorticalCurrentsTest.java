package org.neurodynamics.core.cable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.analysis.SpikeDetector;

/**
 * The currents that can be added to the cortical cell: exact sensitivities (against
 * central differences of the simulator, as {@link SensitivityTest}), and the behaviours
 * they are there for (depolarisation block, sag).
 */
class CorticalCurrentsTest {

	private static CableModel cell(CorticalCurrent... extra) {
		Set<CorticalCurrent> set = EnumSet.noneOf(CorticalCurrent.class);
		set.addAll(List.of(extra));
		return CableModels.corticalNeuron(CorticalNeuron.E_L, set);
	}

	/** 60 ms with a depolarising step from 5 ms: a few spikes, so every gate moves. */
	private static Protocol spiking(double nA) {
		return new Protocol(List.of(new Injection(0, new CurrentStep(5, 1e9, nA))), 0.025, 60);
	}

	private static void assertExactGradient(CableModel m, Protocol p, String... names) {
		double err = SensitivityTest.gradientError(m, p, names, new int[] { 0 }, 1e-5);
		assertTrue(err < 1e-5, String.join(", ", names) + ": relative error " + err);
	}

	@Test
	void persistentSodiumSensitivitiesAreExact() {
		assertExactGradient(cell(CorticalCurrent.NAP), spiking(0.3), "gNaP", "gNa", "gK", "eL");
	}

	@Test
	void kv3SensitivitiesAreExact() {
		assertExactGradient(cell(CorticalCurrent.KV3), spiking(0.5), "gKv3", "gNa", "gM");
	}

	@Test
	void aTypeSensitivitiesAreExact() {
		assertExactGradient(cell(CorticalCurrent.A), spiking(0.3), "gA", "gNa", "gK");
	}

	@Test
	void hCurrentSensitivitiesAreExactBelowRestAndWhileFiring() {
		Protocol down = new Protocol(List.of(new Injection(0, new CurrentStep(5, 1e9, -0.1))), 0.025, 150);
		assertExactGradient(cell(CorticalCurrent.H), down, "gH", "eH", "gL", "cm");
		assertExactGradient(cell(CorticalCurrent.H), spiking(0.3), "gH", "eH", "gNa");
	}

	@Test
	void calciumAndCalciumActivatedPotassiumSensitivitiesAreExact() {
		assertExactGradient(cell(CorticalCurrent.CA_K), spiking(0.5), "gCa", "gKC", "gKAHP", "gNa");
	}

	@Test
	void allCurrentsTogetherKeepExactSensitivities() {
		CableModel m = cell(CorticalCurrent.values());
		assertEquals(List.of("cm", "gNa", "gK", "gM", "gL", "eL", "gNaP", "gKv3", "gA", "gH", "eH", "gCa", "gKC", "gKAHP"),
			m.parameterNames());
		assertExactGradient(m, spiking(0.5), "gNaP", "gKv3", "gA", "gH", "gCa", "gKAHP");
	}

	@Test
	void rateCombinatorsHaveExactSlopes() {
		Rate[] rates = { Rate.bell(8, 49, -83, 23), Rate.reciprocal(2.95, Rate.bell(0.34, 0.92, -81, 59)),
			Rate.product(Rate.sigmoid(1, -48.8, -10), Rate.linoid(6.94e-6, -64.4, 2.63)),
			Rate.sum(Rate.constant(0.25), Rate.exponential(0.25, -46.56, -44.14)), Rate.complement(Rate.sigmoid(1, 18.7, 9.7)) };
		for (Rate r : rates)
			for (double v = -120; v <= 40; v += 6.7) {
				double h = 1e-4, fd = (r.value(v + h) - r.value(v - h)) / (2 * h);
				// the difference quotient's round-off: 1e-16 of the value over h
				assertEquals(fd, r.slope(v), 1e-6 * Math.abs(fd) + 1e-11 * Math.abs(r.value(v)), "slope at " + v);
			}
	}

	@Test
	void gatesGivenBySteadyStateAndTimeConstantSettleThere() {
		Rate inf = Rate.sigmoid(1, -10, 19), inverseTau = Rate.reciprocal(2, Rate.bell(0.34, 0.92, -81, 59));
		Gate g = Gate.ofSteadyState("m", inf, inverseTau, 4);
		for (double v = -100; v <= 30; v += 13) {
			assertEquals(inf.value(v), g.steadyState(v), 1e-14);
			assertEquals(inverseTau.value(v), g.alpha.value(v) + g.beta.value(v), 1e-12);
		}
	}

	/** Spike counts of 1 s steps at the given currents, judged as one recording by the plugin's detector. */
	private static int[] spikeCounts(CableModel m, double[] theta, double... nA) {
		List<float[]> sweeps = new ArrayList<>();
		for (double amp : nA) {
			Protocol p = new Protocol(List.of(new Injection(0, new CurrentStep(100, 1000, amp))), 0.05, 1100);
			double[] v = Simulator.simulate(m, theta, p, 0).voltage(0);
			float[] step = new float[(int) (1000 / 0.05)];
			for (int i = 0; i < step.length; i++) step[i] = (float) v[i + (int) (100 / 0.05)];
			sweeps.add(step);
		}
		SpikeDetector detector = SpikeDetector.forRecording(sweeps);
		int[] counts = new int[nA.length];
		for (int i = 0; i < counts.length; i++) counts[i] = detector.detect(sweeps.get(i)).count();
		return counts;
	}

	@Test
	void calciumCurrentsExpressDepolarisationBlockWhereTheDefaultCellKeepsFiring() {
		double[] currents = { 0.4, 1.2, 3.2, 4.8 };
		CableModel plain = cell();
		int[] keeps = spikeCounts(plain, plain.defaults(), currents);
		for (int i = 0; i < currents.length; i++)
			assertTrue(keeps[i] > 50, "default cell at " + currents[i] + " nA: " + keeps[i] + " spikes");
		CableModel m = cell(CorticalCurrent.CA_K);
		double[] theta = m.defaults();
		theta[m.parameterIndex("gCa")] = 1.5e-3;
		int[] counts = spikeCounts(m, theta, currents);
		assertTrue(counts[0] > 50 && counts[1] > 50, "fires at moderate current: " + java.util.Arrays.toString(counts));
		assertTrue(counts[2] <= 2 && counts[3] <= 2, "blocked at high current: " + java.util.Arrays.toString(counts));
	}

	@Test
	void eachCurrentAtItsDefaultLeavesAnAdaptingTrainNearTheDefaultRate() {
		Protocol p = new Protocol(List.of(new Injection(0, new CurrentStep(100, 1000, 0.4))), 0.05, 1100);
		CableModel plain = cell();
		int reference = spikeCounts(plain, plain.defaults(), 0.4)[0];
		for (CorticalCurrent c : CorticalCurrent.values()) {
			CableModel m = cell(c);
			int n = spikeCounts(m, m.defaults(), 0.4)[0];
			assertTrue(n >= 0.75 * reference && n <= 1.8 * reference, c.key() + ": " + n + " spikes, default cell " + reference);
			double[] v = Simulator.simulate(m, m.defaults(), p, 0).voltage(0);
			List<Integer> up = new ArrayList<>();
			for (int i = 1; i < v.length; i++) if (v[i] >= 0 && v[i - 1] < 0) up.add(i);
			int k = up.size();
			assertTrue(up.get(k - 1) - up.get(k - 2) > up.get(1) - up.get(0), c.key() + ": the intervals lengthen");
		}
	}

	@Test
	void hCurrentMakesAHyperpolarisingStepSag() {
		Protocol p = new Protocol(List.of(new Injection(0, new CurrentStep(50, 800, -0.1))), 0.1, 850);
		for (boolean withH : new boolean[] { false, true }) {
			CableModel m = withH ? cell(CorticalCurrent.H) : cell();
			double[] v = Simulator.simulate(m, m.defaults(), p, 0).voltage(0);
			double min = Double.POSITIVE_INFINITY;
			for (int i = (int) (50 / 0.1); i < (int) (850 / 0.1); i++) min = Math.min(min, v[i]);
			double sag = v[(int) (849 / 0.1)] - min;
			if (withH) assertTrue(sag > 3, "sag " + sag + " mV");
			else assertTrue(sag < 0.5, "no sag without H: " + sag + " mV");
		}
	}

	@Test
	void currentsAreNamedByTheirKeys() {
		assertEquals(EnumSet.of(CorticalCurrent.NAP, CorticalCurrent.H), CorticalCurrent.parse("nap, H"));
		assertEquals(EnumSet.noneOf(CorticalCurrent.class), CorticalCurrent.parse(" none "));
		assertEquals("NaP+H", CorticalCurrent.label(EnumSet.of(CorticalCurrent.H, CorticalCurrent.NAP)));
		assertThrows(UserInputException.class, () -> CorticalCurrent.parse("NaP, Kdr"));
	}
}
