/**
 * Fitting conductances of a cable model to recorded voltages (gradient diffusion): Adam on
 * sensitivity or finite-difference gradients, a global stage (multi-start or CMA-ES), a
 * Gauss-Newton polish, step-family fits and homeostatic control of the firing rate. It
 * may import Hipparchus (optimisation, linear algebra), {@code core} and {@code core.cable}.
 */
package org.neurodynamics.core.fit;
