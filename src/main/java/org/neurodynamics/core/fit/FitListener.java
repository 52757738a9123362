package org.neurodynamics.core.fit;

/** Receives every iteration of a fit (for tables, plots and logs). */
@FunctionalInterface
public interface FitListener {

	void iteration(FitIteration it);

	FitListener NONE = it -> {};
}
