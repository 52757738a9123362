package org.neurodynamics.core.cable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.UserInputException;

class SwcReaderTest {

	static final Path SYNTHETIC = Paths.get("test-data", "swc", "synthetic-pyramidal.swc");

	static Morphology parse(String text) throws IOException {
		return SwcReader.read(new StringReader(text), "cell.swc");
	}

	static String error(String text) {
		return assertThrows(UserInputException.class, () -> parse(text)).getMessage();
	}

	@Test
	void readsTheSyntheticCellAndDiscretisesByDLambda() throws IOException {
		Morphology m = SwcReader.read(SYNTHETIC);
		assertEquals(48, m.samples().size());
		Discretisation d = Discretisation.of(m, 0.1, 100, 100, 1);
		List<Discretisation.Segment> segs = d.segments();
		assertEquals("soma", segs.get(0).label);
		assertEquals(4 * Math.PI * 64, segs.get(0).area, 1e-9);
		for (int i = 1; i < segs.size(); i++) {
			assertTrue(segs.get(i).parent < i && segs.get(i).parent >= 0);
			assertTrue(segs.get(i).area > 0 && segs.get(i).resistance > 0);
		}
		int axon = 0;
		for (Discretisation.Segment s : segs) if (s.region == Region.AXON) axon++;
		assertTrue(axon >= 2, "axon compartments " + axon);
		// a finer d_lambda never gives fewer compartments
		assertTrue(Discretisation.of(m, 0.02, 100, 100, 1).segments().size() > segs.size());
		assertEquals(0, d.compartmentOfSample(1));
	}

	@Test
	void totalNeuriteAreaDoesNotDependOnTheDiscretisation() throws IOException {
		Morphology m = SwcReader.read(SYNTHETIC);
		double coarse = 0, fine = 0;
		for (Discretisation.Segment s : Discretisation.of(m, 1, 100, 100, 1).segments()) coarse += s.area;
		for (Discretisation.Segment s : Discretisation.of(m, 0.01, 100, 100, 1).segments()) fine += s.area;
		assertEquals(coarse, fine, 1e-9 * fine);
	}

	@Test
	void singleCylinderHasTheTextbookAreaAndResistance() throws IOException {
		// soma sphere r 5 at origin, one dendrite sample 105 um away: 100 um cylinder of r 1 from the soma surface
		Morphology m = parse("1 1 0 0 0 5 -1\n2 3 105 0 0 1 1\n");
		Discretisation d = Discretisation.of(m, 1000, 100, 100, 1);
		assertEquals(2, d.segments().size());
		Discretisation.Segment dend = d.segments().get(1);
		assertEquals(2 * Math.PI * 100, dend.area, 1e-9);
		assertEquals(50 / Math.PI, dend.resistance, 1e-9);
	}

	@Test
	void badFilesNameTheProblem() {
		assertTrue(error("# only a comment\n").startsWith("SWC file cell.swc contains no samples"));
		assertTrue(error("1 1 0 0 0 5 -1\n2 3 10 0 0 0 1\n").contains("line 2, sample 2: radius 0"));
		assertTrue(error("1 1 0 0 0 5 -1\n2 3 10 0 0 -1 1\n").contains("radius -1"));
		assertTrue(error("1 1 0 0 0 5 -1\n2 3 10 0 0 1 7\n").contains("parent 7 does not exist"));
		assertTrue(error("1 1 0 0 0 5 -1\n2 3 10 0 0 1 3\n3 3 20 0 0 1 2\n").contains("cycle"));
		assertTrue(error("1 3 0 0 0 5 -1\n2 3 10 0 0 1 1\n").contains("no soma"));
		assertTrue(error("1 1 0 0 0 5 -1\n2 3 10 0 0 1 -1\n").contains("2 separate trees"));
		assertTrue(error("1 1 0 0 0 5\n").contains("line 1: expected 7 values"));
		assertTrue(error("1 1 0 0 zero 5 -1\n").contains("cannot read"));
		assertTrue(error("1 1 0 0 0 5 -1\n1 3 10 0 0 1 1\n").contains("used twice"));
	}

	@Test
	void aModelFromTheMorphologySpikesAndPropagates() throws IOException {
		Morphology m = SwcReader.read(SYNTHETIC);
		RegionChannels channels = RegionChannels.hodgkinHuxley(true, Region.values());
		CableModel model = CableModels.fromMorphology(m, channels, 1, 100, -65, 0.1);
		assertTrue(model.parameterNames().contains("gNa(axon)"));
		Discretisation d = Discretisation.of(m, 0.1, 100, 100, 1);
		int axonEnd = d.compartmentOfSample(13);
		Protocol p = new Protocol(List.of(new Injection(0, new CurrentStep(1, 3, 3))), 0.025, 15);
		SimulationResult r = Simulator.simulate(model, model.defaults(), p, 0, axonEnd);
		double somaMax = Double.NEGATIVE_INFINITY, axonMax = Double.NEGATIVE_INFINITY;
		for (double v : r.voltage(0)) somaMax = Math.max(somaMax, v);
		for (double v : r.voltage(1)) axonMax = Math.max(axonMax, v);
		assertTrue(somaMax > 0 && axonMax > 0, "soma " + somaMax + " axon end " + axonMax);
	}
}
