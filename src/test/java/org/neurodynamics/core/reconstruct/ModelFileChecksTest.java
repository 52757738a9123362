package org.neurodynamics.core.reconstruct;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;

/**
 * A hand-edited or damaged model.properties, re-zipped with valid checksums, is refused on
 * load with the field named, instead of an out-of-memory error or NaN results.
 */
class ModelFileChecksTest {

	@TempDir
	static Path dir;
	static Path good;

	@BeforeAll
	static void model() throws Exception {
		ReconstructionSettings s = ReconstructionTest.quick();
		s.autoencoderEpochs = 1;
		s.mapEpochs = 1;
		s.analyseDimension = false;
		s.stateDimension = 2;
		good = dir.resolve("good.ndmodel");
		Reconstruction.run(ReconstructionTest.traces(2.0), s, Progress.NONE).model.save(good);
	}

	/** The model file with one property changed (null removes it). */
	private static Path edited(String key, String value) throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(good))) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) entries.put(e.getName(), zip.readAllBytes());
		}
		Properties meta = new Properties();
		meta.load(new InputStreamReader(new ByteArrayInputStream(entries.get("model.properties")), StandardCharsets.ISO_8859_1));
		if (value == null) meta.remove(key);
		else meta.setProperty(key, value);
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		meta.store(text, null);
		entries.put("model.properties", text.toByteArray());
		Path file = dir.resolve("edited.ndmodel");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		return file;
	}

	private static void assertRefused(String key, String value) throws Exception {
		Path file = edited(key, value);
		UserInputException e = assertThrows(UserInputException.class, () -> ReconstructedModel.load(file), key + "=" + value);
		assertTrue(e.getMessage().contains("'edited.ndmodel'") && e.getMessage().contains(key), e.getMessage());
	}

	@Test
	void theUneditedFileLoads() throws Exception {
		assertEquals(2, ReconstructedModel.load(edited("timeUnit", "ms")).stateDimension());
	}

	@Test
	void everyFieldIsChecked() throws Exception {
		assertRefused("initialStates", "2000000000");
		assertRefused("initialStates", "-1");
		assertRefused("initialState.0", "1,2,3,4,5");
		assertRefused("initialState.0", "NaN,1");
		assertRefused("dt", "NaN");
		assertRefused("dt", "-0.5");
		assertRefused("dt", null);
		assertRefused("embeddingDimension", "-3");
		assertRefused("embeddingDimension", "many");
		assertRefused("delay", "0");
		assertRefused("subsampling", "-1");
		assertRefused("normalisation", "0,0");
		assertRefused("normalisation", "1");
		assertRefused("active", "0,0");
		assertRefused("active", "0,99");
		assertRefused("active", "0");
		assertRefused("trainingParameters", "");
		assertRefused("trainingParameters", "Infinity");
		assertRefused("trainingMaxima.0", "1,NaN");
		assertRefused("trainingExcerpt.0", "1,x");
	}
}
