package org.neurodynamics.service;

import java.io.File;

import ij.ImagePlus;

/**
 * Where the traces of a command come from: the source kind (one of
 * {@link TraceInputService#SOURCES}) and what that source needs. Commands fill it
 * from their parameters.
 */
public final class TraceRequest {

	public String source = TraceInputService.IMAGE;
	public ImagePlus image;
	public String table = "Results";
	public File file;
	public String columns = "";
	public int channel = 0;
	/** ABF sweeps: keep only the stepped epoch, where the control parameter is constant. */
	public boolean stepOnly = false;
	public double dt = 1;
	public String timeUnit = "ms";
	public String valueUnit = "";
	public RoiTraceOptions roiOptions = RoiTraceOptions.RAW;
	/** ROI set (.zip or .roi) for {@link TraceInputService#ROIS}; null for the ROI Manager. */
	public File rois;
}
