package org.neurodynamics.core.nn;

/**
 * The number of CPU threads of the networks' matrix products (OpenBLAS). For the small
 * networks of this plugin one thread is usually fastest: the matrices are too small to
 * amortise the cost of waking a second thread.
 */
public final class NetworkThreads {

	private static final System.Logger LOG = System.getLogger(NetworkThreads.class.getName());

	/** Thread count used when nothing else was configured. */
	public static final int DEFAULT = 1;

	private static volatile boolean configured;

	private NetworkThreads() {}

	/**
	 * Sets the OpenBLAS thread count to {@code threads} (at least 1) and logs what is in
	 * effect afterwards.
	 *
	 * @return a one-line description of the settings in effect
	 */
	public static synchronized String configure(int threads) {
		Blas.setThreads(Math.max(1, threads));
		configured = true;
		String d = describe();
		LOG.log(System.Logger.Level.INFO, "Network threads: " + d);
		return d;
	}

	/** Configures {@link #DEFAULT} threads unless {@link #configure(int)} was already called. */
	public static void ensureConfigured() {
		if (!configured) configure(DEFAULT);
	}

	/** The thread count currently in effect. */
	public static String describe() {
		return "BLAS threads=" + Blas.threads() + " (" + Runtime.getRuntime().availableProcessors() + " processors)";
	}
}
