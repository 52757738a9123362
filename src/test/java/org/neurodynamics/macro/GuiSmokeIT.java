package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts ImageJ with a real display (Xvfb) and the plugin jar in its plugins folder, runs
 * a command from the menu's macro command, and checks that its windows exist and that
 * the screen is not blank. Skipped when xvfb-run is not installed (CI installs it).
 */
class GuiSmokeIT {

	@Test
	void commandsOpenResultWindows(@TempDir Path dir) throws Exception {
		assumeTrue(new File("/usr/bin/xvfb-run").canExecute(), "xvfb-run is not installed");
		Path plugins = Files.createDirectories(dir.resolve("plugins"));
		Files.copy(MacroRunner.pluginJar().toPath(), plugins.resolve(MacroRunner.pluginJar().getName()));
		Path macro = dir.resolve("smoke.ijm");
		Files.writeString(macro, "out = getArgument();\n" +
			"run(\"Simulate Neuron Model...\", \"model=Hindmarsh-Rose variable=x parameters=2.5 duration=1000 transient_time=200 dt=0.5 noise=0 seed=1\");\n" +
			"run(\"Import Traces...\", \"source=[Image (one trace per row)] image=[Hindmarsh-Rose x] table=Results columns= channel=0 interval=1 time_unit=ms value_unit= percentile=8 bleach_window=0 parameters= parameter_name=p\");\n" +
			"run(\"Simulate Compartmental Model...\", \"model=[HH axon (paper)] stimulus=[Pulse train] amplitude=0.2 start=10 width=5 period=100 dt=0.025 total=30 record=[soma, axon[9]] sensitivities=gNa\");\n" +
			"wait(1500);\n" +
			"File.saveString(String.join(getList(\"window.titles\"), \"\\n\") + \"\\n\" + String.join(getList(\"image.titles\"), \"\\n\"), out + \"/windows.txt\");\n" +
			"run(\"Capture Screen\");\n" +
			"saveAs(\"PNG\", out + \"/screen.png\");\n" +
			"run(\"Quit\");\n");
		List<String> cmd = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24", javaBin(), "-Xmx2g",
			"-cp", testClassPath(), "-Dplugins.dir=" + dir, "ij.ImageJ", "-macro", macro.toString(), dir.toString()));
		Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
		boolean done = p.waitFor(180, TimeUnit.SECONDS);
		if (!done) p.destroyForcibly();
		String log = Files.exists(dir.resolve("log.txt")) ? Files.readString(dir.resolve("log.txt")) : "";
		assertTrue(done, "ImageJ did not quit within 3 minutes: " + log);
		String windows = MacroRunner.read(dir.resolve("windows.txt"));
		assertTrue(windows.contains("Simulated traces table"), windows + log);
		assertTrue(windows.contains("Hindmarsh-Rose x"), windows + log);
		assertTrue(windows.contains("Compartmental voltage table"), windows + log);
		assertTrue(windows.contains("HH axon (paper) sensitivities"), windows + log);
		BufferedImage screen = ImageIO.read(dir.resolve("screen.png").toFile());
		assertNotNull(screen);
		assertTrue(distinctColours(screen) > 20, "the screenshot looks blank");
		Files.copy(dir.resolve("screen.png"), Path.of(System.getProperty("basedir", "."), "target", "gui-smoke.png"),
			java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

	private static long distinctColours(BufferedImage img) {
		java.util.Set<Integer> colours = new java.util.HashSet<>();
		for (int y = 0; y < img.getHeight(); y += 4)
			for (int x = 0; x < img.getWidth(); x += 4) colours.add(img.getRGB(x, y));
		return colours.size();
	}

	private static String javaBin() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The test class path, without the plugin jar itself (ImageJ loads that from its plugins folder). */
	private static String testClassPath() {
		String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		StringBuilder sb = new StringBuilder();
		for (String entry : cp.split(File.pathSeparator)) {
			if (entry.contains("Neuro_Dynamics-") || entry.endsWith("classes") || entry.endsWith("test-classes")) continue;
			sb.append(sb.length() == 0 ? "" : File.pathSeparator).append(entry);
		}
		return sb.toString();
	}
}
