package org.neurodynamics.core;

/**
 * How long-running core work reports progress and learns that it should stop.
 * Services adapt this to the Fiji status bar and to log lines when headless.
 */
public interface Progress {

	/** Reports that {@code stage} is {@code fraction} (0..1) done, with a short message. */
	void report(String stage, double fraction, String message);

	/** True once the user asked to cancel. */
	boolean isCancelled();

	/** Throws {@link CancelledException} if the user asked to cancel. */
	default void checkCancelled(String stage) {
		if (isCancelled()) throw new CancelledException(stage);
	}

	/** Progress that reports nothing and is never cancelled. */
	Progress NONE = new Progress() {
		@Override
		public void report(String stage, double fraction, String message) {}

		@Override
		public boolean isCancelled() {
			return false;
		}
	};
}
