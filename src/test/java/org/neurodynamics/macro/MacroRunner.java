package org.neurodynamics.macro;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;

import net.imagej.patcher.LegacyEnvironment;

/**
 * Runs ImageJ macros against the built plugin jar in a truly headless ImageJ 1, as
 * Fiji's --headless does. This class must not import ij.*: ImageJ is loaded (and
 * patched for headless use) in the environment's own class loader.
 */
final class MacroRunner {

	private MacroRunner() {}

	/** The plugin jar built by 'mvn package'. */
	static File pluginJar() {
		File[] jars = new File(System.getProperty("basedir", "."), "target").listFiles((dir, name) ->
			name.startsWith("Neuro_Dynamics-") && name.endsWith(".jar") && !name.endsWith("-sources.jar") && !name.endsWith("-tests.jar"));
		if (jars == null || jars.length == 0) throw new IllegalStateException("Build the jar first: mvn package");
		return jars[0];
	}

	/** The plugin jar and its dependencies (all of the test class path but ImageJ itself, which the environment loads). */
	static File[] pluginClassPath() {
		String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		java.util.List<File> files = new java.util.ArrayList<>();
		files.add(pluginJar());
		for (String entry : cp.split(File.pathSeparator)) {
			if (entry.contains("Neuro_Dynamics-") || entry.endsWith("classes") || entry.contains("/net/imagej/ij/") ||
				providedByCluster(entry)) continue;
			files.add(new File(entry));
		}
		return files.toArray(new File[0]);
	}

	private static java.util.Set<String> provided;

	/**
	 * True for the jars of Spark (provided scope, listed by the build in
	 * target/provided-classpath.txt): Fiji does not have them, so ImageJ runs without them.
	 */
	static synchronized boolean providedByCluster(String entry) {
		if (provided == null) {
			Path list = Paths.get(System.getProperty("basedir", "."), "target", "provided-classpath.txt");
			provided = new java.util.HashSet<>();
			try {
				if (Files.exists(list)) provided.addAll(Arrays.asList(Files.readString(list).trim().split(File.pathSeparator)));
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
		return provided.contains(entry);
	}

	/** Runs {@code macro} with {@code argument} (getArgument() in the macro). */
	static void run(String macro, String argument) throws Exception {
		run(macro, argument, new Path[0]);
	}

	/** Runs {@code macro} with further plugin jars (a test's own menu entries) besides the plugin. */
	static void run(String macro, String argument, Path[] extraJars) throws Exception {
		LegacyEnvironment ij = new LegacyEnvironment(null, true);
		ij.disableIJ1PluginDirs();
		ij.addPluginClasspath(pluginClassPath());
		for (Path jar : extraJars) ij.addPluginClasspath(jar.toFile());
		ij.runMacro(macro, argument);
	}

	/** Runs a shipped macro from macros/ with {@code argument}. */
	static void runFile(String name, String argument) throws Exception {
		Path file = Paths.get(System.getProperty("basedir", "."), "macros", name);
		run(Files.readString(file), argument);
	}

	static String read(Path file) throws IOException {
		if (!Files.exists(file)) throw new AssertionError("The macro did not write " + file + "; folder holds " +
			Arrays.toString(file.getParent().toFile().list()));
		return Files.readString(file);
	}
}
