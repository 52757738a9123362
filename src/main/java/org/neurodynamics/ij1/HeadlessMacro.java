package org.neurodynamics.ij1;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.imagej.patcher.LegacyEnvironment;

/**
 * Runs an ImageJ macro headless from the built jar, without Fiji:
 *
 * <pre>
 * java -cp "target/Neuro_Dynamics-&lt;version&gt;.jar:target/dependency/*" org.neurodynamics.ij1.HeadlessMacro macro.ijm [argument]
 * </pre>
 *
 * ImageJ 1 is patched for running without a display (as Fiji's --headless does), the menu
 * entries of every jar on the class path are installed, and the macro runs with
 * {@code argument} as getArgument(). The process exits with 0 when the macro ran to its end,
 * 1 when it did not (a failed command, a macro error, or the macro called exit), and 2 when
 * it could not be started. Relaunched (see {@link #relaunch}), the macro's process ends when
 * the launching one does ({@link LauncherWatch}), with status 3. This class must not refer to ij.* classes: ImageJ is loaded, patched,
 * in the environment's own class loader.
 */
public final class HeadlessMacro {

	/** What ImageJ returns for a macro that did not run to its end. */
	private static final String ABORTED = "[aborted]";
	/** The message of the exception that ends an aborted macro (ij.Macro.MACRO_CANCELED). */
	private static final String CANCELED = "Macro canceled";
	private static final String[] OPENS = { "--add-opens=java.base/java.lang=ALL-UNNAMED",
		"--add-opens=java.base/java.nio=ALL-UNNAMED" };

	private HeadlessMacro() {}

	public static void main(String... args) {
		if (args.length < 1 || args.length > 2 || args[0].equals("-h") || args[0].equals("--help")) {
			System.err.println("Usage: java -cp \"Neuro_Dynamics-<version>.jar:dependency/*\" " + HeadlessMacro.class.getName() +
				" macro.ijm [argument]\nRuns the macro headless; exits 0 when it ran to its end, 1 when it failed.");
			System.exit(2);
		}
		File macro = new File(args[0]);
		if (!macro.isFile()) {
			System.err.println("No macro file '" + macro + "'.");
			System.exit(2);
		}
		int status;
		try {
			LauncherWatch.start();
			status = opensJavaLang() ? run(macro, args.length > 1 ? args[1] : "") : relaunch(args);
		}
		catch (Throwable e) {
			e.printStackTrace();
			status = 2;
		}
		// Networks and ImageJ leave non-daemon threads behind.
		System.exit(status);
	}

	/** Whether ImageJ's classes can be patched: java.lang is open to this code (Java 9 and later close it). */
	private static boolean opensJavaLang() {
		return Object.class.getModule().isOpen("java.lang", HeadlessMacro.class.getModule());
	}

	/**
	 * Runs this launcher again in a Java VM that lets the patcher work (java.lang and java.nio
	 * opened, as Fiji's launcher does), with this VM's options and class path; its exit status.
	 */
	private static int relaunch(String... args) throws Exception {
		List<String> cmd = new ArrayList<>();
		cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
		cmd.addAll(List.of(OPENS));
		// the child ends with this process, also when this one is killed and cannot stop it
		cmd.add(LauncherWatch.option());
		cmd.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), HeadlessMacro.class.getName()));
		cmd.addAll(List.of(args));
		return new ProcessBuilder(cmd).inheritIO().start().waitFor();
	}

	/** Runs {@code macro} headless; 0 when it ran to its end, 1 when it was aborted. */
	static int run(File macro, String argument) throws Exception {
		System.setProperty("java.awt.headless", "true");
		LegacyEnvironment ij = new LegacyEnvironment(null, true);
		ij.disableIJ1PluginDirs();
		ij.addPluginClasspath(pluginClassPath());
		ClassLoader loader = ij.getClassLoader();
		Thread thread = Thread.currentThread();
		String name = thread.getName();
		ClassLoader previous = thread.getContextClassLoader();
		// ImageJ treats threads named "Run$_..." as macro threads (so that Macro.abort() stops the macro).
		thread.setName("Run$_" + name);
		thread.setContextClassLoader(loader);
		try {
			String text = new String(Files.readAllBytes(macro.toPath()), StandardCharsets.UTF_8);
			// The macro's own path, for getInfo("macro.filepath") and getDirectory("macro").
			loader.loadClass("ij.plugin.Macro_Runner").getMethod("setFilePath", String.class).invoke(null, macro.getAbsolutePath());
			Class<?> interpreterClass = loader.loadClass("ij.macro.Interpreter");
			Object interpreter = interpreterClass.getConstructor().newInstance();
			Object result = interpreterClass.getMethod("run", String.class, String.class).invoke(interpreter, text, argument);
			// A failed command reports through the interpreter and aborts the macro (see RunCommand).
			boolean error = Boolean.TRUE.equals(interpreterClass.getMethod("wasError").invoke(interpreter));
			if (error || ABORTED.equals(result)) {
				System.err.println("The macro " + macro + " failed or was aborted (see the messages above).");
				return 1;
			}
			return 0;
		}
		catch (InvocationTargetException e) {
			// exit() and aborted macros end with "Macro canceled"; the message was shown already.
			if (CANCELED.equals(e.getCause().getMessage())) System.err.println("The macro " + macro + " was aborted or called exit.");
			else {
				System.err.println("The macro " + macro + " failed:");
				e.getCause().printStackTrace();
			}
			return 1;
		}
		finally {
			thread.setName(name);
			thread.setContextClassLoader(previous);
		}
	}

	/** Every entry of the class path but ImageJ itself, whose menu entries (plugins.config) ImageJ installs. */
	private static File[] pluginClassPath() {
		List<File> files = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (entry.isEmpty()) continue;
			String file = new File(entry).getName();
			if (file.matches("ij-\\d.*\\.jar") || file.equals("ij.jar")) continue;
			files.add(new File(entry));
		}
		return files.toArray(new File[0]);
	}
}
