/**
 * Delay embedding of traces, streamed a batch of rows at a time ({@code DelayEmbedding},
 * with the window layout of fine samples and averaged slow blocks in
 * {@code EmbeddingLayout} and the trace scaling in {@code Normalisation}), and the
 * classic estimators of delay and dimension: mutual information and false nearest
 * neighbours (on a {@code KdTree}). It may import {@code core}, {@code core.data} and
 * {@code core.trace}.
 */
package org.neurodynamics.core.embed;
