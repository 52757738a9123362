package org.neurodynamics.results;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorationResultsTest {

	@Test
	void aModelWithoutMaximaSavesTheHeaderOfTheMaximaTable(@TempDir Path dir) throws Exception {
		Path file = ResultFiles.save(dir.toFile(), "bifurcation-maxima", ExplorationResults.bifurcationTable(null, List.of()));
		assertEquals("Parameter,Initial state,Maximum,Source", Files.readString(file).strip());
	}
}
