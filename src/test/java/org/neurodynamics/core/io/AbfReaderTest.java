package org.neurodynamics.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.trace.Trace;

/**
 * Checks the reader against pyABF's published header summaries of the sample files in
 * test-data/abf (NAME.header.md): rates, counts, units, the first and last three values of
 * the whole data array (channels one after another, printed to 5 decimals) and epoch tables.
 */
class AbfReaderTest {

	private static final double PRINTED = 1e-5;

	static Path abf(String name) {
		return Paths.get(System.getProperty("basedir", "."), "test-data", "abf", name + ".abf");
	}

	/** First three values of the first channel and last three of the last, as pyABF prints abf.data. */
	private static void assertDataEnds(AbfFile f, double[] first, double[] last) {
		float[] head = f.channelData(0), tail = f.channelData(f.channelCount() - 1);
		for (int i = 0; i < 3; i++) {
			assertEquals(first[i], head[i], PRINTED, "data[" + i + "]");
			assertEquals(last[i], tail[tail.length - 3 + i], PRINTED, "data[-" + (3 - i) + "]");
		}
	}

	private static double[] arithmetic(double first, double step, int count) {
		double[] v = new double[count];
		for (int i = 0; i < count; i++) v[i] = first + step * i;
		return v;
	}

	@Test
	void currentClampStepsAbf2() {
		AbfFile f = AbfReader.read(abf("17o05028_ic_steps"));
		assertEquals("2.6.0.0", f.version());
		assertEquals(20000, f.sampleRate(), 1e-9);
		assertEquals(0.05, f.sampleIntervalMs(), 1e-12);
		assertEquals(16, f.sweepCount());
		assertEquals(1, f.channelCount());
		assertEquals("IN 0", f.adcName(0));
		assertEquals("mV", f.adcUnit(0));
		assertEquals("Cmd 0", f.dacName(0));
		assertEquals("pA", f.dacUnit(0));
		assertEquals(60000, f.sweepLength(15));
		assertEquals(960000, f.channelData(0).length);
		assertDataEnds(f, new double[] { -47.08862, -47.14966, -47.11914 }, new double[] { -62.37793, -62.40845, -62.37793 });
		// sweepY of sweep 0 ends with these
		float[] s0 = f.sweep(0, 0);
		assertEquals(-44.64722, s0[59997], PRINTED);
		assertEquals(-44.61670, s0[59999], PRINTED);

		StepLevels steps = f.stepLevels();
		assertEquals(0, steps.dac());
		assertEquals("B", steps.epochLetter());
		assertEquals("pA", steps.unit());
		assertEquals("step (pA)", steps.parameterName());
		assertArrayEquals(arithmetic(-50, 10, 16), steps.levels(), 1e-9);
	}

	@Test
	void currentClampStepsWithCommentAbf2() {
		AbfFile f = AbfReader.read(abf("171116sh_0018"));
		assertEquals(20000, f.sampleRate(), 1e-9);
		assertEquals(17, f.sweepCount());
		assertEquals(1, f.channelCount());
		assertEquals("mV", f.adcUnit(0));
		assertEquals("pA", f.dacUnit(0));
		assertDataEnds(f, new double[] { -62.46948, -62.31689, -62.43896 }, new double[] { -63.50708, -63.41553, -63.29346 });
		// epoch table: B and E step from -100 by 25 pA per sweep; B comes first
		StepLevels steps = f.stepLevels(0);
		assertEquals("B", steps.epochLetter());
		assertArrayEquals(arithmetic(-100, 25, 17), steps.levels(), 1e-9);
		assertEquals(300, steps.level(16), 1e-9);
	}

	@Test
	void twoChannelAbf1() {
		AbfFile f = AbfReader.read(abf("18425108_abf1"));
		assertEquals("1.8.4.0", f.version());
		assertEquals(25000, f.sampleRate(), 1e-6);
		assertEquals(1, f.sweepCount());
		assertEquals(2, f.channelCount());
		assertEquals("Imemb", f.adcName(0));
		assertEquals("nA", f.adcUnit(0));
		assertEquals("10_Vm", f.adcName(1));
		assertEquals("mV", f.adcUnit(1));
		assertEquals(Arrays.asList("Cmd 0", "ME1", "OUT 2", "OUT 3"),
			Arrays.asList(f.dacName(0), f.dacName(1), f.dacName(2), f.dacName(3)));
		assertEquals(Arrays.asList("mV", "nA", "V", "V"),
			Arrays.asList(f.dacUnit(0), f.dacUnit(1), f.dacUnit(2), f.dacUnit(3)));
		assertEquals(250000, f.sweepLength(0));
		assertDataEnds(f, new double[] { 0.07935, 0.07629, 0.08240 }, new double[] { -70.92285, -70.95337, -70.95337 });
		float[] ch0 = f.sweep(0, 0); // sweepY of channel 0
		assertEquals(0.07629, ch0[ch0.length - 1], PRINTED);

		// DAC 0 table behind sweepEpochs "Step 0.00 [3906:7501], Pulse 1.80 [7501:15001]"; its waveform is off
		List<AbfEpoch> dac0 = f.epochs(0);
		assertEquals(2, dac0.size());
		assertEquals(AbfEpochType.STEP, dac0.get(0).type());
		assertEquals(3595, dac0.get(0).firstDuration());
		assertEquals(AbfEpochType.PULSE, dac0.get(1).type());
		assertEquals(1.8, dac0.get(1).firstLevel(), 1e-6);
		assertEquals(7500, dac0.get(1).firstDuration());
		assertFalse(f.hasEpochWaveform(0));
		assertTrue(Float.isNaN((float) f.stepLevels().level(0)));
		assertFalse(f.stepLevels().isStepped());
		assertEquals("", f.traces(1).get(0).parameterName());
	}

	@Test
	void variableLengthSweepsAbf2() {
		AbfFile f = AbfReader.read(abf("2020_06_16_0000"));
		assertEquals("2.3.0.0", f.version());
		assertEquals(10000, f.sampleRate(), 1e-9);
		assertEquals(3, f.sweepCount());
		assertEquals(1, f.channelCount());
		assertEquals("pA", f.adcUnit(0));
		assertEquals("mV", f.dacUnit(0));
		assertEquals(89620, f.channelData(0).length);
		assertDataEnds(f, new double[] { 0.91553, 0.30518, 0.30518 }, new double[] { 0.91553, 0.61035, 0.30518 });
		// synch array lengths; pyABF's sweepY of sweep 0 ends at 0.3539 s
		assertEquals(Arrays.asList(3540, 70040, 16040), Arrays.asList(f.sweepLength(0), f.sweepLength(1), f.sweepLength(2)));
		float[] s0 = f.sweep(0, 0);
		assertEquals(0.30518, s0[3537], PRINTED);
		assertEquals(0.30518, s0[3538], PRINTED);
		assertEquals(0.0, s0[3539], PRINTED);
		assertFalse(f.stepLevels().isStepped());
		float[] command = f.commandWaveform(1, 0);
		assertEquals(70040, command.length);
		for (float v : command) assertEquals(0f, v);
	}

	@Test
	void commandWaveformFollowsTheEpochTable() {
		AbfFile f = AbfReader.read(abf("17o05028_ic_steps"));
		// sweepEpochs of sweep 0: Step 0 [0:937], Step 0 [937:2937], Step -50 [2937:12937], Step 0 [12937:22937],
		// Step -50 [22937:32937], Step -50 [32937:42937], Step 0 [42937:60000]
		float[] w0 = f.commandWaveform(0, 0);
		assertEquals(60000, w0.length);
		assertLevel(w0, 0, 2937, 0);
		assertLevel(w0, 2937, 12937, -50);
		assertLevel(w0, 12937, 22937, 0);
		assertLevel(w0, 22937, 42937, -50);
		assertLevel(w0, 42937, 60000, 0);
		float[] w3 = f.commandWaveform(3, 0); // epochs B and E at -50 + 3 * 10
		assertLevel(w3, 2937, 12937, -20);
		assertLevel(w3, 22937, 32937, -50);
		assertLevel(w3, 32937, 42937, -20);
	}

	@Test
	void stepWindowIsTheSteppedEpochOfEachSweep() {
		AbfFile f = AbfReader.read(abf("17o05028_ic_steps"));
		// Published epoch table: epoch B (-50 pA + 10 pA per sweep) plays over samples 2937..12937.
		assertArrayEquals(new int[] { 2937, 12937 }, f.stepWindow(3, f.stimulusDac(0)));
		java.util.List<org.neurodynamics.core.trace.Trace> steps = f.stepTraces(0);
		assertEquals(10000, steps.get(5).length());
		assertEquals(f.sweep(5, 0)[2937], steps.get(5).sample(0));
		assertEquals(0.0, steps.get(5).parameter(), 1e-9);
	}

	private static void assertLevel(float[] w, int from, int to, double level) {
		for (int i = from; i < to; i++) assertEquals(level, w[i], 1e-6, "sample " + i);
	}

	@Test
	void tracesCarryUnitsTimeAndStepLevel() {
		List<Trace> traces = AbfReader.read(abf("17o05028_ic_steps")).traces(0);
		assertEquals(16, traces.size());
		Trace t = traces.get(2);
		assertEquals("17o05028_ic_steps sweep 2 ch 0", t.name());
		assertEquals(0.05, t.dt(), 1e-12);
		assertEquals("ms", t.timeUnit());
		assertEquals("mV", t.valueUnit());
		assertEquals(-30, t.parameter(), 1e-9);
		assertEquals("step (pA)", t.parameterName());
		assertEquals(60000, t.length());
	}

	@Test
	void floatSamplesAreReadWithoutScaling(@TempDir Path dir) throws IOException {
		// Re-label the int16 data of a real file as float32: same bytes, half as many samples.
		byte[] bytes = Files.readAllBytes(abf("17o05028_ic_steps"));
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		b.putShort(30, (short) 1);
		long count = b.getLong(236 + 8);
		b.putInt(236 + 4, 4);
		b.putLong(236 + 8, count / 2);
		Path copy = dir.resolve("float.abf");
		Files.write(copy, bytes);
		AbfFile f = AbfReader.read(copy);
		long start = b.getInt(236) * 512L;
		float[] data = f.channelData(0);
		assertEquals(count / 2, data.length);
		assertEquals(b.getFloat((int) start), data[0]);
		assertEquals(b.getFloat((int) start + 4 * 1234), data[1234]);
		assertEquals(30000, f.sweepLength(0));
	}

	@Test
	void truncatedFileNamesTheFileAndWhatToDo(@TempDir Path dir) throws IOException {
		byte[] bytes = Files.readAllBytes(abf("17o05028_ic_steps"));
		Path cut = dir.resolve("cut.abf");
		Files.write(cut, Arrays.copyOf(bytes, 100_000));
		UserInputException e = assertThrows(UserInputException.class, () -> AbfReader.read(cut));
		assertTrue(e.getMessage().contains("'cut.abf'"), e.getMessage());
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
		assertTrue(e.getMessage().contains("copy it again"), e.getMessage());

		Path header = dir.resolve("header.abf");
		Files.write(header, Arrays.copyOf(bytes, 300));
		e = assertThrows(UserInputException.class, () -> AbfReader.read(header));
		assertTrue(e.getMessage().contains("'header.abf'") && e.getMessage().contains("truncated"), e.getMessage());
	}

	@Test
	void nonAbfAndEmptyFilesAreRejected(@TempDir Path dir) throws IOException {
		Path text = dir.resolve("trace.abf");
		Files.write(text, "time,value\n0,1\n1,2\n".getBytes());
		UserInputException e = assertThrows(UserInputException.class, () -> AbfReader.read(text));
		assertTrue(e.getMessage().contains("'trace.abf'") && e.getMessage().contains("not an Axon Binary Format"),
			e.getMessage());

		Path empty = dir.resolve("empty.abf");
		Files.write(empty, new byte[0]);
		e = assertThrows(UserInputException.class, () -> AbfReader.read(empty));
		assertTrue(e.getMessage().contains("'empty.abf'"), e.getMessage());

		Path missing = dir.resolve("missing.abf");
		e = assertThrows(UserInputException.class, () -> AbfReader.read(missing));
		assertTrue(e.getMessage().contains("'missing.abf'") && e.getMessage().contains("not found"), e.getMessage());
	}

	@Test
	void unsupportedVersionsAreRejected(@TempDir Path dir) throws IOException {
		byte[] abf2 = Files.readAllBytes(abf("2020_06_16_0000"));
		abf2[7] = 3; // major version byte
		Path v3 = dir.resolve("v3.abf");
		Files.write(v3, abf2);
		UserInputException e = assertThrows(UserInputException.class, () -> AbfReader.read(v3));
		assertTrue(e.getMessage().contains("'v3.abf'") && e.getMessage().contains("version 3"), e.getMessage());
		assertTrue(e.getMessage().contains("Clampfit"), e.getMessage());

		byte[] abf1 = Files.readAllBytes(abf("18425108_abf1"));
		ByteBuffer.wrap(abf1).order(ByteOrder.LITTLE_ENDIAN).putFloat(4, 0.5f);
		Path old = dir.resolve("old.abf");
		Files.write(old, abf1);
		e = assertThrows(UserInputException.class, () -> AbfReader.read(old));
		assertTrue(e.getMessage().contains("'old.abf'") && e.getMessage().contains("version 0.5"), e.getMessage());
	}

	@Test
	void channelAndSweepOutOfRangeAreUserErrors() {
		AbfFile f = AbfReader.read(abf("2020_06_16_0000"));
		UserInputException e = assertThrows(UserInputException.class, () -> f.traces(1));
		assertTrue(e.getMessage().contains("'2020_06_16_0000.abf'") && e.getMessage().contains("no channel 1"),
			e.getMessage());
		assertThrows(UserInputException.class, () -> f.traces(-1));
		e = assertThrows(UserInputException.class, () -> f.sweep(3, 0));
		assertTrue(e.getMessage().contains("no sweep 3"), e.getMessage());
	}
}
