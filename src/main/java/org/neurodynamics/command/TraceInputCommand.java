package org.neurodynamics.command;

import java.io.File;
import java.util.List;

import ij.ImagePlus;

import org.neurodynamics.core.trace.ParameterList;
import org.neurodynamics.core.trace.Trace;
import org.neurodynamics.service.RoiTraceOptions;
import org.neurodynamics.service.TraceInputService;
import org.neurodynamics.service.TraceRequest;
import org.scijava.plugin.Parameter;

/**
 * A command that works on traces from any source users have: a trace image, ROIs on a
 * time-lapse, a results table, a CSV/TSV file or an ABF recording; with the control
 * parameter of each trace given as a list, or taken from the source.
 */
public abstract class TraceInputCommand extends LongCommand {

	@Parameter
	protected TraceInputService traceInput;

	@Parameter(label = "Source", choices = { TraceInputService.IMAGE, TraceInputService.ROIS, TraceInputService.TABLE,
		TraceInputService.TEXT_FILE, TraceInputService.ABF })
	protected String source = TraceInputService.IMAGE;

	@Parameter(label = "Image", required = false, description = "Trace image, or the time-lapse the ROIs were drawn on.")
	protected ImagePlus image;

	@Parameter(label = "Table", required = false, description = "Title of an open results table.")
	protected String table = "Results";

	@Parameter(label = "File", required = false, description = "CSV/TSV file or ABF recording.")
	protected File file;

	@Parameter(label = "Columns", required = false, description = "Table/CSV columns, comma-separated; empty for all numeric columns.")
	protected String columns = "";

	@Parameter(label = "Channel", description = "ABF channel (0 = first).")
	protected int channel = 0;

	@Parameter(label = "Step only", description = "ABF sweeps: keep only the stepped epoch, where the injected current (the control parameter) is constant.")
	protected boolean step_only = false;

	@Parameter(label = "Sampling interval", description = "Time between samples of table/CSV columns.")
	protected double interval = 1;

	@Parameter(label = "Time unit", required = false)
	protected String time_unit = "ms";

	@Parameter(label = "Value unit", required = false)
	protected String value_unit = "";

	@Parameter(label = "ROI set", required = false,
		description = "ROIs for 'ROIs on a time-lapse' as a ROI Manager set (.zip) or a .roi file; empty for the ROIs in the ROI Manager.")
	protected File rois;

	@Parameter(label = "dF/F", description = "ROI traces as dF/F instead of raw mean intensity.")
	protected boolean dff = false;

	@Parameter(label = "Baseline percentile", description = "F0 for dF/F: this percentile of F.")
	protected double percentile = 8;

	@Parameter(label = "Bleach window", description = "Frames of the sliding baseline that corrects bleaching; 0 for a constant F0.")
	protected int bleach_window = 0;

	@Parameter(label = "Parameter values", required = false,
		description = "Control parameter of each trace, in order (1.5, 2.25, 3 or start:step:end); empty to keep those of the source (trace image, ABF steps).")
	protected String parameters = "";

	@Parameter(label = "Parameter name", required = false)
	protected String parameter_name = "p";

	/** The traces of the chosen source, with their control-parameter values. */
	protected List<Trace> readTraces() {
		TraceRequest request = new TraceRequest();
		request.source = source;
		request.image = image;
		request.table = table;
		request.file = file;
		request.columns = columns;
		request.channel = channel;
		request.stepOnly = step_only;
		request.dt = interval;
		request.timeUnit = time_unit;
		request.valueUnit = value_unit;
		request.roiOptions = new RoiTraceOptions(dff, percentile, bleach_window);
		request.rois = rois;
		List<Trace> traces = traceInput.withParameters(traceInput.read(request), ParameterList.parse(parameters, "parameter values"),
			parameter_name);
		for (Trace t : traces) t.requireUsable(minimumTraceLength());
		return traces;
	}

	/** Fewest samples a trace needs for this command; shorter, non-finite or constant traces are refused when read. */
	protected int minimumTraceLength() {
		return 2;
	}
}
