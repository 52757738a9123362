/**
 * Analysis of traces and maps: spike detection and thresholds, firing-regime
 * classification, local maxima, fixed points and their eigenvalues, the largest Lyapunov
 * exponent, and distances between true and reconstructed trajectories. It may import
 * Hipparchus (linear algebra, complex numbers) and no other plugin package.
 */
package org.neurodynamics.core.analysis;
