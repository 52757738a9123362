package org.neurodynamics.service;

import java.io.File;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.batch.BatchSettings;
import org.scijava.service.SciJavaService;

/**
 * Runs a per-cell job over every recording under a folder on this machine: one row per cell
 * in results.csv, each cell's files in its own folder, the population figure beside the
 * table; resumable, a failed cell a row with its message.
 */
public interface BatchService extends SciJavaService {

	BatchOutcome run(File input, File output, BatchSettings settings, Progress progress);
}
