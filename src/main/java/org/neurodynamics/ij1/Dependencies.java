package org.neurodynamics.ij1;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The libraries the plugin needs beside ImageJ 1, each found by a class (or, for native
 * libraries, a folder) it holds, so that a menu entry can say which jars are missing and how
 * to install them. Refers to no class outside the JDK, ImageJ 1 and this plugin.
 */
final class Dependencies {

	static final String JAVACPP = "1.5.7";
	static final String OPENBLAS = "0.3.19-" + JAVACPP;

	/** A jar, named for the user, and a class it holds (or, ending in '/', a folder of native libraries). */
	static final class Library {
		final String jar;
		final String classOrResource;

		Library(String jar, String classOrResource) {
			this.jar = jar;
			this.classOrResource = classOrResource;
		}

		boolean isIn(ClassLoader loader) {
			if (classOrResource.endsWith("/")) return loader.getResource(classOrResource) != null;
			try {
				Class.forName(classOrResource, false, loader);
				return true;
			}
			catch (ClassNotFoundException | LinkageError e) {
				return false;
			}
		}
	}

	/** The libraries every command needs. */
	static final List<Library> COMMON = List.of(
		new Library("scijava-common-*.jar", "org.scijava.Context"),
		new Library("imglib2-*.jar", "net.imglib2.KDTree"),
		new Library("hipparchus-core-3.1.jar", "org.hipparchus.linear.RealMatrix"),
		new Library("hipparchus-ode-3.1.jar", "org.hipparchus.ode.ODEIntegrator"),
		new Library("hipparchus-optim-3.1.jar", "org.hipparchus.optim.OptimizationData"),
		new Library("hipparchus-stat-3.1.jar", "org.hipparchus.stat.descriptive.rank.Percentile"));

	/** The network libraries: OpenBLAS through JavaCPP, with their natives for this platform. */
	static List<Library> networks() {
		String platform = platform();
		return List.of(
			new Library("javacpp-" + JAVACPP + ".jar", "org.bytedeco.javacpp.Loader"),
			new Library("openblas-" + OPENBLAS + ".jar", "org.bytedeco.openblas.global.openblas_nolapack"),
			new Library("javacpp-" + JAVACPP + "-" + platform + ".jar", "org/bytedeco/javacpp/" + platform + "/"),
			new Library("openblas-" + OPENBLAS + "-" + platform + ".jar", "org/bytedeco/openblas/" + platform + "/"));
	}

	private Dependencies() {}

	/** Whether the command trains or runs networks (so needs OpenBLAS and its natives). */
	static boolean needsNetworks(String commandClass) {
		return commandClass.endsWith(".EstimateStateDimension") || commandClass.endsWith(".ReconstructDynamics") ||
			commandClass.endsWith(".ExploreReconstructedModel");
	}

	/** The jars of the libraries that {@code loader} cannot find; empty when all are there. */
	static List<String> missing(ClassLoader loader, boolean networks) {
		List<String> missing = new ArrayList<>();
		List<Library> all = new ArrayList<>(COMMON);
		if (networks) all.addAll(networks());
		for (Library library : all)
			if (!library.isIn(loader)) missing.add(library.jar);
		return missing;
	}

	/** What is missing and how to install it, for the user. */
	static String message(List<String> missing) {
		return "Neuro Dynamics cannot run: libraries it needs are not installed.\n" +
			"Missing (in Fiji.app/jars/ or on the class path): " + String.join(", ", missing) + ".\n" +
			"Install them with the plugin: from its source folder run\n" +
			"    mvn -B -DskipTests -Dscijava.app.directory=/path/to/Fiji.app install\n" +
			"or copy the jars of target/dependency/ (made by 'mvn -B -DskipTests package'), except ij-*.jar, into\n" +
			"Fiji.app/jars/ (plain ImageJ 1: into ImageJ's plugins/jars/ folder), then restart ImageJ.\n" +
			"See 'Install into Fiji' in the plugin's README.";
	}

	/** The native platform in JavaCPP's naming: linux-x86_64, macosx-arm64, windows-x86_64, ... */
	static String platform() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		String o = os.startsWith("mac") || os.startsWith("darwin") ? "macosx" : os.startsWith("windows") ? "windows" : os.startsWith("linux") ? "linux" : os;
		String a = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x86-64") ? "x86_64" :
			arch.equals("aarch64") || arch.equals("arm64") ? "arm64" : arch;
		return o + "-" + a;
	}
}
