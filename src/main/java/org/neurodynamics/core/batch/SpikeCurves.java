package org.neurodynamics.core.batch;

import java.nio.file.Files;
import java.nio.file.Path;

import org.neurodynamics.core.io.DelimitedTableReader;
import org.neurodynamics.core.io.NumericTable;

/**
 * Per-sweep curves read back from a cell's folder for the population figure: the features
 * job's spike count against the step current (sweeps.csv), the reconstruct job's recorded and
 * map firing rates (rates.csv).
 */
public final class SpikeCurves {

	private SpikeCurves() {}

	/** {step currents in pA (NaN where the recording does not give them), spike counts} of a cell finished by the features job, or null. */
	public static double[][] of(Path output, String cell) {
		Path file = Cell.folderOf(output, cell).resolve(CellFeatures.SWEEPS_FILE);
		if (!Files.isRegularFile(file)) return null;
		NumericTable t = DelimitedTableReader.readColumns(file);
		int p = t.indexOf(CellFeatures.CURRENT), s = t.indexOf("spikes");
		return p < 0 || s < 0 ? null : new double[][] { t.column(p), t.column(s) };
	}

	/** {recorded rates, map rates, trained (1) or held out (0)} of a cell finished by the reconstruct job, or null. */
	public static double[][] ratesOf(Path output, String cell) {
		Path file = Cell.folderOf(output, cell).resolve(CellReconstruction.RATES_FILE);
		if (!Files.isRegularFile(file)) return null;
		NumericTable t = DelimitedTableReader.readColumns(file);
		int r = t.indexOf("recorded_rate"), m = t.indexOf("map_rate"), k = t.indexOf("trained");
		return r < 0 || m < 0 || k < 0 ? null : new double[][] { t.column(r), t.column(m), t.column(k) };
	}
}
