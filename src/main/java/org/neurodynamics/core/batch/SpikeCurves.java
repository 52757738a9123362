package org.neurodynamics.core.batch;

import java.nio.file.Files;
import java.nio.file.Path;

import org.neurodynamics.core.io.DelimitedTableReader;
import org.neurodynamics.core.io.NumericTable;

/** Spike count per sweep against the sweep's parameter, read back from a cell's sweeps.csv for the population figure. */
public final class SpikeCurves {

	private SpikeCurves() {}

	/** {parameter values, spike counts} of a cell finished by the features job, or null when it has none. */
	public static double[][] of(Path output, String cell) {
		Path file = Cell.folderOf(output, cell).resolve(CellFeatures.SWEEPS_FILE);
		if (!Files.isRegularFile(file)) return null;
		NumericTable t = DelimitedTableReader.readColumns(file);
		int p = t.indexOf("parameter"), s = t.indexOf("spikes");
		return p < 0 || s < 0 ? null : new double[][] { t.column(p), t.column(s) };
	}
}
