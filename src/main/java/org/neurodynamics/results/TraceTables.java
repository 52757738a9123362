package org.neurodynamics.results;

import java.util.List;

import ij.measure.ResultsTable;

import org.neurodynamics.core.trace.Trace;

/** Tables that describe traces, one row per trace. */
public final class TraceTables {

	private TraceTables() {}

	public static ResultsTable summary(List<Trace> traces) {
		ResultsTable rt = new ResultsTable();
		for (Trace t : traces) {
			rt.addRow();
			rt.addValue("Trace", t.name());
			rt.addValue("Parameter", t.hasParameter() ? t.parameter() : Double.NaN);
			rt.addValue("Parameter name", t.parameterName());
			rt.addValue("Samples", t.length());
			rt.addValue("dt", t.dt());
			rt.addValue("Time unit", t.timeUnit());
			rt.addValue("Unit", t.valueUnit());
			double mean = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < t.length(); i++) {
				mean += t.sample(i);
				min = Math.min(min, t.sample(i));
				max = Math.max(max, t.sample(i));
			}
			mean /= Math.max(1, t.length());
			double sq = 0;
			for (int i = 0; i < t.length(); i++) sq += (t.sample(i) - mean) * (t.sample(i) - mean);
			rt.addValue("Mean", mean);
			rt.addValue("SD", Math.sqrt(sq / Math.max(1, t.length() - 1)));
			rt.addValue("Min", min);
			rt.addValue("Max", max);
		}
		return rt;
	}
}
