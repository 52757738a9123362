package org.neurodynamics.macro;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * Runs ImageJ with a real display (Xvfb) in its own process: the plugin jar in a plugins
 * folder, as a user installs it, and a macro started with -macro that ends with
 * run("Quit"). Tests using it are skipped when xvfb-run is not installed.
 */
final class Display {

	private Display() {}

	static boolean available() {
		return new File("/usr/bin/xvfb-run").canExecute();
	}

	/** A plugins folder in {@code dir} holding the plugin jar, the status-bar recorder and the dialog inspector. */
	static Path pluginsFolder(Path dir) throws Exception {
		Path plugins = Files.createDirectories(dir.resolve("plugins"));
		Files.copy(MacroRunner.pluginJar().toPath(), plugins.resolve(MacroRunner.pluginJar().getName()));
		String name = StatusBarRecorder.class.getName().replace('.', '/') + ".class";
		String inspector = DialogInspector.class.getName().replace('.', '/') + ".class";
		Path classes = Path.of(System.getProperty("basedir", "."), "target", "test-classes");
		try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(plugins.resolve("status-bar-recorder.jar")))) {
			for (String entry : List.of(name, name.replace(".class", "$1.class"), inspector)) {
				if (!Files.exists(classes.resolve(entry))) continue;
				j.putNextEntry(new JarEntry(entry));
				j.write(Files.readAllBytes(classes.resolve(entry)));
			}
		}
		return plugins;
	}

	/**
	 * Runs {@code macro} (which must end with run("Quit")) in ImageJ on a virtual screen with
	 * {@code argument}; returns what ImageJ printed. Fails when ImageJ does not quit in time.
	 */
	static String runImageJ(Path dir, Path macro, String argument, int timeoutSeconds) throws Exception {
		return runImageJ(dir, macro, argument, timeoutSeconds, "1280x1024");
	}

	/** As {@link #runImageJ(Path, Path, String, int)} on a screen of {@code size} pixels ("1366x768", a laptop). */
	static String runImageJ(Path dir, Path macro, String argument, int timeoutSeconds, String size) throws Exception {
		pluginsFolder(dir);
		List<String> cmd = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 " + size + "x24", javaBin(), "-Xmx2g",
			"-cp", classPath(), "-Dplugins.dir=" + dir, "ij.ImageJ", "-macro", macro.toString(), argument));
		Path log = dir.resolve("imagej-log.txt");
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
		if (!done) {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
		}
		String printed = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		if (!done) throw new AssertionError("ImageJ did not quit within " + timeoutSeconds + " s: " + printed);
		return printed;
	}

	private static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The test class path without the plugin itself and the tests (ImageJ loads the plugin from its plugins folder). */
	private static String classPath() {
		String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		StringBuilder sb = new StringBuilder();
		for (String entry : cp.split(File.pathSeparator)) {
			if (entry.contains("Neuro_Dynamics-") || entry.endsWith("classes") || entry.endsWith("test-classes") ||
				MacroRunner.providedByCluster(entry)) continue;
			sb.append(sb.length() == 0 ? "" : File.pathSeparator).append(entry);
		}
		return sb.toString();
	}
}
