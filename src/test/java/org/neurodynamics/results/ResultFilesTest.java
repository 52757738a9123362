package org.neurodynamics.results;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import ij.measure.ResultsTable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultFilesTest {

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
