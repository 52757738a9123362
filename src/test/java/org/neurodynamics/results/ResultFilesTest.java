package org.neurodynamics.results;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.measure.ResultsTable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.UserInputException;

/** Tables are saved as CSV under a file-safe name; what cannot be saved, or not there, is refused. */
class ResultFilesTest {

	@Test
	void savesATableAsCsvWithASafeName(@TempDir Path dir) throws Exception {
		ResultsTable rt = new ResultsTable();
		rt.addRow();
		rt.addValue("x", 1.5);
		Path file = ResultFiles.save(dir.toFile(), "errors per size/seed", rt);
		assertEquals(dir.resolve("errors-per-size-seed.csv"), file);
		assertTrue(Files.readString(file).contains("1.5"));
		try (var listing = Files.list(dir)) {
			assertEquals(1, listing.count(), "no temporary file is left behind");
		}
	}

	@Test
	void refusesWhatItCannotSave(@TempDir Path dir) {
		assertThrows(IllegalArgumentException.class, () -> ResultFiles.save(dir.toFile(), "x", "text"));
	}

	@Test
	void aFileInThePlaceOfTheFolderGivesAMessageForTheUser(@TempDir Path dir) throws Exception {
		Path notAFolder = Files.writeString(dir.resolve("file"), "");
		assertThrows(UserInputException.class, () -> ResultFiles.save(notAFolder.toFile(), "x", new ResultsTable()));
	}


	/** A count reads "53" even in a column that holds fractions and text too; the rest is as ResultsTable writes it. */
	@Test
	void wholeNumbersAreSavedWithoutDecimals(@TempDir Path dir) throws Exception {
		ResultsTable rt = new ResultsTable();
		rt.addRow();
		rt.addValue("Item", "Map best epoch, of 60");
		rt.addValue("Value", 53);
		rt.addRow();
		rt.addValue("Item", "Validation error");
		rt.addValue("Value", 0.123456);
		rt.addRow();
		rt.addValue("Item", "Network \"threads\"");
		rt.addValue("Value", "one");
		rt.addRow();
		rt.addValue("Item", "Missing");
		rt.addValue("Value", Double.NaN);
		Path file = ResultFiles.save(dir.toFile(), "summary", rt);
		assertEquals("Item,Value\n\"Map best epoch, of 60\",53\nValidation error,0.123\n\"Network \"\"threads\"\"\",one\nMissing,NaN\n",
			Files.readString(file));
		ResultsTable back = ResultsTable.open(file.toString());
		assertEquals(53, back.getValue("Value", 0));
	}
}
