package org.neurodynamics.service;

import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.batch.BatchRun;

/** A batch's summary, its results table (one row per finished cell) and the population figure. */
public final class BatchOutcome {

	public final BatchRun.Summary summary;
	public final ResultsTable table;
	public final Plot population;

	BatchOutcome(BatchRun.Summary summary, ResultsTable table, Plot population) {
		this.summary = summary;
		this.table = table;
		this.population = population;
	}
}
