package org.neurodynamics.core.batch;

import java.util.Locale;

import org.neurodynamics.core.UserInputException;

/** What the batch does with each cell. */
public enum CellJob {
	/** Spike features per sweep: spike count, rate, first-spike latency, steady-state voltage. */
	FEATURES("features"),
	/** Fit Conductances on the step family, with the defaults of the fit and a bounded iteration count. */
	FIT("fit"),
	/** Reconstruct Dynamics, then Explore Reconstructed Model over the recorded values. */
	RECONSTRUCT("reconstruct");

	private final String key;

	CellJob(String key) { this.key = key; }

	/** The job's name in macros and on the command line. */
	public String key() { return key; }

	public static CellJob of(String key) {
		String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
		for (CellJob j : values()) if (j.key.equals(k)) return j;
		throw new UserInputException("Unknown job '" + key + "'; choose features, fit or reconstruct.");
	}
}
