package org.neurodynamics.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.UserInputException;

/**
 * Header values that no recording can have are refused with the field's name and value,
 * instead of being read into wrong data (flipped signs, wrong time scale) or exhausting
 * memory or time.
 */
class AbfHeaderChecksTest {

	@TempDir
	Path dir;

	/** ABF2 sample: protocol section at block 1, sections at the offsets of Abf2Header. */
	private static final String ABF2 = "17o05028_ic_steps", ABF1 = "18425108_abf1";
	private static final int PROTOCOL = 512;

	private String refusal(String name, Consumer<ByteBuffer> change) throws Exception {
		byte[] bytes = Files.readAllBytes(AbfReaderTest.abf(name));
		change.accept(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
		Path file = dir.resolve("changed.abf");
		Files.write(file, bytes);
		UserInputException e = assertThrows(UserInputException.class, () -> AbfReader.read(file).stepTraces(0));
		assertTrue(e.getMessage().contains("'changed.abf'"), e.getMessage());
		return e.getMessage();
	}

	private void assertRefused(String name, Consumer<ByteBuffer> change, String... words) throws Exception {
		String message = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refusal(name, change));
		for (String w : words) assertTrue(message.contains(w), "'" + w + "' in: " + message);
	}

	@Test
	void impossibleSamplingIntervals() throws Exception {
		assertRefused(ABF2, b -> b.putFloat(PROTOCOL + 2, 1e-30f), "fADCSequenceInterval", "1.0E-30");
		assertRefused(ABF2, b -> b.putFloat(PROTOCOL + 2, 1e30f), "fADCSequenceInterval");
		assertRefused(ABF1, b -> b.putFloat(122, 1e-30f), "fADCSampleInterval");
	}

	@Test
	void negativeAdcRangeOrResolutionWouldFlipEverySign() throws Exception {
		assertRefused(ABF2, b -> b.putFloat(PROTOCOL + 110, -10f), "fADCRange", "-10");
		assertRefused(ABF2, b -> b.putInt(PROTOCOL + 118, -32768), "lADCResolution", "-32768");
		assertRefused(ABF1, b -> b.putFloat(244, -10f), "fADCRange");
	}

	@Test
	void unknownOperationModes() throws Exception {
		for (short mode : new short[] { -1, 0, 7 }) assertRefused(ABF2, b -> b.putShort(PROTOCOL, mode), "nOperationMode", "" + mode);
		assertRefused(ABF1, b -> b.putShort(8, (short) 0), "nOperationMode");
	}

	@Test
	void dataStartInsideTheHeaderAndNegativeIgnoredPoints() throws Exception {
		assertRefused(ABF2, b -> b.putInt(236, 1), "data section starts at byte 512");
		assertRefused(ABF1, b -> b.putInt(40, 2), "data section starts at byte 1024");
		assertRefused(ABF1, b -> b.putShort(14, (short) -1), "nNumPointsIgnored", "-1");
	}

	@Test
	void sweepCountsMustDivideTheDataAndAreCheckedBeforeAllocating() throws Exception {
		assertRefused(ABF2, b -> b.putInt(12, 7), "lActualEpisodes", "7 sweeps", "960000");
		assertRefused(ABF2, b -> b.putInt(12, 100_000_000), "lActualEpisodes");
		assertRefused(ABF2, b -> b.putInt(12, Integer.MAX_VALUE), "lActualEpisodes");
		assertRefused(ABF2, b -> b.putInt(12, 1_000_000), "lActualEpisodes");
		assertRefused(ABF2, b -> b.putInt(12, -1), "lActualEpisodes");
	}

	@Test
	void nonFiniteEpochLevels() throws Exception {
		// Epoch section at block 7, entries of 48 bytes; entry 1 is epoch B of DAC 0.
		assertRefused(ABF2, b -> b.putFloat(7 * 512 + 48 + 6, Float.POSITIVE_INFINITY), "fEpochInitLevel", "epoch B", "Infinity");
		assertRefused(ABF2, b -> b.putFloat(7 * 512 + 48 + 10, Float.NaN), "fEpochLevelInc", "NaN");
	}

	@Test
	void sectionEntriesSmallerThanTheirFields() throws Exception {
		assertRefused(ABF2, b -> b.putInt(92 + 4, 1), "ADC section entries are 1 bytes long");
		assertRefused(ABF2, b -> b.putInt(108 + 4, 7), "DAC section entries are 7 bytes long");
		assertRefused(ABF2, b -> b.putInt(156 + 4, 1), "epoch table entries are 1 bytes long");
		assertRefused(ABF2, b -> b.putLong(156 + 8, Long.MAX_VALUE / 2), "epoch table declares");
	}

	@Test
	void stepTracesOfManySweepsTakeLinearTime() {
		// 200,000 sweeps of 2 samples with a stepped epoch: asking each sweep whether all sweeps
		// have one length used to take 4e10 comparisons.
		int sweeps = 200_000;
		AbfHeader h = new AbfHeader();
		h.version = "2.6.0.0";
		h.operationMode = 5;
		h.sampleIntervalUs = 50;
		h.channelCount = 1;
		h.adcNames = new String[] { "IN 0" };
		h.adcUnits = new String[] { "mV" };
		h.dacNames = new String[] { "Cmd 0" };
		h.dacUnits = new String[] { "pA" };
		h.dacHolding = new double[] { 0 };
		h.epochWaveform = new boolean[] { true };
		h.keepLastLevel = new boolean[] { false };
		List<AbfEpoch> epochs = new ArrayList<>(List.of(new AbfEpoch(0, AbfEpochType.STEP, -50, 10, 1, 0, 0, 0)));
		h.epochsByDac = List.of(epochs);
		int[] starts = new int[sweeps], lengths = new int[sweeps];
		for (int s = 0; s < sweeps; s++) starts[s] = 2 * s;
		Arrays.fill(lengths, 2);
		AbfFile f = new AbfFile(Path.of("many.abf"), h, new float[1][2 * sweeps], starts, lengths);
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertEquals(sweeps, f.stepTraces(0).size()));
	}
}
