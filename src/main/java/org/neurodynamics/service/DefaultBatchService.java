package org.neurodynamics.service;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import ij.gui.Plot;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.batch.BatchColumns;
import org.neurodynamics.core.batch.BatchRun;
import org.neurodynamics.core.batch.BatchSettings;
import org.neurodynamics.core.batch.Column;
import org.neurodynamics.results.BatchResults;
import org.neurodynamics.results.ResultFiles;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

@Plugin(type = Service.class)
public class DefaultBatchService extends AbstractService implements BatchService {

	/** The population figure's file, beside results.csv. */
	static final String FIGURE = "population";

	@Parameter(required = false)
	private LogService log;

	@Override
	public BatchOutcome run(File input, File output, BatchSettings settings, Progress progress) {
		if (input == null) throw new UserInputException("Choose the input folder with the recordings (input=...).");
		if (output == null) throw new UserInputException("Choose an output folder for the results table and the cells' files " +
			"(output=...).");
		Path in = input.toPath().toAbsolutePath().normalize(), out = output.toPath().toAbsolutePath().normalize();
		if (in.equals(out)) throw new UserInputException("The output folder is the input folder '" + input + "'; choose " +
			"another output folder, so that results and recordings stay apart.");
		BatchRun.Summary summary = BatchRun.run(in, out, settings, progress, this::info);
		info("Batch Over Recordings: " + summary + "; results in " + summary.table);
		List<Column> columns = BatchColumns.of(settings.job);
		Plot figure = BatchResults.population(settings.job, out, summary.rows);
		info("Saved " + ResultFiles.save(output, FIGURE, figure));
		return new BatchOutcome(summary, BatchResults.table(columns, summary.rows), figure);
	}

	private void info(String message) {
		if (log != null) log.info(message);
	}
}
