package org.neurodynamics.command;

import java.io.File;

import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.reconstruct.EmbeddingEstimate;
import org.neurodynamics.results.ReconstructionResults;
import org.neurodynamics.service.ReconstructionService;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Suggests the embedding delay (mutual information) and minimal dimension (false nearest neighbours) of a trace. */
@Plugin(type = Command.class, label = "Estimate Embedding")
public class EstimateEmbedding extends TraceInputCommand {

	@Parameter
	private ReconstructionService reconstruction;

	@Parameter(label = "Largest delay", description = "Largest delay (samples) of the mutual-information curve.", min = "1")
	private int max_delay = 100;

	@Parameter(label = "Largest dimension", description = "Largest embedding dimension tested for false neighbours.", min = "1")
	private int max_dimension = 10;

	@Parameter(label = "Output folder", required = false, style = "directory")
	private File output;

	// Not 'table': that is the inherited input naming the source table, and SciJava refuses
	// a command with two items of one name.
	@Parameter(type = ItemIO.OUTPUT, label = "Embedding estimate")
	private ResultsTable estimate;

	@Parameter(type = ItemIO.OUTPUT, label = "Average mutual information")
	private Plot mutual_information;

	@Parameter(type = ItemIO.OUTPUT, label = "False nearest neighbours")
	private Plot false_neighbours;

	@Override
	public void run() {
		EmbeddingEstimate e = reconstruction.estimateEmbedding(readTraces(), max_delay, max_dimension, progress());
		estimate = ReconstructionResults.embeddingTable(e);
		mutual_information = ReconstructionResults.mutualInformationPlot(e);
		false_neighbours = ReconstructionResults.falseNeighboursPlot(e);
		log().info("Embedding of '" + e.traceName + "': suggested delay " + e.delay + " samples, minimal dimension " + e.dimension);
		save(output, "embedding-estimate", estimate);
		save(output, "mutual-information", mutual_information);
		save(output, "false-neighbours", false_neighbours);
	}
}
