/**
 * The batch on Apache Spark, for clusters: {@code SparkBatch}, the main class of
 * spark-submit, runs the same per-cell job as Batch Over Recordings
 * ({@code core.batch.CellRunner}) with the cells as Spark's tasks and writes the rows as a
 * Parquet table. Spark is a provided dependency (the cluster has it; Fiji does not), so this
 * package may import Spark and {@code core.batch}, and nothing in the plugin imports it.
 */
package org.neurodynamics.spark;
