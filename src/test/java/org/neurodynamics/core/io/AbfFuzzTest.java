package org.neurodynamics.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.UserInputException;

/**
 * Seeded mutations of the sample recordings (truncations, byte flips in the header, chosen
 * values of the header fields that values depend on) read and used the way the commands use
 * them. The only allowed outcomes: a successful read, or a UserInputException naming the file;
 * never another exception, an out-of-memory error or a hang.
 */
class AbfFuzzTest {

	private static final String[] FILES = { "17o05028_ic_steps", "171116sh_0018", "18425108_abf1", "2020_06_16_0000" };
	private static final long SEED = 20261202L;
	private static final int RANDOM_CASES_PER_FILE = 40;
	/** Chosen values tried per header field, drawn from the lists below. */
	private static final int VALUES_PER_FIELD = 3;
	private static final long CASE_LIMIT_MS = 5000;

	/** Chosen values for integer fields: out of range, negative, huge. */
	private static final long[] INTS = { 0, -1, 1, 7, 1_000_000, 100_000_000, Integer.MAX_VALUE, Integer.MIN_VALUE, 0xFFFFFFFFL };
	private static final long[] SHORTS = { 0, -1, 1, 7, 0x7FFF, -0x8000 };
	private static final float[] FLOATS = { 0, -1, -10, 1e-30f, 1e30f, Float.NaN, Float.POSITIVE_INFINITY,
		Float.NEGATIVE_INFINITY, -71 };

	/** A field of the header: byte offset, size 2 (short), 4 (int) or -4 (float). */
	private static final class Field {
		final String name;
		final int offset, size;

		Field(String name, int offset, int size) {
			this.name = name;
			this.offset = offset;
			this.size = size;
		}
	}

	/** A mutation, made only when the case runs (whole-file copies of every case would not fit in memory). */
	private static final class Case {
		final String name;
		final java.util.function.Supplier<byte[]> bytes;

		Case(String name, java.util.function.Supplier<byte[]> bytes) {
			this.name = name;
			this.bytes = bytes;
		}
	}

	@Test
	void mutatedRecordingsAreReadOrRefusedCleanly(@TempDir Path dir) throws Exception {
		Random random = new Random(SEED);
		List<Case> cases = new ArrayList<>();
		for (String name : FILES) {
			byte[] original = Files.readAllBytes(AbfReaderTest.abf(name));
			for (Field f : fields(original)) {
				if (f.offset + Math.abs(f.size) > original.length) continue;
				int n = f.size == 2 ? SHORTS.length : f.size == 4 ? INTS.length : FLOATS.length;
				for (int k = 0; k < VALUES_PER_FIELD; k++) {
					int v = random.nextInt(n);
					String value = f.size == 2 ? "" + SHORTS[v] : f.size == 4 ? "" + (int) INTS[v] : "" + FLOATS[v];
					cases.add(new Case(name + " " + f.name + " = " + value, () -> {
						byte[] m = original.clone();
						ByteBuffer b = ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN);
						if (f.size == 2) b.putShort(f.offset, (short) SHORTS[v]);
						else if (f.size == 4) b.putInt(f.offset, (int) INTS[v]);
						else b.putFloat(f.offset, FLOATS[v]);
						return m;
					}));
				}
			}
			for (int i = 0; i < RANDOM_CASES_PER_FILE; i++) {
				if (i % 3 == 0) {
					int length = random.nextInt(original.length);
					cases.add(new Case(name + " truncated to " + length, () -> java.util.Arrays.copyOf(original, length)));
				}
				else {
					int[] positions = new int[1 + random.nextInt(8)], bits = new int[positions.length];
					for (int k = 0; k < positions.length; k++) {
						positions[k] = random.nextInt(Math.min(original.length, 8192));
						bits[k] = random.nextInt(8);
					}
					cases.add(new Case(name + " bits flipped at " + java.util.Arrays.toString(positions), () -> {
						byte[] m = original.clone();
						for (int k = 0; k < positions.length; k++) m[positions[k]] ^= (byte) (1 << bits[k]);
						return m;
					}));
				}
			}
		}

		ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "abf-fuzz");
			t.setDaemon(true);
			return t;
		});
		List<String> failures = new ArrayList<>();
		int read = 0, refused = 0;
		try {
			for (int i = 0; i < cases.size(); i++) {
				Case c = cases.get(i);
				Path file = dir.resolve("mutant-" + i + ".abf");
				Files.write(file, c.bytes.get());
				Future<?> result = executor.submit(() -> use(AbfReader.read(file)));
				try {
					result.get(CASE_LIMIT_MS, TimeUnit.MILLISECONDS);
					read++;
				}
				catch (TimeoutException e) {
					result.cancel(true);
					failures.add(c.name + ": took more than " + CASE_LIMIT_MS + " ms");
					executor.shutdownNow();
					executor = Executors.newSingleThreadExecutor();
				}
				catch (java.util.concurrent.ExecutionException e) {
					Throwable cause = e.getCause();
					if (cause instanceof UserInputException && cause.getMessage().contains("mutant-" + i + ".abf")) refused++;
					else failures.add(c.name + ": " + cause);
				}
				Files.delete(file);
			}
		}
		finally {
			executor.shutdownNow();
		}
		System.out.println("ABF fuzz: " + cases.size() + " cases, " + read + " read, " + refused + " refused");
		assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " cases failed:\n" + String.join("\n", failures));
	}

	/** What the commands do with a recording: traces, step windows, step levels, command waveforms. */
	private static void use(AbfFile f) {
		for (int c = 0; c < f.channelCount(); c++) {
			f.traces(c);
			f.stepTraces(c);
		}
		f.stepLevels();
		for (int d = 0; d < f.dacCount(); d++)
			for (int s : new int[] { 0, f.sweepCount() - 1 }) f.commandWaveform(s, d);
	}

	private static List<Field> fields(byte[] file) {
		ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
		List<Field> fields = new ArrayList<>();
		if (file[3] == ' ') { // ABF1
			fields.add(new Field("nOperationMode", 8, 2));
			fields.add(new Field("lActualAcqLength", 10, 4));
			fields.add(new Field("nNumPointsIgnored", 14, 2));
			fields.add(new Field("lActualEpisodes", 16, 4));
			fields.add(new Field("lDataSectionPtr", 40, 4));
			fields.add(new Field("lSynchArrayPtr", 92, 4));
			fields.add(new Field("lSynchArraySize", 96, 4));
			fields.add(new Field("nADCNumChannels", 120, 2));
			fields.add(new Field("fADCSampleInterval", 122, -4));
			fields.add(new Field("fADCRange", 244, -4));
			fields.add(new Field("lADCResolution", 252, 4));
			fields.add(new Field("fDACHoldingLevel[0]", 1394, -4));
			for (int e = 0; e < 3; e++) {
				fields.add(new Field("nEpochType[" + e + "]", 2308 + 2 * e, 2));
				fields.add(new Field("fEpochInitLevel[" + e + "]", 2348 + 4 * e, -4));
				fields.add(new Field("fEpochLevelInc[" + e + "]", 2428 + 4 * e, -4));
				fields.add(new Field("lEpochInitDuration[" + e + "]", 2508 + 4 * e, 4));
				fields.add(new Field("lEpochDurationInc[" + e + "]", 2588 + 4 * e, 4));
				fields.add(new Field("lEpochPulsePeriod[" + e + "]", 2136 + 4 * e, 4));
				fields.add(new Field("lEpochPulseWidth[" + e + "]", 2216 + 4 * e, 4));
			}
			return fields;
		}
		fields.add(new Field("sweep count", 12, 4));
		String[] sections = { "protocol", "ADC", "DAC", "epoch per DAC", "strings", "data", "synch array" };
		int[] offsets = { 76, 92, 108, 156, 220, 236, 316 };
		for (int i = 0; i < sections.length; i++) {
			fields.add(new Field(sections[i] + " block", offsets[i], 4));
			fields.add(new Field(sections[i] + " entry size", offsets[i] + 4, 4));
			fields.add(new Field(sections[i] + " count", offsets[i] + 8, 4));
		}
		int protocol = b.getInt(76) * 512;
		fields.add(new Field("nOperationMode", protocol, 2));
		fields.add(new Field("fADCSequenceInterval", protocol + 2, -4));
		fields.add(new Field("fADCRange", protocol + 110, -4));
		fields.add(new Field("lADCResolution", protocol + 118, 4));
		int dac = b.getInt(108) * 512;
		fields.add(new Field("fDACHoldingLevel", dac + 12, -4));
		fields.add(new Field("nWaveformEnable", dac + 40, 2));
		int epochs = b.getInt(156) * 512, epochSize = b.getInt(160);
		long epochCount = b.getLong(164);
		for (int e = 0; e < Math.min(3, epochCount); e++) {
			int at = epochs + e * epochSize;
			fields.add(new Field("epoch " + e + " type", at + 4, 2));
			fields.add(new Field("epoch " + e + " fEpochInitLevel", at + 6, -4));
			fields.add(new Field("epoch " + e + " fEpochLevelInc", at + 10, -4));
			fields.add(new Field("epoch " + e + " lEpochInitDuration", at + 14, 4));
			fields.add(new Field("epoch " + e + " lEpochDurationInc", at + 18, 4));
			fields.add(new Field("epoch " + e + " lEpochPulsePeriod", at + 22, 4));
			fields.add(new Field("epoch " + e + " lEpochPulseWidth", at + 26, 4));
		}
		return fields;
	}
}
