package org.neurodynamics.ij1;

/**
 * Ends a relaunched headless macro when the process that launched it has ended, however it
 * ended (kill -9 included, which leaves no chance to stop the child): the launcher's process
 * id comes on the command line, and once this process's parent is no longer that process, the
 * batch it runs must not go on writing into a folder the user may already have run again.
 * Must not refer to ij.* classes (see {@link HeadlessMacro}).
 */
final class LauncherWatch {

	/** The system property that carries the launcher's process id. */
	static final String PROPERTY = "neurodynamics.launcher.pid";
	/** How often the launcher is looked for, ms. */
	private static final long PERIOD = 500;
	/** The exit status when the launcher was gone. */
	static final int ORPHANED = 3;

	private LauncherWatch() {}

	/** The JVM option that tells a child which process launched it. */
	static String option() {
		return "-D" + PROPERTY + "=" + ProcessHandle.current().pid();
	}

	/** Starts watching the launcher named by the property, if any. */
	static void start() {
		String value = System.getProperty(PROPERTY);
		if (value == null) return;
		long launcher = Long.parseLong(value.trim());
		Thread watch = new Thread(() -> {
			while (launcherRuns(launcher)) {
				try {
					Thread.sleep(PERIOD);
				}
				catch (InterruptedException e) {
					return;
				}
			}
			System.err.println("The process that started this macro (" + launcher + ") has ended; the macro ends with it. " +
				"Run it again to finish: a batch keeps the cells it finished.");
			// halt, not exit: shutdown hooks of the libraries could wait for the work this ends
			Runtime.getRuntime().halt(ORPHANED);
		}, "launcher watch");
		watch.setDaemon(true);
		watch.start();
	}

	/** Whether {@code launcher} is still this process's parent (a dead parent's children get another). */
	static boolean launcherRuns(long launcher) {
		return ProcessHandle.current().parent().map(p -> p.pid() == launcher && p.isAlive()).orElse(false);
	}
}
