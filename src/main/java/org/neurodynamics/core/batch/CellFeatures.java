package org.neurodynamics.core.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neurodynamics.core.analysis.SpikeDetector;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.core.io.DelimitedTableWriter;
import org.neurodynamics.core.io.NumericTable;

/**
 * The features job: per sweep, its step current in pA, the spikes during the step, their rate, the latency of the
 * first, the steady-state voltage (mean of the last fifth of the step) and the baseline
 * before the step, saved as sweeps.csv; per cell, what a population is compared by.
 * Spikes are those of the cell's own {@link SpikeDetector} (thresholds from its sweeps, each
 * spike re-armed relative to its peak), the rule of step-family fits and reconstructions too.
 */
final class CellFeatures {

	static final String SWEEPS_FILE = "sweeps.csv";
	/** The sweep's step current in pA, NaN where the recording does not give it (parameter is then what it does give). */
	static final String CURRENT = "current_pa";
	static final List<String> SWEEP_COLUMNS = List.of("sweep", "parameter", CURRENT, "spikes", "rate_hz", "first_spike_latency_ms",
		"steady_state", "baseline");

	private CellFeatures() {}

	static Map<String, Object> run(CellRecording r, Path folder) throws IOException {
		r.requireCurrentClamp();
		SpikeDetector detector = SpikeDetector.forRecording(r.sweeps);
		int n = r.size();
		double[][] table = new double[SWEEP_COLUMNS.size()][n];
		for (int i = 0; i < n; i++) {
			float[] v = r.sweeps.get(i);
			int from = r.stepFrom(i), to = Math.min(r.stepTo(i), v.length);
			int[] onsets = to > from ? detector.detect(Arrays.copyOfRange(v, from, to)).onsets() : new int[0];
			table[0][i] = i;
			table[1][i] = r.parameters[i];
			table[2][i] = r.currentPa(i);
			table[3][i] = onsets.length;
			table[4][i] = onsets.length / ((to - from) * r.dt / 1000);
			table[5][i] = onsets.length == 0 ? Double.NaN : onsets[0] * r.dt;
			int begin = Math.max(from, to - (int) Math.round(StepFamily.STEADY_FRACTION * (to - from)));
			table[6][i] = mean(v, begin, to);
			table[7][i] = from > 0 ? mean(v, 0, from) : Double.NaN;
		}
		for (double[] column : table) for (int i = 0; i < n; i++) column[i] = SignificantDigits.round(column[i]);
		DelimitedTableWriter.writeCsv(folder.resolve(SWEEPS_FILE), new NumericTable(r.name, SWEEP_COLUMNS, table));

		Map<String, Object> row = new HashMap<>();
		row.put(BatchColumns.SWEEPS, (long) n);
		row.put("parameter", r.parameterName);
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, rheobase = Double.NaN, latency = Double.NaN;
		double maxRate = 0, baseline = 0;
		long total = 0;
		int baselines = 0;
		for (int i = 0; i < n; i++) {
			double p = r.parameters[i];
			min = Math.min(min, p);
			max = Math.max(max, p);
			total += (long) table[3][i];
			maxRate = Math.max(maxRate, table[4][i]);
			// the rheobase is a current: NaN where the sweeps do not say theirs
			double current = r.currentPa(i);
			if (table[3][i] > 0 && !(current >= rheobase) && !Double.isNaN(current)) {
				rheobase = current;
				latency = table[5][i];
			}
			if (!Double.isNaN(table[7][i])) {
				baseline += table[7][i];
				baselines++;
			}
		}
		row.put("parameter_min", min);
		row.put("parameter_max", max);
		row.put("resting", baselines == 0 ? Double.NaN : baseline / baselines);
		row.put("rheobase_pa", rheobase);
		row.put("first_spike_latency_ms", latency);
		row.put("max_rate_hz", maxRate);
		row.put("total_spikes", total);
		return row;
	}

	private static double mean(float[] v, int from, int to) {
		double sum = 0;
		for (int i = from; i < to; i++) sum += v[i];
		return to > from ? sum / (to - from) : Double.NaN;
	}
}
