package org.neurodynamics.service;

import java.io.File;
import java.util.List;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.reconstruct.DimensionAnalysis;
import org.neurodynamics.core.reconstruct.EmbeddingEstimate;
import org.neurodynamics.core.reconstruct.Explorer;
import org.neurodynamics.core.reconstruct.ReconstructedModel;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;
import org.neurodynamics.core.trace.Trace;
import org.scijava.service.SciJavaService;

/**
 * Reconstructs dynamics from traces (embedding, autoencoder, map), saves and loads the
 * trained models, and explores them over the control parameter.
 */
public interface ReconstructionService extends SciJavaService {

	/** Suggested delay (mutual information) and embedding dimension (false nearest neighbours). */
	EmbeddingEstimate estimateEmbedding(List<Trace> traces, int maxLag, int maxDimension, Progress progress);

	/** Reads the state-space dimension from autoencoders trained at several latent sizes and seeds. */
	DimensionAnalysis.Result analyseDimension(List<Trace> traces, DimensionAnalysis.Settings settings, Progress progress);

	Reconstruction.Result reconstruct(List<Trace> traces, ReconstructionSettings settings, Progress progress);

	/** Writes the model atomically: a cancelled or failed save leaves no half-written file. */
	void save(ReconstructedModel model, File file);

	/** Loads a model file (cached while the file is unchanged). */
	ReconstructedModel load(File file);

	List<Explorer.Point> explore(ReconstructedModel model, Explorer.Settings settings, Progress progress);
}
