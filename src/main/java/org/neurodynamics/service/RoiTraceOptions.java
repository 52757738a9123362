package org.neurodynamics.service;

/**
 * How ROI traces are made from a time-lapse: raw mean intensity, or dF/F with F0 a
 * percentile of the trace, over the whole trace or (bleach correction) a sliding window.
 */
public final class RoiTraceOptions {

	public final boolean deltaFOverF;
	public final double baselinePercentile;
	public final int bleachWindowFrames;

	public RoiTraceOptions(boolean deltaFOverF, double baselinePercentile, int bleachWindowFrames) {
		this.deltaFOverF = deltaFOverF;
		this.baselinePercentile = baselinePercentile;
		this.bleachWindowFrames = bleachWindowFrames;
	}

	public static final RoiTraceOptions RAW = new RoiTraceOptions(false, 8, 0);
}
