package org.neurodynamics.core.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.Progress;

/**
 * What a cell gets depends on what was recorded: spike features only for a membrane voltage
 * in current clamp, currents in pA or NaN (never a sweep number), numbers to six significant digits.
 */
class RecordingModeTest {

	private static final Path ABF = Path.of(System.getProperty("basedir", "."), "test-data", "abf");

	@Test
	void voltageClampAndCurrentChannelsGetARowSayingSpikesNeedCurrentClamp(@TempDir Path dir) throws Exception {
		Path in = dir.resolve("in");
		Files.createDirectories(in);
		Files.copy(ABF.resolve("2020_06_16_0000.abf"), in.resolve("voltage-clamp.abf"));
		Files.copy(ABF.resolve("18425108_abf1.abf"), in.resolve("two-channels.abf"));
		CellFolders.simulatedFamily(in.resolve("currents.csv"), 1, 1);
		BatchSettings s = CellFolders.settings(CellJob.FEATURES);
		s.valueUnit = "pA";
		List<CellRow> rows = run(in, dir.resolve("out"), s);
		assertEquals(3, rows.size());
		for (CellRow r : rows) {
			assertTrue(r.error().contains("spike features need a current-clamp recording"), r.toString());
			assertNull(r.get("total_spikes"), "no spike count for " + r);
		}
		assertTrue(rows.get(0).error().contains("value_unit=pA"), rows.get(0).error());
		assertTrue(rows.get(1).error().contains("in 'nA'") && rows.get(1).error().contains("set channel=1"), rows.get(1).error());
		assertTrue(rows.get(2).error().contains("in 'pA'"), rows.get(2).error());

		s = CellFolders.settings(CellJob.FEATURES);
		s.channel = 1; // the membrane voltage of the two-channel recording: one sweep, no step current
		CellRow voltage = run(in, dir.resolve("channel-1"), s).get(1);
		assertEquals("two-channels.abf", voltage.cell());
		assertEquals("", voltage.error());
		assertTrue(Double.isNaN(voltage.number("rheobase_pa")), voltage.toString());
	}

	@Test
	void stepCurrentsInNanoampsAreReportedInPicoampsAndUnknownCurrentsAsNaN(@TempDir Path dir) throws Exception {
		Path in = dir.resolve("in");
		CellFolders.simulatedFamily(in.resolve("pa.csv"), 1, 1);
		String pa = Files.readString(in.resolve("pa.csv"));
		String header = pa.substring(0, pa.indexOf('\n')), data = pa.substring(pa.indexOf('\n'));
		Files.writeString(in.resolve("na.csv"), header.replaceAll("I=(-?\\d+)", "I=$1e-3 nA") + data);
		Files.writeString(in.resolve("numbered.csv"), header.replaceAll("cortical V I=(-?\\d+)", "sweep $1") + data);
		Files.writeString(in.resolve("other-parameter.csv"), header.replaceAll("I=", "gain=") + data);
		List<CellRow> rows = run(in, dir.resolve("out"), CellFolders.settings(CellJob.FEATURES));
		assertEquals(List.of("na.csv", "numbered.csv", "other-parameter.csv", "pa.csv"), rows.stream().map(CellRow::cell)
			.collect(java.util.stream.Collectors.toList()));
		assertEquals(100, rows.get(3).number("rheobase_pa"), 1e-9, rows.get(3).toString());
		assertEquals(100, rows.get(0).number("rheobase_pa"), 1e-9, "1e-1 nA is 100 pA: " + rows.get(0));
		for (CellRow r : rows.subList(1, 3)) {
			assertTrue(r.number("total_spikes") > 0, "the spikes are counted: " + r);
			assertTrue(Double.isNaN(r.number("rheobase_pa")), "no current, no rheobase (not a sweep number): " + r);
		}
	}

	@Test
	void numbersAreWrittenToSixSignificantDigits(@TempDir Path dir) throws Exception {
		Path in = CellFolders.make(dir.resolve("in"), 6, 2, 0);
		run(in, dir.resolve("out"), CellFolders.settings(CellJob.FEATURES));
		Pattern number = Pattern.compile("-?(\\d+)\\.(\\d+)(E-?\\d+)?");
		for (Path f : List.of(dir.resolve("out/results.csv"), dir.resolve("out/cells/simulated__family-00.csv/sweeps.csv"))) {
			Matcher m = number.matcher(Files.readString(f));
			int numbers = 0;
			while (m.find()) {
				numbers++;
				String digits = (m.group(1) + m.group(2)).replaceFirst("^0+", "");
				assertTrue(digits.length() <= 6, m.group() + " in " + f);
			}
			assertTrue(numbers > 5, f.toString());
		}
		assertEquals(102.05, SignificantDigits.round(102.05000000000001));
		assertEquals(-70.6616, SignificantDigits.round(-70.66163215));
		assertEquals(1.23457e-5, SignificantDigits.round(1.234567e-5));
	}

	private static List<CellRow> run(Path in, Path out, BatchSettings s) {
		return BatchRun.run(in, out, s, Progress.NONE, line -> {}).rows;
	}
}
