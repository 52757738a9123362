package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's install into Fiji, {@code mvn -B -DskipTests -Dscijava.app.directory=/path/to/Fiji.app install},
 * into a Fiji.app whose jars/ holds the jars Fiji ships (at the versions pom-scijava manages; the build copies
 * them to target/fiji-jars/): every jar of Fiji's stays as it was, no folder holds two jars of one base name
 * (the install and Fiji's updater take them for two versions of one library, and keep one), the native
 * libraries of Linux, Windows and macOS land in Fiji's jars/&lt;platform&gt;/ folders, and a small reconstruction
 * macro runs with nothing but Fiji.app's jars on the class path, as Fiji's launcher puts them there.
 * The install runs on a copy of the sources, so this build's target/ is left alone; it needs Maven online
 * mode (populate-app refuses to run offline) but, once everything is in the local repository, no network.
 */
class FijiInstallIT {

	private static final Path PROJECT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

	/** Fiji's folder for this machine's native libraries, and the other folders the install fills. */
	private static final String[][] NATIVES = { { "linux64", "linux-x86_64" }, { "win64", "windows-x86_64" },
		{ "macosx", "macosx-x86_64" }, { "macosx", "macosx-arm64" } };

	private static final String MACRO = String.join("\n",
		"out = getArgument();",
		"setBatchMode(true);",
		"run(\"Simulate Neuron Model...\", \"model=Hindmarsh-Rose variable=x parameters=[1.5, 3] duration=300 transient_time=100 dt=0.5 noise=0 seed=1\");",
		"run(\"Reconstruct Dynamics...\", \"source=[Image (one trace per row)] image=[\" + getTitle() + \"] model=[\" + out + \"/model.ndmodel] " +
			"embedding=3 delay=2 latent=3 state_dimension=2 vae_hidden=8 map_hidden=8 vae_epochs=2 map_epochs=2 rollout=2 " +
			"samples_per_epoch=256 seed=0 output=[\" + out + \"]\");",
		"File.saveString(\"\" + nResults, out + \"/summary-rows.txt\");",
		"");

	/** target/dependency/ (what the README says to copy into Fiji by hand) holds none of Spark, which is provided. */
	@Test
	void theCopiedDependenciesHoldNoSpark() throws Exception {
		Path copied = PROJECT.resolve("target/dependency");
		assertTrue(Files.isDirectory(copied), "mvn package copies the dependencies to " + copied);
		List<String> cluster = list(copied).stream().map(j -> j.getFileName().toString())
			.filter(n -> n.matches("(spark|scala|hadoop|parquet|json4s|jackson-module-scala).*")).collect(Collectors.toList());
		assertEquals(List.of(), cluster);
		assertTrue(list(copied).stream().anyMatch(j -> j.getFileName().toString().startsWith("hipparchus-core")));
	}

	@Test
	void installsBesideFijisOwnJarsAndReconstructs(@TempDir Path dir) throws Exception {
		Path fiji = dir.resolve("Fiji.app"), jars = fiji.resolve("jars"), plugins = fiji.resolve("plugins");
		Files.createDirectories(jars);
		Files.createDirectories(plugins);
		Map<String, String> shipped = new TreeMap<>();
		Path fijiJars = PROJECT.resolve("target/fiji-jars");
		assertTrue(Files.isDirectory(fijiJars), "mvn verify copies Fiji's jars to " + fijiJars + " (pre-integration-test)");
		for (Path jar : list(fijiJars)) {
			Files.copy(jar, jars.resolve(jar.getFileName()));
			shipped.put(jar.getFileName().toString(), sha256(jar));
		}
		assertTrue(shipped.keySet().stream().anyMatch(name -> name.matches("guava-[0-9.]+-jre\\.jar")), shipped.toString());

		String log = install(dir.resolve("source"), fiji, dir.resolve("install.log"));

		for (Map.Entry<String, String> jar : shipped.entrySet()) {
			Path file = jars.resolve(jar.getKey());
			assertTrue(Files.isRegularFile(file), "the install deleted Fiji's " + jar.getKey() + "\n" + log);
			assertEquals(jar.getValue(), sha256(file), "the install changed Fiji's " + jar.getKey() + "\n" + log);
		}
		assertFalse(log.contains("was detected; skipping"), "the install left out a jar the plugin needs:\n" + log);
		for (Path folder : List.of(jars, plugins, jars.resolve("linux64"), jars.resolve("win64"), jars.resolve("macosx"))) {
			Map<String, List<String>> byBaseName = new TreeMap<>();
			for (Path jar : list(folder))
				byBaseName.computeIfAbsent(baseName(jar.getFileName().toString()), k -> new ArrayList<>()).add(jar.getFileName().toString());
			byBaseName.values().removeIf(names -> names.size() == 1);
			assertEquals(Map.of(), byBaseName, "jars of one base name in " + fiji.relativize(folder));
		}
		for (String[] platform : NATIVES)
			for (String library : new String[] { "javacpp-1.5.7", "openblas-0.3.19-1.5.7" }) {
				Path jar = jars.resolve(platform[0]).resolve(library + "-" + platform[1] + ".jar");
				assertTrue(Files.isRegularFile(jar), fiji.relativize(jar) + " was not installed\n" + log);
			}
		List<String> cluster = list(jars).stream().map(j -> j.getFileName().toString())
			.filter(n -> n.matches("(spark|scala|hadoop|parquet|json4s|jackson-module-scala).*")).collect(Collectors.toList());
		assertEquals(List.of(), cluster, "Spark is the cluster's (provided); none of it belongs in Fiji.app");
		List<String> pluginJars = list(plugins).stream().map(p -> p.getFileName().toString()).collect(Collectors.toList());
		assertEquals(1, pluginJars.size(), pluginJars.toString());
		assertTrue(pluginJars.get(0).matches("Neuro_Dynamics-.*\\.jar"), pluginJars.toString());

		// A reconstruction with only Fiji.app's jars on the class path: jars/, jars/<this platform>/, plugins/.
		Path results = Files.createDirectories(dir.resolve("results"));
		Path macro = dir.resolve("reconstruct.ijm");
		Files.writeString(macro, MACRO);
		String cp = String.join(File.pathSeparator, jars + File.separator + "*",
			jars.resolve(platformFolder()) + File.separator + "*", plugins + File.separator + "*");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Path output = dir.resolve("macro-output.txt");
		Process p = new ProcessBuilder(java, "-Xmx1g", "-cp", cp, "org.neurodynamics.ij1.HeadlessMacro", macro.toString(), results.toString())
			.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		boolean done = p.waitFor(4, TimeUnit.MINUTES);
		if (!done) p.destroyForcibly().waitFor();
		String printed = Files.readString(output, StandardCharsets.UTF_8);
		assertTrue(done, "the macro did not end within 4 minutes:\n" + printed);
		assertEquals(0, p.exitValue(), printed);
		assertTrue(Files.size(results.resolve("model.ndmodel")) > 100, "no model written:\n" + printed);
		assertTrue(Files.size(results.resolve("reconstruction-summary.csv")) > 10, "no summary written:\n" + printed);
		assertTrue(Integer.parseInt(MacroRunner.read(results.resolve("summary-rows.txt")).strip()) > 0, printed);
		assertFalse(printed.contains("NoClassDefFoundError") || printed.contains("ClassNotFoundException"), printed);
	}

	/** Runs the README's install command on a copy of the project's sources; its output. */
	private static String install(Path source, Path fiji, Path logFile) throws Exception {
		Files.createDirectories(source.resolve("src"));
		Files.copy(PROJECT.resolve("pom.xml"), source.resolve("pom.xml"));
		Files.copy(PROJECT.resolve("plugins.config"), source.resolve("plugins.config"));
		copyTree(PROJECT.resolve("src/main"), source.resolve("src/main"));
		boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
		String mavenHome = System.getProperty("maven.home");
		String mvn = mavenHome == null ? "mvn" : Path.of(mavenHome, "bin", windows ? "mvn.cmd" : "mvn").toString();
		List<String> command = new ArrayList<>(List.of(mvn, "-B", "-DskipTests", "-Dscijava.app.directory=" + fiji, "install"));
		String repository = System.getProperty("fiji.install.repository");
		if (repository != null && !repository.isEmpty()) command.add(1, "-Dmaven.repo.local=" + repository);
		ProcessBuilder builder = new ProcessBuilder(command).directory(source.toFile()).redirectErrorStream(true)
			.redirectOutput(logFile.toFile());
		builder.environment().remove("MAVEN_PROJECTBASEDIR");
		builder.environment().remove("MAVEN_BASEDIR");
		Process p = builder.start();
		boolean done = p.waitFor(8, TimeUnit.MINUTES);
		if (!done) p.destroyForcibly().waitFor();
		String log = Files.readString(logFile, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", "");
		assertTrue(done, "the install did not end within 8 minutes:\n" + log);
		assertEquals(0, p.exitValue(), "the install failed:\n" + log);
		return log;
	}

	/** A jar's name without version and type, keeping a native-platform classifier: guava-33.4.8-jre.jar -&gt; guava. */
	static String baseName(String jar) {
		String base = jar.replaceFirst("-[0-9].*$", "").replaceFirst("\\.jar$", "");
		for (String[] platform : NATIVES)
			if (jar.endsWith("-" + platform[1] + ".jar")) return base + "-" + platform[1];
		return base;
	}

	private static String platformFolder() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		return os.startsWith("windows") ? "win64" : os.startsWith("mac") ? "macosx" : "linux64";
	}

	private static List<Path> list(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) return List.of();
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().collect(Collectors.toList());
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) Files.createDirectories(target);
				else Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
	}

	private static String sha256(Path file) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) > 0;)
				digest.update(buffer, 0, n);
		}
		StringBuilder hex = new StringBuilder();
		for (byte b : digest.digest())
			hex.append(String.format("%02x", b));
		return hex.toString();
	}
}
