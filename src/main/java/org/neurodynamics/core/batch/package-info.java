/**
 * Many cells: one recording read as a cell ({@code CellRecording}, an ABF step family
 * {@code AbfStepFamily}), the per-cell jobs (spike features, a conductance fit, a
 * reconstruction with its exploration) as one plain-Java unit ({@code CellRunner}) that the
 * Fiji command and the Spark job both run, the one-row-per-cell result ({@code CellRow},
 * {@code BatchColumns}) and the resumable batch over a folder ({@code BatchRun}). It may
 * import every other core package; nothing from ImageJ, SciJava or Spark.
 */
package org.neurodynamics.core.batch;
