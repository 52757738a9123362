/**
 * The reconstruction pipeline and what it produces: every setting with its default
 * ({@code ReconstructionSettings}, the one home of the pipeline's defaults), the choice of
 * embedding, the state-dimension analysis, the autoencoder and candidate maps
 * ({@code Reconstruction}, {@code MapCandidates}), the self-check against the recordings,
 * the model file ({@code ReconstructedModel}) and exploration over parameter values
 * ({@code Explorer}). It may import {@code core}, {@code core.analysis},
 * {@code core.data}, {@code core.embed}, {@code core.io}, {@code core.nn} and
 * {@code core.trace}.
 */
package org.neurodynamics.core.reconstruct;
