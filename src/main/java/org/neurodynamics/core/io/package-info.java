/**
 * Reading and writing files without ImageJ: Axon Binary Format recordings (ABF1 and ABF2
 * headers, sweeps, epoch tables, command waveforms and step levels), delimited numeric
 * tables (CSV, TSV), and atomic writes so no reader sees a half-written file. It may
 * import {@code core} and {@code core.trace}.
 */
package org.neurodynamics.core.io;
