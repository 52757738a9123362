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

	/**
	 * The progress of part {@code index} of {@code count} equal parts of this work, its
	 * messages led by {@code label}; cancelled when this is.
	 */
	default Progress part(int index, int count, String label) {
		Progress whole = this;
		return new Progress() {
			@Override
			public void report(String stage, double fraction, String message) {
				String lead = label + " (" + (index + 1) + " of " + count + ")";
				whole.report(stage, (index + Math.max(0, Math.min(1, fraction))) / count,
					message == null || message.isEmpty() ? lead : lead + ": " + message);
			}

			@Override
			public boolean isCancelled() {
				return whole.isCancelled();
			}
		};
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
