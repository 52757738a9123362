package org.neurodynamics.command;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;

import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.CancelledException;
import org.neurodynamics.core.batch.BatchSettings;
import org.neurodynamics.service.BatchOutcome;
import org.neurodynamics.service.BatchService;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Runs one job on every recording (ABF, CSV) under a folder: spike features, a conductance
 * fit or a reconstruction per cell, one row per cell in results.csv, each cell's files in
 * its own folder. A re-run with the same job and settings keeps the cells already finished;
 * one with others is refused unless redo is set.
 */
@Plugin(type = Command.class, label = "Batch Over Recordings")
public class BatchOverRecordings extends LongCommand {

	private static final BatchSettings DEFAULTS = new BatchSettings();

	@Parameter
	private BatchService batch;

	@Parameter(label = "Input folder", style = "directory", description = "Folder with the recordings (.abf, .csv), subfolders included; never modified.")
	private File input;

	@Parameter(label = "Output folder", style = "directory", description = "Folder for results.csv, population.png and one folder per cell; a re-run into it keeps the finished cells.")
	private File output;

	@Parameter(label = "Job", choices = { "features", "fit", "reconstruct" }, description = "Per cell: spike features per sweep, Fit Conductances on the step family, or Reconstruct Dynamics and Explore.")
	private String job = DEFAULTS.job.key();

	@Parameter(label = "CSV sampling interval", description = "Time between samples of CSV columns (ms).")
	private double interval = DEFAULTS.interval;

	@Parameter(label = "CSV step start", description = "Start of the current step in CSV columns, from the start of each column; with step end 0, the whole column (ms).", min = "0")
	private double step_start = DEFAULTS.stepStart;

	@Parameter(label = "CSV step end", description = "End of the current step in CSV columns; 0 for the end of each column (ms).", min = "0")
	private double step_end = DEFAULTS.stepEnd;

	@Parameter(label = "Fit iterations", description = "Fit: Adam steps of each stage; also bounds the probe steps of each start (at most 10) and the polish (at most 30).", min = "1")
	private int iterations = DEFAULTS.iterations;

	@Parameter(label = "Channel", description = "ABF channel of the membrane voltage (0 = first).", min = "0")
	private int channel = DEFAULTS.channel;

	@Parameter(label = "CSV value unit", required = false, description = "Unit of CSV values; in mV a spike crosses -20 mV, otherwise thresholds come from each cell's sweeps.")
	private String value_unit = DEFAULTS.valueUnit;

	@Parameter(label = "Fit starts", description = "Fit: spread starts of the multi-start search; 1 starts from the model's defaults only.", min = "1")
	private int starts = DEFAULTS.starts;

	@Parameter(label = "Fit time step", description = "Fit: simulation time step (ms).")
	private double dt = DEFAULTS.dt;

	@Parameter(label = "Fit total time", description = "Fit: time fitted from the start of each sweep; 0 for whole sweeps (ms).", min = "0")
	private double duration = DEFAULTS.duration;

	@Parameter(label = "Quick reconstruction", description = "Reconstruct: the journey macros' quick preset (60 autoencoder epochs, 30 map epochs, 2 maps) instead of the defaults.")
	private boolean quick = DEFAULTS.quick;

	@Parameter(label = "Hold out every other sweep", description = "Reconstruct: train on every other sweep and predict the others; the row says how many agree and the figure plots predicted against recorded firing rate.")
	private boolean hold_out = DEFAULTS.holdOut;

	@Parameter(label = "Cells at once", description = "Cells run side by side; 0 for one per core (one at a time for reconstructions, which use every core).", min = "0")
	private int threads = DEFAULTS.threads;

	@Parameter(label = "Redo every cell", description = "Delete the cells the output folder holds and run every cell again; without it, a re-run with the same job and settings finishes the folder's cells and one with others is refused.")
	private boolean redo = DEFAULTS.redo;

	@Parameter(type = ItemIO.OUTPUT, label = "Batch results")
	private ResultsTable results;

	@Parameter(type = ItemIO.OUTPUT, label = "Population")
	private Plot population;

	@Override
	public void run() {
		// the batch's one parser, as the Spark job's command line: every route refuses the same input alike
		Map<String, String> given = new LinkedHashMap<>();
		given.put("job", job);
		given.put("interval", Double.toString(interval));
		given.put("step_start", Double.toString(step_start));
		given.put("step_end", Double.toString(step_end));
		given.put("iterations", Integer.toString(iterations));
		given.put("channel", Integer.toString(channel));
		given.put("value_unit", value_unit == null ? "" : value_unit);
		given.put("starts", Integer.toString(starts));
		given.put("dt", Double.toString(dt));
		given.put("duration", Double.toString(duration));
		given.put("quick", Boolean.toString(quick));
		given.put("hold_out", Boolean.toString(hold_out));
		given.put("threads", Integer.toString(threads));
		given.put("redo", Boolean.toString(redo));
		BatchSettings s = BatchSettings.of(given);
		BatchOutcome outcome = batch.run(input, output, s, progress());
		results = outcome.table;
		population = outcome.population;
		// the finished cells are saved; a macro must not go on as if all were
		if (outcome.summary.cancelled()) throw new CancelledException("Batch Over Recordings (" + outcome.summary +
			"; run it again into the same output folder to finish the rest)");
	}
}
