package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts ImageJ with a real display (Xvfb) and the plugin jar in its plugins folder, runs
 * commands from the menu's macro command, and checks that the main table is the
 * "Results" table, that the other windows exist, that the status bar followed the run
 * and that the screen is not blank. Skipped when xvfb-run is not installed (CI installs it).
 */
class GuiSmokeIT {

	private static final String RECORDER = "org.neurodynamics.macro.StatusBarRecorder";

	@Test
	void commandsOpenResultWindowsAndShowProgressInTheStatusBar(@TempDir Path dir) throws Exception {
		assumeTrue(Display.available(), "xvfb-run is not installed");
		Path macro = dir.resolve("smoke.ijm");
		Files.writeString(macro, "out = getArgument();\n" +
			"run(\"Simulate Neuron Model...\", \"model=Hindmarsh-Rose variable=x parameters=2.5 duration=1000 transient_time=200 dt=0.5 noise=0 seed=1\");\n" +
			"File.saveString(\"\" + nResults + \" \" + getResultString(\"Trace\", 0), out + \"/results.txt\");\n" +
			"run(\"Import Traces...\", \"source=[Image (one trace per row)] image=[Hindmarsh-Rose x] table=Results columns= channel=0 interval=1 time_unit=ms value_unit= percentile=8 bleach_window=0 parameters= parameter_name=p\");\n" +
			"call(\"" + RECORDER + ".start\");\n" +
			"run(\"Simulate Compartmental Model...\", \"model=[HH axon (paper)] stimulus=[Pulse train] amplitude=0.2 start=10 width=5 period=100 dt=0.025 total=1200 record=[soma, axon[9]] sensitivities=gNa\");\n" +
			"call(\"" + RECORDER + ".stop\", out + \"/status.txt\");\n" +
			"wait(1500);\n" +
			"File.saveString(String.join(getList(\"window.titles\"), \"\\n\") + \"\\n\" + String.join(getList(\"image.titles\"), \"\\n\"), out + \"/windows.txt\");\n" +
			"run(\"Capture Screen\");\n" +
			"saveAs(\"PNG\", out + \"/screen.png\");\n" +
			"run(\"Quit\");\n");
		String log = Display.runImageJ(dir, macro, dir.toString(), 180);
		assertEquals("1 Hindmarsh-Rose x I=2.5", MacroRunner.read(dir.resolve("results.txt")).trim(),
			"the main table is the Results table with a display too\n" + log);
		String windows = MacroRunner.read(dir.resolve("windows.txt"));
		assertTrue(windows.contains("Results"), windows + log);
		assertTrue(windows.contains("Hindmarsh-Rose x"), windows + log);
		assertTrue(windows.contains("HH axon (paper) sensitivities"), windows + log);
		List<String> status = Files.readAllLines(dir.resolve("status.txt"));
		assertTrue(status.stream().anyMatch(s -> s.startsWith("Simulate Compartmental Model: Simulation: t = ")),
			"the status bar shows the command and its phase while it runs: " + status + log);
		assertTrue(status.stream().filter(s -> s.startsWith("Simulate Compartmental Model: Simulation")).count() >= 2,
			"the status bar follows the run: " + status);
		assertTrue(status.stream().anyMatch(s -> s.startsWith("Simulate Compartmental Model: done in ")), status.toString());
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
}
