package org.neurodynamics.macro;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.batch.CellFolders;
import org.neurodynamics.core.batch.InvalidBatchInputs;

/**
 * Batch Over Recordings through its menu entry, as a macro runs it: headless on a folder of
 * 20 recordings with 3 damaged ones, with bad input (refused as the Spark job refuses it),
 * into a folder of other settings, and with a display (Xvfb) giving the same table.
 */
class BatchMacroIT {

	private static final String OPTIONS = "job=features interval=0.1 step_start=20 step_end=120";

	private static String macro(Path in, Path out, Path report) {
		return "setBatchMode(true);\n" +
			"run(\"Batch Over Recordings...\", \"input=[" + in + "] output=[" + out + "] " + OPTIONS + "\");\n" +
			"n = 0; for (i = 0; i < nResults; i++) if (getResultString(\"error\", i) != \"\") n++;\n" +
			"File.saveString(\"\" + nResults + \" \" + n, \"" + report + "\");\n";
	}

	@Test
	void threeDamagedRecordingsAmongTwentyGiveSeventeenRowsAndThreeErrorRows(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 20, 4, 3), out = dir.resolve("out");
		MacroRunner.run(macro(in, out, dir.resolve("report.txt")), "");
		// besides the 3 damaged files, the 4 copies of recordings that are not current clamp are error rows
		assertEquals("20 7", MacroRunner.read(dir.resolve("report.txt")), "rows in the Results table, rows with an error");
		List<String> lines = Files.readAllLines(out.resolve("results.csv"));
		assertEquals(21, lines.size());
		long failed = lines.stream().skip(1).filter(l -> l.startsWith("damaged/")).count();
		assertEquals(3, failed);
		for (String l : lines.subList(1, lines.size()))
			assertEquals(l.startsWith("damaged/") || l.contains("need a current-clamp recording"), !l.endsWith(","),
				"an error message exactly in the rows of damaged files and of recordings not in current clamp: " + l);
		assertTrue(Files.size(out.resolve("population.png")) > 2000);
	}

	@Test
	void aFolderThatDoesNotExistStopsTheMacroWithAMessage(@TempDir Path dir) throws Exception {
		String log = runCapturing(macro(dir.resolve("missing"), dir.resolve("out"), dir.resolve("report.txt")));
		assertFalse(Files.exists(dir.resolve("report.txt")), "the macro ran on after the failed command:\n" + log);
		assertTrue(log.contains(dir.resolve("missing").toString()) && log.contains("choose the folder"), log);
		assertFalse(log.contains("\tat "), "no stack trace for bad input:\n" + log);
	}

	@Test
	void everyInvalidSettingStopsTheMacroWithTheWordsOfTheSparkJob(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 2, 2, 0);
		for (InvalidBatchInputs.Case c : InvalidBatchInputs.cases()) {
			Path report = dir.resolve("report.txt");
			// the case's keys first: a macro option's first occurrence counts
			String log = runCapturing("setBatchMode(true);\nrun(\"Batch Over Recordings...\", \"input=[" + in + "] output=[" +
				dir.resolve("out") + "] " + c.macro + " " + OPTIONS + "\");\nFile.saveString(\"ran\", \"" + report + "\");\n");
			assertFalse(Files.exists(report), c + ": the macro ran on:\n" + log);
			for (String word : c.named) assertTrue(log.contains(word), c + ": " + log);
			assertFalse(log.contains("\tat "), c + ": no stack trace for bad input:\n" + log);
		}
		assertFalse(Files.exists(dir.resolve("out/results.csv")), "no batch ran");
	}

	@Test
	void aReRunWithOtherSettingsStopsTheMacroUnlessRedoIsSet(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 2, 2, 0), out = dir.resolve("out");
		MacroRunner.run(macro(in, out, dir.resolve("first.txt")), "");
		assertEquals("2 0", MacroRunner.read(dir.resolve("first.txt")));
		String other = "setBatchMode(true);\nrun(\"Batch Over Recordings...\", \"input=[" + in + "] output=[" + out +
			"] step_end=100 " + OPTIONS + "%s\");\nFile.saveString(\"\" + nResults, \"%s\");\n";
		String log = runCapturing(String.format(other, "", dir.resolve("refused.txt")));
		assertFalse(Files.exists(dir.resolve("refused.txt")), log);
		assertTrue(log.contains("step_end: 120.0 in the folder, 100.0 now") && log.contains("redo"), log);
		MacroRunner.run(String.format(other, " redo", dir.resolve("redone.txt")), "");
		assertEquals("2", MacroRunner.read(dir.resolve("redone.txt")));
		assertTrue(Files.readString(out.resolve("batch.properties")).contains("step_end=100.0"));
	}

	/** Runs a macro; what it printed (ImageJ's error messages headless). */
	private static String runCapturing(String macro) throws Exception {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream stdout = System.out, stderr = System.err;
		System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
		try {
			MacroRunner.run(macro, "");
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
		}
		return printed.toString(StandardCharsets.UTF_8);
	}

	@Test
	void withADisplayTheBatchWritesTheSameTable(@TempDir Path dir) throws Exception {
		assumeTrue(Display.available(), "xvfb-run is not installed");
		Path in = CellFolders.make(dir.resolve("in"), 8, 2, 1);
		MacroRunner.run(macro(in, dir.resolve("headless"), dir.resolve("headless.txt")), "");
		Path gui = dir.resolve("gui.ijm");
		Files.writeString(gui, macro(in, dir.resolve("gui"), dir.resolve("gui.txt")) + "run(\"Quit\");\n");
		String log = Display.runImageJ(dir, gui, "", 240);
		assertEquals("8 1", MacroRunner.read(dir.resolve("gui.txt")), log);
		assertEquals(Files.readString(dir.resolve("headless/results.csv")), Files.readString(dir.resolve("gui/results.csv")), log);
	}
}
