/**
 * Compartmental (cable) models and their simulation with forward sensitivities for
 * gradient diffusion: morphologies from SWC files and their discretisation, channels and
 * gates (Hodgkin-Huxley, Pinsky-Rinzel, a cortical neuron), stimuli and protocols, the
 * implicit tree solver and {@code CableSimulation}. It may import {@code core} and
 * {@code core.trace}.
 */
package org.neurodynamics.core.cable;
