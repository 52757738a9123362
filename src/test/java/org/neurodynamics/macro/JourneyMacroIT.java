package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped journey macros, headless against the built jar: every result file is written. */
class JourneyMacroIT {

	@Test
	void simulateReconstructExplore(@TempDir Path out) throws Exception {
		MacroRunner.runFile("hindmarsh-rose-journey.ijm", out.toString());
		for (String name : new String[] { "simulated-traces.tif", "simulated-traces.csv", "hindmarsh-rose.ndmodel",
			"reconstruction-summary.csv", "self-check.csv", "kl-per-coordinate.csv", "kl-per-coordinate.png", "training-losses.png", "regimes.csv",
			"bifurcation-diagram.png", "bifurcation-maxima.csv", "bifurcation-density.tif", "fixed-points.csv",
			"reconstructed-trace.png", "phase-portrait.png" })
			assertTrue(Files.size(out.resolve(name)) > 100, name + " was not written");
		String regimes = MacroRunner.read(out.resolve("regimes.csv"));
		assertEquals(91, regimes.strip().split("\n").length - 1, "one row per explored current");
		assertTrue(regimes.contains("bursting") || regimes.contains("tonic"), "the map spikes somewhere in the range");
		// every member votes: the table counts them and names one value inside the recorded range to record next
		assertTrue(regimes.contains("Maps agreeing") && regimes.contains("Ensemble regime"), "the regime table says how many of the ensemble's maps agree");
		long members = regimes.lines().skip(1).filter(l -> l.matches(".*,\\d of 2,.*")).count();
		assertEquals(91, members, "every row counts the two members of the ensemble");
		assertTrue(regimes.lines().filter(l -> l.contains("record next at")).count() <= 1, "at most one suggested next recording");
		String check = MacroRunner.read(out.resolve("self-check.csv"));
		assertEquals(4, check.strip().split("\n").length - 1, "one self-check row per recorded trace");
	}

	@Test
	void calciumImagingRoisToReconstructedDynamics(@TempDir Path out) throws Exception {
		MacroRunner.runFile("roi-journey.ijm", out + "|" + System.getProperty("basedir", "."));
		for (String name : new String[] { "imported-traces.tif", "calcium.ndmodel", "reconstruction-summary.csv", "regimes.csv",
			"phase-portrait.png" })
			assertTrue(Files.size(out.resolve(name)) > 100, name + " was not written");
		assertEquals(1, MacroRunner.read(out.resolve("regimes.csv")).strip().split("\n").length - 1, "one explored condition");
	}
}
