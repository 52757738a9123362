package org.neurodynamics.core.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.Progress;

class BatchRunTest {

	@Test
	void damagedRecordingsAreErrorRowsWithTheirMessagesAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 20, 4, 3), out = dir.resolve("out");
		Map<Path, FileTime> before = snapshot(in);
		BatchRun.Summary s = BatchRun.run(in, out, CellFolders.settings(CellJob.FEATURES), Progress.NONE, line -> {});
		assertEquals(20, s.rows.size());
		List<CellRow> failed = s.rows.stream().filter(CellRow::failed).collect(Collectors.toList());
		// 3 damaged files; 4 copies of a voltage-clamp recording and of one whose channel 0 is a current (nA)
		assertEquals(7, failed.size(), s.rows.toString());
		assertEquals(7, s.failed);
		for (CellRow r : failed) {
			if (r.cell().contains("2020_06_16_0000.abf") || r.cell().contains("18425108_abf1.abf")) {
				assertTrue(r.error().contains("need a current-clamp recording"), r.toString());
				continue;
			}
			assertTrue(r.cell().startsWith("damaged/"), r.toString());
			String name = r.cell().substring("damaged/".length());
			assertTrue(r.error().contains(name), "the message names the file: " + r.error());
			assertFalse(r.error().contains("Exception"), "a message in the user's terms: " + r.error());
		}
		List<String> lines = Files.readAllLines(out.resolve(BatchTable.FILE));
		assertEquals(21, lines.size());
		assertEquals(BatchTable.header(BatchColumns.of(CellJob.FEATURES)), lines.get(0));
		CellRow simulated = s.rows.stream().filter(r -> r.cell().equals("simulated/family-00.csv")).findFirst().get();
		assertEquals(4L, simulated.get("sweeps"));
		assertEquals(100, simulated.number("rheobase_pa"), 1e-9, "the cortical neuron fires at 100 pA, not at 50: " + simulated);
		assertTrue(simulated.number("resting") < -60, simulated.toString());
		assertTrue(Files.size(out.resolve("cells/simulated__family-00.csv").resolve(CellFeatures.SWEEPS_FILE)) > 0);
		assertEquals(before, snapshot(in), "inputs are never modified");
	}

	@Test
	void aBatchCancelledHalfWayResumesAndRunsEveryCellOnce(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 12, 2, 1), out = dir.resolve("out");
		BatchSettings settings = CellFolders.settings(CellJob.FEATURES);
		settings.threads = 2;
		AtomicInteger reported = new AtomicInteger();
		Progress cancelAfterFour = new Progress() {
			@Override
			public void report(String stage, double fraction, String message) {
				if (message.contains("cells done")) reported.incrementAndGet();
			}

			@Override
			public boolean isCancelled() {
				return reported.get() > 4; // the initial report, then four cells
			}
		};
		List<String> log = new ArrayList<>();
		BatchRun.Summary first = BatchRun.run(in, out, settings, cancelAfterFour, log::add);
		assertTrue(first.cancelled());
		// the fourth cell's report comes after both threads may have started another
		assertTrue(first.ran >= 4 && first.ran <= 4 + settings.threads, "the cells in flight finish, no new one starts: " + first);
		assertEquals(12, first.ran + first.notRun);
		assertEquals(first.ran, Files.readAllLines(out.resolve(BatchTable.FILE)).size() - 1);
		assertNoPartialFiles(out);
		Map<Path, FileTime> rowsOfFirstRun = rowFiles(out);

		BatchRun.Summary second = BatchRun.run(in, out, settings, Progress.NONE, log::add);
		assertEquals(first.ran, second.kept);
		assertEquals(12 - first.ran, second.ran);
		assertEquals(0, second.notRun);
		assertNoPartialFiles(out);
		Map<Path, FileTime> rows = rowFiles(out);
		assertEquals(12, rows.size());
		for (Map.Entry<Path, FileTime> e : rowsOfFirstRun.entrySet())
			assertEquals(e.getValue(), rows.get(e.getKey()), "a finished cell is not run again: " + e.getKey());

		BatchRun.Summary whole = BatchRun.run(in, dir.resolve("whole"), settings, Progress.NONE, line -> {});
		assertEquals(Files.readString(dir.resolve("whole").resolve(BatchTable.FILE)), Files.readString(out.resolve(BatchTable.FILE)),
			"an interrupted and resumed batch gives the table of an uninterrupted one");
		assertEquals(12, whole.ran);
	}

	@Test
	void theFitJobFitsSimulatedStepFamiliesAndWritesTheModelFile(@TempDir Path dir) throws Exception {
		Path in = dir.resolve("in"), out = dir.resolve("out");
		CellFolders.simulatedFamily(in.resolve("family.csv"), 0.8, 1.2);
		StringBuilder unnamed = new StringBuilder("a,b\n");
		for (int i = 0; i <= 1500; i++) unnamed.append(-70 + 0.001 * i).append(',').append(-69 - 0.001 * i).append('\n');
		Files.writeString(in.resolve("no-currents.csv"), unnamed.toString());
		BatchSettings s = CellFolders.settings(CellJob.FIT);
		s.iterations = 3;
		s.starts = 2;
		BatchRun.Summary summary = BatchRun.run(in, out, s, Progress.NONE, line -> {});
		CellRow fit = summary.rows.get(0);
		assertEquals("family.csv", fit.cell());
		assertEquals("", fit.error());
		assertTrue(fit.number("loss_mv2") >= 0, fit.toString());
		for (String p : BatchColumns.fittedParameters()) assertTrue(fit.number(p) > 0, p + " in " + fit);
		Path cell = out.resolve("cells/family.csv");
		assertTrue(Files.readString(cell.resolve(CellFit.MODEL_FILE)).matches("(?s).*values=cm=1.0, gNa=[^\\n]*eL=-7.*"),
			Files.readString(cell.resolve(CellFit.MODEL_FILE)));
		assertEquals(BatchColumns.fittedParameters().size() + 1, Files.readAllLines(cell.resolve(CellFit.VALUES_FILE)).size());
		assertTrue(summary.rows.get(1).error().contains("step currents"), summary.rows.get(1).error());
	}

	@Test
	void badSettingsAreRefusedInTheUsersTerms() {
		BatchSettings s = new BatchSettings();
		Exception e = assertThrows(org.neurodynamics.core.UserInputException.class, () -> s.set("iterations", "-3"));
		assertTrue(e.getMessage().contains("iterations"), e.getMessage());
		e = assertThrows(org.neurodynamics.core.UserInputException.class, () -> s.set("job", "cluster"));
		assertTrue(e.getMessage().contains("features, fit or reconstruct"), e.getMessage());
		e = assertThrows(org.neurodynamics.core.UserInputException.class, () -> BatchRun.run(Path.of("/no/such/folder"),
			Path.of("/tmp"), s, Progress.NONE, line -> {}));
		assertTrue(e.getMessage().contains("/no/such/folder"), e.getMessage());
	}

	private static void assertNoPartialFiles(Path out) throws Exception {
		try (Stream<Path> files = Files.walk(out)) {
			List<Path> hidden = files.filter(f -> f.getFileName().toString().startsWith(".")).collect(Collectors.toList());
			assertEquals(List.of(), hidden, "temporary files of unfinished writes");
		}
	}

	private static Map<Path, FileTime> rowFiles(Path out) throws Exception {
		Map<Path, FileTime> rows = new HashMap<>();
		try (Stream<Path> files = Files.walk(out)) {
			for (Path f : (Iterable<Path>) files.filter(f -> f.getFileName().toString().equals(CellRunner.ROW_FILE))::iterator)
				rows.put(f, Files.getLastModifiedTime(f));
		}
		return rows;
	}

	private static Map<Path, FileTime> snapshot(Path dir) throws Exception {
		Map<Path, FileTime> files = new HashMap<>();
		try (Stream<Path> all = Files.walk(dir)) {
			for (Path f : (Iterable<Path>) all::iterator) files.put(f, Files.getLastModifiedTime(f));
		}
		return files;
	}
}
