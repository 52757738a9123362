/**
 * The point neuron models of Simulate Neuron Model and the benchmarks (Hindmarsh-Rose,
 * Hodgkin-Huxley, Sherman-Rinzel) as ODEs, and their integration into traces with
 * Hipparchus ({@code ModelSimulator}). It may import Hipparchus, {@code core} and
 * {@code core.trace}.
 */
package org.neurodynamics.core.model;
