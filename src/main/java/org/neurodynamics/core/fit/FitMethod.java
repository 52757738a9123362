package org.neurodynamics.core.fit;

/** The optimiser and gradient source of a fit. */
public enum FitMethod {
	/** Adam with gradients from forward sensitivities (gradient diffusion). */
	ADAM_SENSITIVITIES,
	/** Adam with central finite-difference gradients: 2P + 1 simulations per step. */
	ADAM_FINITE_DIFFERENCES,
	/** CMA-ES (gradient-free) on the multipliers, population 20, sigma0 0.1. */
	CMA_ES
}
