package org.neurodynamics.command;

import java.util.List;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.trace.Trace;
import org.neurodynamics.results.TraceImage;
import org.neurodynamics.results.TracePlots;
import org.neurodynamics.results.TraceTables;
import org.neurodynamics.service.TraceInputService;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Reads traces from any supported source into a trace image and a table, to look at and pass on. */
@Plugin(type = Command.class, label = "Import Traces")
public class ImportTraces extends TraceInputCommand {

	@Parameter(label = "Output folder", required = false, style = "directory",
		description = "Folder to save the trace image (TIFF) and table (CSV) in; empty to save nothing.")
	private java.io.File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Imported traces")
	private ImagePlus traces;

	@Parameter(type = ItemIO.OUTPUT, label = "Imported traces table")
	private ResultsTable summary;

	@Parameter(type = ItemIO.OUTPUT, label = "Imported traces plot")
	private Plot plot;

	@Override
	public void run() {
		List<Trace> read = readTraces();
		traces = TraceImage.create("Traces of " + sourceName(), read);
		summary = TraceTables.summary(read);
		plot = TracePlots.of(traces.getTitle() + " plot", read);
		save(output, "imported-traces", traces);
		save(output, "imported-traces", summary);
	}

	private String sourceName() {
		if ((TraceInputService.TEXT_FILE.equals(source) || TraceInputService.ABF.equals(source)) && file != null) return file.getName();
		if (TraceInputService.TABLE.equals(source)) return table;
		return image != null ? image.getTitle() : source;
	}
}
