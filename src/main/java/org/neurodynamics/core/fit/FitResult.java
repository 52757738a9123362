package org.neurodynamics.core.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Outcome of a fit: the best parameters found on the full window, and the history. */
public final class FitResult {

	/** Why the fit ended. */
	public enum Status { COMPLETED, CANCELLED, UNSTABLE }

	private final Status status;
	private final String message;
	private final double[] theta, multipliers;
	private final double loss;
	private final List<FitIteration> history;
	private final String[] names;

	FitResult(Status status, String message, double[] theta, double[] multipliers, double loss, List<FitIteration> history,
		String[] names)
	{
		this.status = status;
		this.message = message;
		this.theta = theta.clone();
		this.multipliers = multipliers.clone();
		this.loss = loss;
		this.history = Collections.unmodifiableList(new ArrayList<>(history));
		this.names = names.clone();
	}

	public Status status() { return status; }
	/** A user-facing explanation when the fit did not complete, else "". */
	public String message() { return message; }
	/** Full parameter vector of the best point (model parameter order). */
	public double[] theta() { return theta.clone(); }
	/** Best multipliers of the fitted parameters. */
	public double[] multipliers() { return multipliers.clone(); }
	public String[] parameterNames() { return names.clone(); }
	/** Data loss (mV^2) of the best point over the full window. */
	public double loss() { return loss; }
	public List<FitIteration> history() { return history; }
}
