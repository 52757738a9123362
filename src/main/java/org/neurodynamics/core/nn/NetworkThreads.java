package org.neurodynamics.core.nn;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The number of CPU threads ND4J uses for its own operations (OpenMP) and for BLAS
 * (OpenBLAS). For the small networks of this plugin one thread is usually fastest: the
 * matrices are too small to amortise the cost of waking a second thread.
 */
public final class NetworkThreads {

	private static final System.Logger LOG = System.getLogger(NetworkThreads.class.getName());

	/** Thread count used when nothing else was configured. */
	public static final int DEFAULT = 1;

	private static volatile boolean configured;

	private NetworkThreads() {}

	/**
	 * Sets the ND4J/OpenMP and OpenBLAS thread counts to {@code threads} (at least 1) and
	 * logs what is in effect afterwards.
	 *
	 * @return a one-line description of the settings in effect
	 */
	public static synchronized String configure(int threads) {
		int n = Math.max(1, threads);
		// master threads may not exceed the total: lower the master count first
		Nd4j.getEnvironment().setMaxMasterThreads(Math.min(n, Nd4j.getEnvironment().maxMasterThreads()));
		Nd4j.getEnvironment().setMaxThreads(n);
		Nd4j.getEnvironment().setMaxMasterThreads(n);
		Nd4j.factory().blas().setMaxThreads(n);
		NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
		configured = true;
		String d = describe();
		LOG.log(System.Logger.Level.INFO, "Network threads set to " + n + ": " + d);
		return d;
	}

	/** Configures {@link #DEFAULT} threads unless {@link #configure(int)} was already called. */
	public static void ensureConfigured() {
		if (!configured) configure(DEFAULT);
	}

	/** The thread counts currently in effect. */
	public static String describe() {
		return "ND4J maxThreads=" + Nd4j.getEnvironment().maxThreads() + ", maxMasterThreads="
			+ Nd4j.getEnvironment().maxMasterThreads() + ", OpenMP max threads="
			+ NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads() + ", BLAS threads=" + Nd4j.factory().blas().getMaxThreads()
			+ " (" + Runtime.getRuntime().availableProcessors() + " processors)";
	}
}
