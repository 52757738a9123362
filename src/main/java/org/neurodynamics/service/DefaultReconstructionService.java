package org.neurodynamics.service;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.nn.NetworkThreads;
import org.neurodynamics.core.reconstruct.DimensionAnalysis;
import org.neurodynamics.core.reconstruct.EmbeddingEstimate;
import org.neurodynamics.core.reconstruct.Explorer;
import org.neurodynamics.core.reconstruct.ReconstructedModel;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;
import org.neurodynamics.core.trace.Trace;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

@Plugin(type = Service.class)
public class DefaultReconstructionService extends AbstractService implements ReconstructionService {

	@Parameter(required = false)
	private LogService log;

	private File cachedFile;
	private long cachedModified;
	private ReconstructedModel cachedModel;

	@Override
	public EmbeddingEstimate estimateEmbedding(List<Trace> traces, int maxLag, int maxDimension, Progress progress) {
		return EmbeddingEstimate.of(traces, maxLag, maxDimension, progress);
	}

	@Override
	public DimensionAnalysis.Result analyseDimension(List<Trace> traces, DimensionAnalysis.Settings settings, Progress progress) {
		if (log != null) log.info("Network threads: " + NetworkThreads.describe());
		return DimensionAnalysis.run(traces, settings, progress);
	}

	@Override
	public Reconstruction.Result reconstruct(List<Trace> traces, ReconstructionSettings settings, Progress progress) {
		if (log != null) log.info("Network threads: " + NetworkThreads.describe());
		return Reconstruction.run(traces, settings, progress);
	}

	@Override
	public void save(ReconstructedModel model, File file) {
		try {
			model.save(file.toPath());
		}
		catch (IOException e) {
			throw new UserInputException("Could not write the model file '" + file + "': " + e.getMessage() +
				". Choose a folder you can write to.", e);
		}
	}

	@Override
	public synchronized ReconstructedModel load(File file) {
		if (file == null) throw new UserInputException("Choose a model file (.ndmodel) written by Reconstruct Dynamics.");
		if (file.equals(cachedFile) && file.lastModified() == cachedModified && cachedModel != null) return cachedModel;
		cachedModel = ReconstructedModel.load(file.toPath());
		cachedFile = file;
		cachedModified = file.lastModified();
		return cachedModel;
	}

	@Override
	public List<Explorer.Point> explore(ReconstructedModel model, Explorer.Settings settings, Progress progress) {
		return Explorer.explore(model, settings, progress);
	}
}
