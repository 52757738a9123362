package org.neurodynamics.service;

/**
 * Inside Fiji, ND4J finds its native backend through the thread's context class loader,
 * which may not see this plugin's jars. Services wrap network work in {@link #use()}.
 */
final class Nd4jClassLoader implements AutoCloseable {

	private final Thread thread = Thread.currentThread();
	private final ClassLoader previous = thread.getContextClassLoader();

	private Nd4jClassLoader() {
		thread.setContextClassLoader(Nd4jClassLoader.class.getClassLoader());
	}

	static Nd4jClassLoader use() {
		return new Nd4jClassLoader();
	}

	@Override
	public void close() {
		thread.setContextClassLoader(previous);
	}
}
