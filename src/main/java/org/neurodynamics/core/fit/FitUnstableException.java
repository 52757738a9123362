package org.neurodynamics.core.fit;

import org.neurodynamics.core.UserInputException;

/** A fit stopped because the model blew up at some parameter values; the best result so far is kept. */
public class FitUnstableException extends UserInputException {
	private static final long serialVersionUID = 1L;

	private final transient FitResult best;

	FitUnstableException(String message, FitResult best) {
		super(message);
		this.best = best;
	}

	/** The best parameters found before the instability. */
	public FitResult best() { return best; }
}
