package org.neurodynamics.service;

import org.neurodynamics.core.fit.FitStart;

/** Where the Adam stage of a fit starts, as Fit Conductances offers it. */
public enum StartSearch implements MenuChoice {

	MULTI_START(Labels.MULTI_START, FitStart.MULTI_START),
	SINGLE(Labels.SINGLE, FitStart.SINGLE),
	CMA_ES(Labels.CMA_ES, FitStart.CMA_ES_THEN_ADAM);

	/** The labels as constants, for the choices of command parameters. */
	public interface Labels {
		String MULTI_START = "Multi-start, then Adam", SINGLE = "Initial values, then Adam", CMA_ES = "CMA-ES, then Adam";
	}

	private final String label;
	private final FitStart start;

	StartSearch(String label, FitStart start) { this.label = label; this.start = start; }

	@Override public String label() { return label; }

	public FitStart start() { return start; }

	public static StartSearch of(String label) {
		return MenuChoice.of(StartSearch.class, label, "start search");
	}
}
