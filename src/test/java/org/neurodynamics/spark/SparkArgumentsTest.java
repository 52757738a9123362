package org.neurodynamics.spark;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.batch.CellJob;
import org.neurodynamics.core.batch.InvalidBatchInputs;

/** The Spark job's command line refuses what the macro route refuses (BatchMacroIT), with the same words. */
class SparkArgumentsTest {

	@Test
	void invalidSettingsAreRefusedNamingTheSettingAndWhatIsValid() {
		for (InvalidBatchInputs.Case c : InvalidBatchInputs.cases()) {
			List<String> args = new ArrayList<>(List.of("--input", "/data/in", "--output", "/data/out"));
			args.addAll(List.of(c.spark));
			UserInputException e = assertThrows(UserInputException.class, () -> SparkBatch.Arguments.parse(args.toArray(new String[0])),
				c.toString());
			for (String word : c.named) assertTrue(e.getMessage().contains(word), c + ": " + e.getMessage());
		}
	}

	@Test
	void validSettingsAndRedoAreRead() {
		SparkBatch.Arguments a = SparkBatch.Arguments.parse(new String[] { "--input", "in", "--output", "out", "--job", "fit",
			"--iterations", "20", "--redo", "true", "--cells-per-partition", "2" });
		assertEquals(CellJob.FIT, a.settings.job);
		assertEquals(20, a.settings.iterations);
		assertTrue(a.settings.redo);
		assertEquals(2, a.cellsPerPartition);
		UserInputException e = assertThrows(UserInputException.class, () -> SparkBatch.Arguments.parse(new String[] { "--input",
			"in", "--output", "out", "--redo", "yes" }));
		assertTrue(e.getMessage().contains("redo is true or false"), e.getMessage());
	}
}
