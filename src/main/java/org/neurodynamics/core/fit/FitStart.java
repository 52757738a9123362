package org.neurodynamics.core.fit;

/** Where the local (Adam) stage of a gradient fit starts. */
public enum FitStart {
	/** From the given starting values only. */
	SINGLE,
	/**
	 * A low-discrepancy (Sobol) set of starts in a box of multipliers around the given values,
	 * each taken a few cheap Adam steps on the first loss window and scored on the whole
	 * target; the given start and the best others are finished with Adam and the best of
	 * those is kept.
	 */
	MULTI_START,
	/** A short CMA-ES run on the whole-target loss, then Adam from its best point. */
	CMA_ES_THEN_ADAM
}
