package org.neurodynamics.service;

import org.neurodynamics.core.fit.FitMethod;

/** The optimisers of Fit Conductances, with the fit method each one runs. */
public enum Optimiser implements MenuChoice {

	ADAM(Labels.ADAM, FitMethod.ADAM_SENSITIVITIES),
	ADAM_FD(Labels.ADAM_FD, FitMethod.ADAM_FINITE_DIFFERENCES),
	CMA_ES(Labels.CMA_ES, FitMethod.CMA_ES);

	/** The labels as constants, for the choices of command parameters. */
	public interface Labels {
		String ADAM = "Adam (gradient diffusion)", ADAM_FD = "Adam (finite differences)", CMA_ES = "CMA-ES";
	}

	private final String label;
	private final FitMethod method;

	Optimiser(String label, FitMethod method) { this.label = label; this.method = method; }

	@Override public String label() { return label; }

	public FitMethod method() { return method; }

	public static Optimiser of(String label) {
		return MenuChoice.of(Optimiser.class, label, "optimiser");
	}

	/** The optimiser that runs {@code method}. */
	public static Optimiser of(FitMethod method) {
		for (Optimiser o : values()) if (o.method == method) return o;
		throw new IllegalArgumentException("No optimiser runs " + method);
	}
}
