package org.neurodynamics.results;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import ij.gui.Plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.analysis.Percentiles;
import org.neurodynamics.core.batch.BatchRun;
import org.neurodynamics.core.batch.BatchSettings;
import org.neurodynamics.core.batch.CellFolders;
import org.neurodynamics.core.batch.CellJob;
import org.neurodynamics.core.batch.CellRow;
import org.neurodynamics.core.batch.SpikeCurves;

/**
 * The population figure of batches run as the Fiji batch runs them: step current in pA on
 * the features job's x-axis, each cell named (up to ten), cells without step currents left
 * out and named, more cells drawn as their median and interquartile range; the fit job's
 * figure names its cells.
 */
class BatchResultsTest {

	@Test
	void featuresOfAFewCellsAreOneNamedLineEachAgainstCurrentInPa(@TempDir Path dir) throws Exception {
		// four simulated families (I=<pA> headers), Hodgkin-Huxley (I=...), Sherman-Rinzel (lambda=...: no current)
		Path in = CellFolders.make(dir.resolve("in"), 6, 4, 0), out = dir.resolve("out");
		List<CellRow> rows = BatchRun.run(in, out, CellFolders.settings(CellJob.FEATURES), Progress.NONE, line -> {}).rows;
		Plot plot = BatchResults.population(CellJob.FEATURES, out, rows);

		assertEquals("step current (pA)    (not drawn, without step currents in pA: sherman-rinzel.csv)", plot.getLabel('x'));
		List<String> sets = dataSets(plot);
		assertEquals(List.of("hodgkin-huxley.csv", "simulated/family-00.csv", "simulated/family-01.csv", "simulated/family-02.csv",
			"simulated/family-03.csv"), named(sets));
		float[][] family = plot.getDataObjectArrays(sets.indexOf("simulated/family-02.csv"));
		assertArrayEquals(new float[] { -50, 50, 100, 200 }, family[0], "the x values are the step currents in pA");
		double[][] sweeps = SpikeCurves.of(out, "simulated/family-02.csv");
		for (int i = 0; i < 4; i++) assertEquals(sweeps[1][i], family[1][i], "spike counts");
	}

	@Test
	void moreThanTenCellsAreTheirMedianAndInterquartileRange(@TempDir Path dir) throws Exception {
		Path in = dir.resolve("in"), out = dir.resolve("out");
		int cells = BatchResults.NAMED_CELLS + 2;
		for (int i = 0; i < cells; i++)
			CellFolders.simulatedFamily(in.resolve(String.format(Locale.ROOT, "family-%02d.csv", i)), 0.7 + 0.05 * i, 1.3 - 0.05 * i);
		List<CellRow> rows = BatchRun.run(in, out, CellFolders.settings(CellJob.FEATURES), Progress.NONE, line -> {}).rows;
		Plot plot = BatchResults.population(CellJob.FEATURES, out, rows);

		List<String> sets = dataSets(plot);
		assertEquals(List.of("interquartile range (middle half of the cells)", "median of " + cells + " cells"), named(sets),
			"no cell is drawn on its own");
		float[][] median = plot.getDataObjectArrays(sets.indexOf("median of " + cells + " cells"));
		float[][] upper = plot.getDataObjectArrays(sets.indexOf("interquartile range (middle half of the cells)"));
		assertEquals("step current (pA)", plot.getLabel('x'));
		assertArrayEquals(new float[] { -50, 50, 100, 200 }, median[0]);
		for (int k = 0; k < 4; k++) {
			double[] counts = new double[cells];
			for (int c = 0; c < cells; c++) counts[c] = SpikeCurves.of(out, rows.get(c).cell())[1][k];
			assertEquals(Percentiles.linear(counts, 50), median[1][k], 1e-6, "median at " + median[0][k] + " pA");
			assertEquals(Percentiles.linear(counts, 75), upper[1][k], 1e-6, "upper quartile at " + median[0][k] + " pA");
		}
		assertTrue(texts(plot).stream().anyMatch(t -> t.startsWith(cells + " cells: median and interquartile range")),
			texts(plot).toString());
	}

	@Test
	void theFitFigureNamesEachCellAndDrawsItRelativeToTheMedian(@TempDir Path dir) throws Exception {
		Path in = dir.resolve("in"), out = dir.resolve("out");
		CellFolders.simulatedFamily(in.resolve("a.csv"), 0.8, 1.2);
		CellFolders.simulatedFamily(in.resolve("b.csv"), 1.2, 0.9);
		CellFolders.simulatedFamily(in.resolve("c.csv"), 1.0, 1.0);
		BatchSettings settings = CellFolders.settings(CellJob.FIT);
		settings.iterations = 2;
		settings.starts = 2;
		List<CellRow> rows = BatchRun.run(in, out, settings, Progress.NONE, line -> {}).rows;
		assertTrue(rows.stream().noneMatch(CellRow::failed), rows.toString());
		Plot plot = BatchResults.population(CellJob.FIT, out, rows);

		List<String> sets = dataSets(plot);
		assertEquals(List.of("a.csv", "b.csv", "c.csv"), named(sets));
		assertEquals("{gNa,gK,gM,gL}", plot.getLabel('x'), "the conductances name the x-axis");
		double[] gNa = rows.stream().mapToDouble(r -> r.number("gNa")).toArray();
		double median = Percentiles.linear(gNa, 50);
		for (int c = 0; c < 3; c++) assertEquals(gNa[c] / median, plot.getDataObjectArrays(sets.indexOf(rows.get(c).cell()))[1][0],
			1e-6, "gNa of " + rows.get(c).cell() + " relative to the median");
	}

	/** The labels of the plot's data sets in the order they were added; null for one without. */
	private static List<String> dataSets(Plot plot) {
		return objects(plot, "Data Set ");
	}

	/** The data sets' labels, those without left out: what the legend names. */
	private static List<String> named(List<String> sets) {
		return sets.stream().filter(s -> s != null).collect(Collectors.toList());
	}

	/** The texts written on the plot. */
	private static List<String> texts(Plot plot) {
		return objects(plot, "Text ");
	}

	private static List<String> objects(Plot plot, String type) {
		String[] designations = plot.getPlotObjectDesignations();
		List<String> out = new ArrayList<>();
		for (int i = 0; i < designations.length; i++) if (designations[i].startsWith(type)) out.add(plot.getPlotObjectLabel(i));
		return out;
	}
}
