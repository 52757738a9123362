package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every menu entry's dialog, opened from the menu's macro command without options on a
 * 1366 x 768 virtual screen (Xvfb), is less than 700 px high on each page, with every
 * choice set to the value that shows the most fields; the main dialogs and a result window
 * are saved as the README's screenshots (docs/screenshots/). Skipped when xvfb-run is not
 * installed, as the other GUI tests are.
 */
class DialogsFitALaptopScreenIT {

	private static final String INSPECTOR = "org.neurodynamics.macro.DialogInspector";
	private static final int MAX_HEIGHT = 700;
	/** The dialogs and result windows shown in the README. */
	private static final List<String> SCREENSHOTS = List.of("reconstruct-dynamics", "reconstruct-dynamics-advanced",
		"fit-conductances-gradient-diffusion", "explore-reconstructed-model", "simulate-neuron-model", "simulated-traces-plot");

	@Test
	void everyDialogFitsA1366x768ScreenAndScreenshotsAreTaken(@TempDir Path dir) throws Exception {
		assumeTrue(Display.available(), "xvfb-run is not installed");
		List<String> labels = EveryMenuEntryIT.menuLabels();
		StringBuilder macro = new StringBuilder("out = getArgument();\n");
		for (String label : labels) {
			macro.append("call(\"").append(INSPECTOR).append(".inspect\", out, \"").append(slug(label)).append("\");\n");
			macro.append("run(\"").append(label).append("\");\n");
		}
		macro.append("run(\"Simulate Neuron Model...\", \"model=Hindmarsh-Rose variable= parameters=[1.5, 3] duration=2000 " +
			"transient_time=500 dt=0.5 noise=0 seed=1\");\n");
		macro.append("wait(1000);\n");
		macro.append("call(\"").append(INSPECTOR).append(".window\", out, \"Hindmarsh-Rose x plot\", \"simulated-traces-plot\");\n");
		macro.append("run(\"Quit\");\n");
		Path file = dir.resolve("dialogs.ijm");
		Files.writeString(file, macro.toString());
		String log = Display.runImageJ(dir, file, dir.toString(), 240, "1366x768");
		Path target = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "target", "screenshots"));
		try (java.util.stream.Stream<Path> pngs = Files.list(dir)) {
			for (Path png : (Iterable<Path>) pngs.filter(p -> p.toString().endsWith(".png"))::iterator)
				Files.copy(png, target.resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
		}
		List<String> lines = Files.exists(dir.resolve("dialogs.txt")) ? Files.readAllLines(dir.resolve("dialogs.txt")) : List.of();
		assertEquals(labels.size(), lines.size(), "one measured dialog per menu entry: " + lines + "\n" + log);
		for (String line : lines) {
			String[] f = line.split(" ");
			assertEquals(4, f.length, line + "\n" + log);
			for (int i = 1; i < 4; i++)
				assertTrue(Integer.parseInt(f[i]) < MAX_HEIGHT, "dialog " + f[0] + " is too high for a laptop screen: " + line);
			assertTrue(Integer.parseInt(f[1]) > 50, line);
		}
		Path docs = Files.createDirectories(Path.of(System.getProperty("basedir", "."), "docs", "screenshots"));
		for (String name : SCREENSHOTS) {
			Path png = dir.resolve(name + ".png");
			assertTrue(Files.isRegularFile(png), "no screenshot " + name + "\n" + lines + "\n" + log);
			assertTrue(blackFraction(png) < 0.3, "the screenshot " + name + " shows no window");
			Files.copy(png, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * A run from the dialog is recorded with every key a macro needs to repeat it: those of
	 * the first page and those of the Advanced page.
	 */
	@Test
	void aRunFromTheDialogIsRecordedWithTheKeysOfBothPages(@TempDir Path dir) throws Exception {
		assumeTrue(Display.available(), "xvfb-run is not installed");
		String macro = "out = getArgument();\n" +
			"call(\"" + INSPECTOR + ".startRecorder\");\n" +
			"call(\"" + INSPECTOR + ".accept\", out, \"true\");\n" +
			"run(\"Simulate Compartmental Model...\");\n" +
			"File.saveString(call(\"" + INSPECTOR + ".recorded\"), out + \"/recorded.txt\");\n" +
			"run(\"Quit\");\n";
		Path file = dir.resolve("record.ijm");
		Files.writeString(file, macro);
		String log = Display.runImageJ(dir, file, dir.toString(), 180, "1366x768");
		String recorded = Files.exists(dir.resolve("recorded.txt")) ? Files.readString(dir.resolve("recorded.txt")) : "";
		String simulate = recorded.lines().filter(l -> l.contains("Simulate Compartmental Model")).findFirst().orElse("");
		for (String key : List.of("model=", "stimulus=", "amplitude=", "total=", "dt=", "inject="))
			assertTrue(simulate.contains(key), key + " is not recorded: " + recorded + "\n" + log);
	}

	private static double blackFraction(Path png) throws Exception {
		java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
		long black = 0, all = 0;
		for (int x = 0; x < image.getWidth(); x += 2)
			for (int y = 0; y < image.getHeight(); y += 2, all++)
				if ((image.getRGB(x, y) & 0xffffff) == 0) black++;
		return (double) black / all;
	}

	/** "Fit Conductances (Gradient Diffusion)..." -> "fit-conductances-gradient-diffusion". */
	static String slug(String label) {
		return label.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}
}
