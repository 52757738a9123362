package org.neurodynamics.core.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;

/** An output folder holds the cells of one job and one set of settings; a re-run resumes them, refuses others, or redoes all when told. */
class OutputFolderTest {

	@Test
	void theFirstRunRecordsItsJobAndSettingsAndTheSameReRunResumes(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 3, 3, 0), out = dir.resolve("out");
		BatchSettings features = CellFolders.settings(CellJob.FEATURES);
		run(in, out, features);
		Map<String, String> recorded = BatchManifest.read(out);
		assertEquals(features.recorded(), recorded);
		assertEquals("features", recorded.get("job"));
		assertEquals("120.0", recorded.get("step_end"));
		assertFalse(recorded.containsKey("iterations"), "the features job does not use the fit's settings: " + recorded);
		assertFalse(Files.exists(out.resolve(BatchLock.FILE)), "the lock is released when the batch ends");

		Map<Path, FileTime> rows = rowFiles(out);
		features.iterations = 7; // a setting the features job does not use
		features.threads = 1;
		BatchRun.Summary again = run(in, out, features);
		assertEquals(3, again.kept);
		assertEquals(0, again.ran);
		assertEquals(rows, rowFiles(out), "nothing run again");
	}

	@Test
	void anotherJobIsRefusedSayingWhatDiffersAndWhatToDoAndTouchesNothing(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 2, 2, 0), out = dir.resolve("out");
		run(in, out, CellFolders.settings(CellJob.FEATURES));
		Map<Path, FileTime> before = allFiles(out);
		BatchSettings fit = CellFolders.settings(CellJob.FIT);
		UserInputException e = assertThrows(UserInputException.class, () -> run(in, out, fit));
		assertTrue(e.getMessage().contains("job: features in the folder, fit now"), e.getMessage());
		assertTrue(e.getMessage().contains("new output folder") && e.getMessage().contains("redo"), e.getMessage());
		assertTrue(e.getMessage().contains(out.toString()), e.getMessage());
		assertEquals(before, allFiles(out), "a refused run leaves the folder as it was");
	}

	@Test
	void otherSettingsOfTheJobAreRefusedNamingEach(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 2, 2, 0), out = dir.resolve("out");
		run(in, out, CellFolders.settings(CellJob.FEATURES));
		BatchSettings other = CellFolders.settings(CellJob.FEATURES);
		other.stepEnd = 100;
		other.valueUnit = "V";
		UserInputException e = assertThrows(UserInputException.class, () -> run(in, out, other));
		assertTrue(e.getMessage().contains("step_end: 120.0 in the folder, 100.0 now"), e.getMessage());
		assertTrue(e.getMessage().contains("value_unit: mV in the folder, V now"), e.getMessage());
	}

	@Test
	void redoDeletesTheEarlierCellsAndRunsEveryCellWithTheNewSettings(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 2, 2, 0), out = dir.resolve("out");
		run(in, out, CellFolders.settings(CellJob.FEATURES));
		Files.writeString(out.resolve("cells/simulated__family-00.csv/left-over.txt"), "from the earlier run");
		Files.createDirectories(out.resolve("results.parquet"));
		Files.writeString(out.resolve("results.parquet/part-0.parquet"), "rows of an earlier run on Spark");
		BatchSettings other = CellFolders.settings(CellJob.FEATURES);
		other.stepEnd = 100;
		other.redo = true;
		BatchRun.Summary s = run(in, out, other);
		assertEquals(2, s.ran);
		assertEquals(0, s.kept);
		assertFalse(Files.exists(out.resolve("cells/simulated__family-00.csv/left-over.txt")));
		assertFalse(Files.exists(out.resolve("results.parquet")), "no table of the earlier run is left beside the new one");
		assertEquals("100.0", BatchManifest.read(out).get("step_end"));
		other.redo = false;
		assertEquals(2, run(in, out, other).kept, "the redone folder resumes with its new settings");
	}

	@Test
	void resultsWithoutARecordOfTheirSettingsAreRefused(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 2, 2, 0), out = dir.resolve("out");
		run(in, out, CellFolders.settings(CellJob.FEATURES));
		Files.delete(out.resolve(BatchManifest.FILE)); // as an earlier version left it
		UserInputException e = assertThrows(UserInputException.class, () -> run(in, out, CellFolders.settings(CellJob.FEATURES)));
		assertTrue(e.getMessage().contains("did not record its job and settings"), e.getMessage());
	}

	@Test
	void aFolderInUseByAnotherBatchIsRefused(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 2, 2, 0), out = dir.resolve("out");
		try (BatchLock held = BatchLock.acquire(out)) {
			UserInputException e = assertThrows(UserInputException.class, () -> run(in, out, CellFolders.settings(CellJob.FEATURES)));
			assertTrue(e.getMessage().contains("in use by another batch (process " + ProcessHandle.current().pid()), e.getMessage());
			assertFalse(Files.exists(out.resolve(BatchManifest.FILE)), "the refused batch wrote nothing");
		}
		assertEquals(2, run(in, out, CellFolders.settings(CellJob.FEATURES)).ran, "the folder is free once the lock is released");
	}

	private static BatchRun.Summary run(Path in, Path out, BatchSettings s) {
		return BatchRun.run(in, out, s, Progress.NONE, line -> {});
	}

	private static Map<Path, FileTime> rowFiles(Path out) throws Exception {
		Map<Path, FileTime> rows = new HashMap<>();
		for (Map.Entry<Path, FileTime> e : allFiles(out).entrySet())
			if (e.getKey().getFileName().toString().equals(CellRunner.ROW_FILE)) rows.put(e.getKey(), e.getValue());
		return rows;
	}

	private static Map<Path, FileTime> allFiles(Path dir) throws Exception {
		Map<Path, FileTime> files = new HashMap<>();
		try (Stream<Path> all = Files.walk(dir)) {
			// files only: the lock comes and goes in the folder itself
			for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) files.put(f, Files.getLastModifiedTime(f));
		}
		return files;
	}
}
