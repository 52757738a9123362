package org.neurodynamics.ij1;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The menu entries' check for missing libraries: it finds what the build puts there, and names what is not. */
class DependenciesTest {

	private static List<Dependencies.Library> all() {
		List<Dependencies.Library> all = new ArrayList<>(Dependencies.COMMON);
		all.addAll(Dependencies.networks());
		return all;
	}

	@Test
	void everyLibraryOfTheBuildIsFound() {
		assertEquals(List.of(), Dependencies.missing(getClass().getClassLoader(), true));
	}

	/** The jar named in the message is the jar the class comes from, so the message stays true when versions change. */
	@Test
	void eachLibraryNamesTheJarItIsIn() throws Exception {
		ClassLoader loader = getClass().getClassLoader();
		for (Dependencies.Library library : all()) {
			String location;
			if (library.classOrResource.endsWith("/")) location = loader.getResource(library.classOrResource).toString();
			else location = Class.forName(library.classOrResource, false, loader).getProtectionDomain().getCodeSource().getLocation().toString();
			location = location.replaceFirst("!/.*$", "");
			String file = new File(location).getName();
			String pattern = library.jar.replace(".", "\\.").replace("*", ".*");
			assertTrue(file.matches(pattern), library.classOrResource + " is in " + file + ", not " + library.jar);
		}
	}

	@Test
	void withNothingButTheJdkEveryLibraryIsNamedWithHowToInstallIt() {
		ClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
		List<String> missing = Dependencies.missing(bare, true);
		assertEquals(all().size(), missing.size(), missing.toString());
		String message = Dependencies.message(missing);
		assertTrue(message.contains("scijava-common-*.jar"), message);
		assertTrue(message.contains("deeplearning4j-nn-1.0.0-M2.1.jar"), message);
		assertTrue(message.contains("nd4j-native-1.0.0-M2.1.jar"), message);
		assertFalse(message.contains("guava"), "ND4J's guava is in the plugin jar: " + message);
		assertTrue(message.contains("-Dscijava.app.directory=/path/to/Fiji.app install"), message);
		assertEquals(Dependencies.COMMON.size(), Dependencies.missing(bare, false).size(), "simulations need no networks");
	}

	@Test
	void platformsInJavaCppNaming() {
		String saved = System.getProperty("os.name"), arch = System.getProperty("os.arch");
		try {
			System.setProperty("os.name", "Mac OS X");
			System.setProperty("os.arch", "aarch64");
			assertEquals("macosx-arm64", Dependencies.platform());
			System.setProperty("os.name", "Windows 11");
			System.setProperty("os.arch", "amd64");
			assertEquals("windows-x86_64", Dependencies.platform());
		}
		finally {
			System.setProperty("os.name", saved);
			System.setProperty("os.arch", arch);
		}
	}
}
