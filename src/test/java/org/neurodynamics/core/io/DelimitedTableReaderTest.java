package org.neurodynamics.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.trace.Trace;

class DelimitedTableReaderTest {

	@TempDir
	Path dir;

	private Path file(String name, String content) throws IOException {
		Path p = dir.resolve(name);
		Files.write(p, content.getBytes(StandardCharsets.UTF_8));
		return p;
	}

	private UserInputException failure(String name, String content) throws IOException {
		Path p = file(name, content);
		return assertThrows(UserInputException.class, () -> DelimitedTableReader.readColumns(p));
	}

	@Test
	void commaSeparatedWithHeader() throws IOException {
		NumericTable t = DelimitedTableReader.readColumns(file("a.csv", "time,V (mV)\n0,-65.5\n0.1,-64\n0.2,1e-3\n"));
		assertEquals(Arrays.asList("time", "V (mV)"), t.names());
		assertArrayEquals(new double[] { 0, 0.1, 0.2 }, t.column(0));
		assertArrayEquals(new double[] { -65.5, -64, 0.001 }, t.column(1));
		assertEquals("a.csv", t.source());
	}

	@Test
	void tabSeparatedWithoutHeaderAndWindowsLineEnds() throws IOException {
		NumericTable t = DelimitedTableReader.readColumns(file("b.tsv", "1\t2\t3\r\n4\t5\t6\r\n\r\n"));
		assertEquals(Arrays.asList("column 1", "column 2", "column 3"), t.names());
		assertArrayEquals(new double[] { 3, 6 }, t.column(2));
	}

	@Test
	void semicolonSeparatedWithDecimalCommaAndQuotedHeader() throws IOException {
		NumericTable t = DelimitedTableReader.readColumns(file("c.csv", "\uFEFF\"I; pA\";\"V, mV\"\n1,5;-70,25\n2;-69\n"));
		assertEquals(Arrays.asList("I; pA", "V, mV"), t.names());
		assertArrayEquals(new double[] { 1.5, 2 }, t.column(0));
		assertArrayEquals(new double[] { -70.25, -69 }, t.column(1));
	}

	@Test
	void singleColumnAndSpecialValues() throws IOException {
		NumericTable t = DelimitedTableReader.readColumns(file("d.txt", "v\n1\nNaN\n-Infinity\n+2.5E2\n"));
		assertEquals(1, t.columnCount());
		double[] v = t.column(0);
		assertEquals(1, v[0]);
		assertTrue(Double.isNaN(v[1]));
		assertEquals(Double.NEGATIVE_INFINITY, v[2]);
		assertEquals(250, v[3]);
	}

	@Test
	void shorterColumnsEndWithEmptyCells() throws IOException {
		NumericTable t = DelimitedTableReader.readColumns(file("e.csv", "a,b,c\n1,2,3\n4,,6\n7\n,,\n"));
		assertArrayEquals(new double[] { 1, 4, 7 }, t.column(0));
		assertArrayEquals(new double[] { 2 }, t.column(1));
		assertArrayEquals(new double[] { 3, 6 }, t.column(2));
		assertEquals(3, t.rowCount());
	}

	@Test
	void nonNumericCellNamesFileRowAndColumn() throws IOException {
		UserInputException e = failure("f.csv", "a,b\n1,2\n3,oops\n");
		assertTrue(e.getMessage().contains("'f.csv'"), e.getMessage());
		assertTrue(e.getMessage().contains("row 3"), e.getMessage());
		assertTrue(e.getMessage().contains("column 2 ('b')"), e.getMessage());
		assertTrue(e.getMessage().contains("'oops'"), e.getMessage());
	}

	@Test
	void aOneNameHeaderOverNumbersWithDecimalCommasIsOneColumn() throws IOException {
		NumericTable t = DelimitedTableReader.readColumns(file("g.csv", "V\n-59,9\n-60\n-58,75\n"));
		assertEquals(List.of("V"), t.names());
		assertArrayEquals(new double[] { -59.9, -60, -58.75 }, t.column(0));
		// a second column that is not a decimal part: still a too-long row
		UserInputException e = failure("g2.csv", "a\n1,5.5\n");
		assertTrue(e.getMessage().contains("row 2 has 2 cells"), e.getMessage());
	}

	@Test
	void decimalCommasWithoutHeaderAreRefusedAsAmbiguous() throws IOException {
		// Read as two columns, -59,9 gave traces of integer parts and first decimals.
		UserInputException e = failure("g3.csv", "-59,9\n-60,1\n-61\n-58,75\n");
		assertTrue(e.getMessage().contains("'g3.csv' is ambiguous"), e.getMessage());
		assertTrue(e.getMessage().contains("header"), e.getMessage());
		// with a header naming two columns, the same lines are two integer columns
		NumericTable t = DelimitedTableReader.readColumns(file("g4.csv", "a,b\n-59,9\n-60,1\n"));
		assertArrayEquals(new double[] { 9, 1 }, t.column(1));
		// decimal points are not ambiguous
		assertEquals(2, DelimitedTableReader.readColumns(file("g5.csv", "-59.5,9\n-60,1.5\n")).columnCount());
	}

	@Test
	void raggedRowIsAnError() throws IOException {
		UserInputException e = failure("h.csv", "a,b\n1,2\n3,4,5\n");
		assertTrue(e.getMessage().contains("'h.csv'") && e.getMessage().contains("row 3 has 3 cells"), e.getMessage());
		assertTrue(e.getMessage().contains("row 1 (the header) has 2"), e.getMessage());
		// trailing separators are not extra cells
		assertEquals(2, DelimitedTableReader.readColumns(file("h2.csv", "a,b,\n1,2,\n")).columnCount());
	}

	@Test
	void gapInAColumnIsAnError() throws IOException {
		UserInputException e = failure("i.csv", "a,b\n1,2\n3,\n5,6\n");
		assertTrue(e.getMessage().contains("row 4, column 2 ('b')"), e.getMessage());
		assertTrue(e.getMessage().contains("empty cell in row 3"), e.getMessage());
	}

	@Test
	void emptyFilesAndHeaderOnlyFilesAreErrors() throws IOException {
		assertTrue(failure("j.csv", "").getMessage().contains("'j.csv' is empty"));
		assertTrue(failure("k.csv", "\n  \n").getMessage().contains("'k.csv' is empty"));
		assertTrue(failure("l.csv", "a,b\n").getMessage().contains("no numbers"));
		UserInputException e = assertThrows(UserInputException.class,
			() -> DelimitedTableReader.readColumns(dir.resolve("missing.csv")));
		assertTrue(e.getMessage().contains("'missing.csv'"), e.getMessage());
	}

	@Test
	void columnsBecomeTraces() throws IOException {
		NumericTable t = DelimitedTableReader.readColumns(file("m.csv", "t,v1,v2\n0,1,5\n1,2,6\n2,3\n"));
		List<Trace> traces = t.traces(new int[] { 2, 1 }, 0.5, "ms", "mV");
		assertEquals("v2", traces.get(0).name());
		assertEquals(2, traces.get(0).length());
		assertEquals(0.5, traces.get(1).dt());
		assertEquals("mV", traces.get(1).valueUnit());
		assertArrayEquals(new float[] { 1, 2, 3 }, traces.get(1).samples());
		UserInputException e = assertThrows(UserInputException.class, () -> t.trace(3, 1, "ms", "mV"));
		assertTrue(e.getMessage().contains("'m.csv'") && e.getMessage().contains("no column 3"), e.getMessage());
	}

	/** Values that are floats are written with float digits, so they read back as the same float. */
	private static void assertSameAtFloatPrecision(NumericTable expected, NumericTable actual) {
		assertEquals(expected.names(), actual.names());
		for (int c = 0; c < expected.columnCount(); c++) {
			assertEquals(expected.length(c), actual.length(c), "length of column " + c);
			for (int r = 0; r < expected.length(c); r++) {
				double e = expected.value(r, c), a = actual.value(r, c);
				if ((double) (float) e == e) assertEquals((float) e, (float) a, "row " + r + " column " + c);
				else assertEquals(e, a, "row " + r + " column " + c);
			}
		}
	}

	@Test
	void writtenCsvReadsBackIdentically() throws IOException {
		NumericTable t = new NumericTable("", Arrays.asList("time (ms)", "V, soma (mV)", "I \"inj\""), new double[][] {
			{ 0, 0.05, 0.1, 0.15 }, { (float) -47.08862, -1e-7, Double.NaN }, { 1.0 / 3, 2.5e20 } });
		Path out = dir.resolve("sub/out.csv");
		DelimitedTableWriter.writeCsv(out, t);
		String text = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
		assertTrue(text.startsWith("time (ms),\"V, soma (mV)\",\"I \"\"inj\"\"\"\n0,-47.08862,0.3333333333333333\n"), text);
		assertSameAtFloatPrecision(t, DelimitedTableReader.readColumns(out));
		try (java.util.stream.Stream<Path> files = Files.list(out.getParent())) {
			assertEquals(1, files.count(), "no temporary file left behind");
		}
	}

	@Test
	void tracesExportWithATimeColumn() throws IOException {
		Trace a = new Trace("cell 1", new float[] { 1, 2, 3 }, 0.1, "ms", "mV");
		Trace b = new Trace("cell 2", new float[] { 4, 5 }, 0.1, "ms", "");
		NumericTable t = NumericTable.ofTraces(Arrays.asList(a, b), true);
		assertEquals(Arrays.asList("time (ms)", "cell 1 (mV)", "cell 2"), t.names());
		assertEquals(0.2, t.value(2, 0), 1e-12);
		Path out = dir.resolve("traces.csv");
		DelimitedTableWriter.writeCsv(out, t);
		assertSameAtFloatPrecision(t, DelimitedTableReader.readColumns(out));

		Trace c = new Trace("cell 3", new float[] { 1, 2 }, 0.2, "ms", "mV");
		assertThrows(UserInputException.class, () -> NumericTable.ofTraces(Arrays.asList(a, c), true));
		assertEquals(2, NumericTable.ofTraces(Arrays.asList(a, c), false).columnCount());
	}
}
