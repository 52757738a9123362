package org.neurodynamics.service;

import java.io.File;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.measure.ResultsTable;

import org.neurodynamics.core.trace.Trace;
import org.scijava.service.SciJavaService;

/**
 * Turns what Fiji users have (images, time-lapse stacks with ROIs, tables, CSV files,
 * ABF recordings) into {@link Trace}s. Inputs are never modified.
 */
public interface TraceInputService extends SciJavaService {

	/** Source names offered in dialogs; see {@link #read}. */
	String IMAGE = "Image (one trace per row)", ROIS = "ROIs on a time-lapse", TABLE = "Results table",
		TEXT_FILE = "CSV/TSV file", ABF = "ABF recording";

	String[] SOURCES = { IMAGE, ROIS, TABLE, TEXT_FILE, ABF };

	/** One trace per row of a multi-row image, or the single trace of an N x 1 / 1 x N image. */
	List<Trace> fromImage(ImagePlus image);

	/**
	 * Mean intensity per frame inside each (area) ROI of a time-lapse, optionally as dF/F:
	 * along the frame axis at the current channel and slice, or along the slices of a
	 * stack without frames.
	 */
	List<Trace> fromRois(ImagePlus timeLapse, Roi[] rois, RoiTraceOptions options);

	/** Same, with the ROIs of the ROI Manager. */
	List<Trace> fromRoiManager(ImagePlus timeLapse, RoiTraceOptions options);

	/** Same, with the ROIs of a ROI set saved by the ROI Manager (.zip) or a single .roi file: works headless. */
	List<Trace> fromRoiFile(ImagePlus timeLapse, File roiFile, RoiTraceOptions options);

	/**
	 * Chosen numeric columns of a table (all numeric columns if {@code columns} is empty). A
	 * shorter column ends at its first trailing empty cell; a missing or non-numeric value
	 * before that is an error naming the column and row.
	 */
	List<Trace> fromTable(ResultsTable table, String columns, double dt, String timeUnit, String valueUnit);

	/** Columns of a CSV/TSV file (comma, tab or semicolon; header row optional). */
	List<Trace> fromTextFile(File file, String columns, double dt, String timeUnit, String valueUnit);

	/**
	 * Every sweep of one channel of an ABF file, with each sweep's command step level as its
	 * parameter; with {@code stepOnly}, only the samples of the stepped epoch, where that
	 * parameter is constant.
	 */
	List<Trace> fromAbf(File file, int channel, boolean stepOnly);

	/**
	 * Reads traces from any source by its name in {@link #SOURCES}: the image for
	 * {@link #IMAGE} and {@link #ROIS} (with the ROI set file, or else the ROI Manager), the
	 * table title for {@link #TABLE}, the file for {@link #TEXT_FILE} and {@link #ABF}.
	 */
	List<Trace> read(TraceRequest request);

	/**
	 * Gives each trace its control-parameter value. An empty list keeps the values the
	 * traces already carry (from a trace image or an ABF file).
	 */
	List<Trace> withParameters(List<Trace> traces, double[] values, String parameterName);
}
