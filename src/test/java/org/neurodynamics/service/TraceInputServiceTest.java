package org.neurodynamics.service;

import static org.junit.jupiter.api.Assertions.*;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import ij.macro.Variable;
import ij.measure.ResultsTable;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.trace.Trace;
import org.neurodynamics.results.TraceImage;
import org.scijava.Context;

/** Every trace source of the service, and the messages for bad input, in a headless SciJava context. */
class TraceInputServiceTest {

	static Context context;
	static TraceInputService service;
	static final Path DATA = Path.of(System.getProperty("basedir", "."), "test-data");

	@BeforeAll
	static void start() {
		context = new Context(TraceInputService.class);
		service = context.service(TraceInputService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	// Images

	@Test
	void oneRowImageIsOneTraceAlongX() {
		FloatProcessor fp = new FloatProcessor(5, 1, new float[] { 1, 2, 3, 4, 5 });
		ImagePlus imp = new ImagePlus("row", fp);
		imp.getCalibration().pixelWidth = 0.25;
		imp.getCalibration().setXUnit("ms");
		long before = Checksums.of(imp);
		List<Trace> traces = service.fromImage(imp);
		assertEquals(1, traces.size());
		assertArrayEquals(new float[] { 1, 2, 3, 4, 5 }, traces.get(0).samples());
		assertEquals(0.25, traces.get(0).dt());
		assertEquals("ms", traces.get(0).timeUnit());
		assertEquals("row", traces.get(0).name());
		assertEquals(before, Checksums.of(imp));
	}

	@Test
	void oneColumnImageIsOneTraceAlongY() {
		ShortProcessor sp = new ShortProcessor(1, 4, new short[] { 10, 20, 30, 40 }, null);
		ImagePlus imp = new ImagePlus("column", sp);
		imp.getCalibration().pixelHeight = 2;
		imp.getCalibration().setYUnit("s");
		long before = Checksums.of(imp);
		List<Trace> traces = service.fromImage(imp);
		assertEquals(1, traces.size());
		assertArrayEquals(new float[] { 10, 20, 30, 40 }, traces.get(0).samples());
		assertEquals(2, traces.get(0).dt());
		assertEquals("s", traces.get(0).timeUnit());
		assertEquals(before, Checksums.of(imp));
	}

	@Test
	void multiRowImageHasOneTracePerRow() {
		ByteProcessor bp = new ByteProcessor(3, 2, new byte[] { 1, 2, 3, 4, 5, 6 });
		ImagePlus imp = new ImagePlus("rows", bp);
		long before = Checksums.of(imp);
		List<Trace> traces = service.fromImage(imp);
		assertEquals(2, traces.size());
		assertArrayEquals(new float[] { 4, 5, 6 }, traces.get(1).samples());
		assertEquals("rows row 2", traces.get(1).name());
		assertFalse(traces.get(0).hasParameter());
		assertEquals("", traces.get(0).timeUnit(), "an uncalibrated image has no time unit");
		assertEquals(before, Checksums.of(imp));
	}

	@Test
	void imagesThatAreNotTracesAreRefusedSayingWhatShapeIsExpected() {
		ImagePlus stack = IJ.createImage("movie", "32-bit black", 10, 10, 3);
		UserInputException e = assertThrows(UserInputException.class, () -> service.fromImage(stack));
		assertTrue(e.getMessage().contains("'movie' is a stack") && e.getMessage().contains("3 slice(s)") &&
			e.getMessage().contains("one trace per row") && e.getMessage().contains("ROIs on a time-lapse"), e.getMessage());

		ImagePlus hyper = IJ.createHyperStack("hyper", 10, 10, 2, 1, 5, 16);
		e = assertThrows(UserInputException.class, () -> service.fromImage(hyper));
		assertTrue(e.getMessage().contains("2 channel(s), 1 slice(s), 5 frame(s)"), e.getMessage());

		ImagePlus pixel = new ImagePlus("dot", new FloatProcessor(1, 1));
		e = assertThrows(UserInputException.class, () -> service.fromImage(pixel));
		assertTrue(e.getMessage().contains("'dot' is 1 x 1 pixels") && e.getMessage().contains("N x 1 or 1 x N"), e.getMessage());

		ImagePlus rgb = new ImagePlus("colour", new ColorProcessor(10, 2));
		e = assertThrows(UserInputException.class, () -> service.fromImage(rgb));
		assertTrue(e.getMessage().contains("RGB") && e.getMessage().contains("32-bit"), e.getMessage());

		e = assertThrows(UserInputException.class, () -> service.fromImage(null));
		assertTrue(e.getMessage().contains("No image is open"), e.getMessage());
	}

	@Test
	void traceImageKeepsNamesLengthsAndParametersAlsoAfterSavingAsTiff(@TempDir Path dir) {
		List<Trace> traces = List.of(
			new Trace("HR x I=1.5", new float[] { 1, -1, 0.5f, 2 }, 0.5, "ms", "mV", 1.5, "I"),
			new Trace("HR x I=3", new float[] { 0.25f, 3, -2 }, 0.5, "ms", "mV", 3, "I"));
		ImagePlus image = TraceImage.create("simulated", traces);
		assertTrue(TraceImage.isTraceImage(image));
		assertSameTraces(traces, service.fromImage(image));

		String file = dir.resolve("simulated.tif").toString();
		assertTrue(new FileSaver(image).saveAsTiff(file));
		ImagePlus reopened = IJ.openImage(file);
		assertNotNull(reopened);
		long before = Checksums.of(reopened);
		assertSameTraces(traces, service.fromImage(reopened));
		assertEquals(before, Checksums.of(reopened));
	}

	@Test
	void croppedTraceImageFallsBackToRowNumbers() {
		List<Trace> traces = List.of(new Trace("a", new float[] { 1, 2, 3 }, 1, "ms", "", 1, "I"),
			new Trace("b", new float[] { 4, 5, 6 }, 1, "ms", "", 2, "I"), new Trace("c", new float[] { 7, 8, 9 }, 1, "ms", "", 3, "I"));
		ImagePlus image = TraceImage.create("three", traces);
		image.setRoi(0, 1, 3, 2);
		ImagePlus cropped = image.crop();
		cropped.setTitle("cropped");
		List<Trace> read = service.fromImage(cropped);
		assertEquals(2, read.size());
		assertEquals("cropped row 1", read.get(0).name(), "row names of the uncropped image would be wrong");
		assertArrayEquals(new float[] { 4, 5, 6 }, read.get(0).samples());
		assertFalse(read.get(0).hasParameter());
	}

	@Test
	void traceImageRefusesTracesSampledDifferently() {
		List<Trace> traces = List.of(new Trace("a", new float[] { 1, 2 }, 1, "ms", ""), new Trace("b", new float[] { 1, 2 }, 2, "ms", ""));
		UserInputException e = assertThrows(UserInputException.class, () -> TraceImage.create("mixed", traces));
		assertTrue(e.getMessage().contains("'a' and 'b' are sampled differently"), e.getMessage());
	}

	private static void assertSameTraces(List<Trace> expected, List<Trace> actual) {
		assertEquals(expected.size(), actual.size());
		for (int i = 0; i < expected.size(); i++) {
			Trace e = expected.get(i), a = actual.get(i);
			assertEquals(e.name(), a.name());
			assertArrayEquals(e.samples(), a.samples(), e.name());
			assertEquals(e.dt(), a.dt(), 1e-12);
			assertEquals(e.timeUnit(), a.timeUnit());
			assertEquals(e.valueUnit(), a.valueUnit());
			assertEquals(e.parameter(), a.parameter());
			assertEquals(e.parameterName(), a.parameterName());
		}
	}

	// Results tables

	private static ResultsTable tableWithShortAndTextColumns() {
		ResultsTable rt = new ResultsTable();
		rt.setColumn("long", values(1, 2, 3, 4, 5));
		rt.setColumn("short", values(10, 20, 30));
		rt.setColumn("Cell", new Variable[] { new Variable("a"), new Variable("b"), new Variable("c"), new Variable("d"), new Variable("e") });
		return rt;
	}

	private static Variable[] values(double... v) {
		return Arrays.stream(v).mapToObj(Variable::new).toArray(Variable[]::new);
	}

	@Test
	void tableColumnsOfDifferentLengthsAreTracesOfDifferentLengths() {
		ResultsTable rt = tableWithShortAndTextColumns();
		long before = Checksums.of(rt);
		List<Trace> traces = service.fromTable(rt, "", 0.1, "s", "mV");
		assertEquals(2, traces.size(), "the text column is not a trace");
		assertEquals("long", traces.get(0).name());
		assertArrayEquals(new float[] { 1, 2, 3, 4, 5 }, traces.get(0).samples());
		assertArrayEquals(new float[] { 10, 20, 30 }, traces.get(1).samples());
		assertEquals(0.1, traces.get(1).dt());
		assertEquals("mV", traces.get(1).valueUnit());
		assertEquals(before, Checksums.of(rt));

		traces = service.fromTable(rt, "short, long", 1, "ms", "");
		assertEquals(List.of("short", "long"), List.of(traces.get(0).name(), traces.get(1).name()));
	}

	@Test
	void nonNumericOrMissingTableColumnsAreRefusedByName() {
		ResultsTable rt = tableWithShortAndTextColumns();
		UserInputException e = assertThrows(UserInputException.class, () -> service.fromTable(rt, "long, Cell", 1, "ms", ""));
		assertTrue(e.getMessage().contains("Column 'Cell' row 1 holds 'a', which is not a number"), e.getMessage());
		e = assertThrows(UserInputException.class, () -> service.fromTable(rt, "Voltage", 1, "ms", ""));
		assertTrue(e.getMessage().contains("no column 'Voltage'") && e.getMessage().contains("long"), e.getMessage());
		e = assertThrows(UserInputException.class, () -> service.fromTable(new ResultsTable(), "", 1, "ms", ""));
		assertTrue(e.getMessage().contains("empty"), e.getMessage());
	}

	@Test
	void nanInsideATableColumnNamesTheColumnAndRow() {
		ResultsTable rt = new ResultsTable();
		rt.setColumn("Mean1", values(1, 2, Double.NaN, 4));
		rt.setColumn("Mean2", values(1, 2, 3, Double.POSITIVE_INFINITY));
		UserInputException e = assertThrows(UserInputException.class, () -> service.fromTable(rt, "Mean1", 1, "ms", ""));
		assertTrue(e.getMessage().contains("Column 'Mean1' row 3 holds no value"), e.getMessage());
		e = assertThrows(UserInputException.class, () -> service.fromTable(rt, "Mean2", 1, "ms", ""));
		assertTrue(e.getMessage().contains("Column 'Mean2' row 4 holds 'Infinity'"), e.getMessage());
	}

	@Test
	void tableByTitleThroughRead() {
		TraceRequest request = new TraceRequest();
		request.source = TraceInputService.TABLE;
		request.table = "No such table";
		UserInputException e = assertThrows(UserInputException.class, () -> service.read(request));
		assertTrue(e.getMessage().contains("No open table is called 'No such table'"), e.getMessage());
	}

	// Text files

	@Test
	void csvAndTsvFilesWithAndWithoutHeader(@TempDir Path dir) throws Exception {
		Path csv = Files.writeString(dir.resolve("a.csv"), "V1,V2\n1,4\n2,5\n3\n");
		Path tsv = Files.writeString(dir.resolve("b.tsv"), "1\t4\n2\t5\n3\t6\n");
		Path semicolon = Files.writeString(dir.resolve("c.txt"), "x;y\n1,5;2\n3;4\n");
		long before = Checksums.of(csv);
		List<Trace> traces = read(TraceInputService.TEXT_FILE, csv.toFile(), "");
		assertEquals(List.of("V1", "V2"), List.of(traces.get(0).name(), traces.get(1).name()));
		assertArrayEquals(new float[] { 1, 2, 3 }, traces.get(0).samples());
		assertArrayEquals(new float[] { 4, 5 }, traces.get(1).samples());
		assertEquals(before, Checksums.of(csv));

		traces = read(TraceInputService.TEXT_FILE, tsv.toFile(), "column 2");
		assertEquals(1, traces.size());
		assertArrayEquals(new float[] { 4, 5, 6 }, traces.get(0).samples());

		traces = service.fromTextFile(semicolon.toFile(), "y", 0.5, "s", "");
		assertArrayEquals(new float[] { 2, 4 }, traces.get(0).samples());
		assertEquals(0.5, traces.get(0).dt());
		assertArrayEquals(new float[] { 1.5f, 3 }, service.fromTextFile(semicolon.toFile(), "x", 1, "s", "").get(0).samples());
	}

	@Test
	void badTextFilesAreRefusedNamingFileRowAndColumn(@TempDir Path dir) throws Exception {
		Path text = Files.writeString(dir.resolve("notes.csv"), "V1,V2\n1,2\n3,abc\n");
		UserInputException e = assertThrows(UserInputException.class, () -> read(TraceInputService.TEXT_FILE, text.toFile(), ""));
		assertTrue(e.getMessage().contains("'notes.csv', row 3, column 2 ('V2')") && e.getMessage().contains("'abc' is not a number"),
			e.getMessage());
		Path ok = Files.writeString(dir.resolve("ok.csv"), "V1,V2\n1,2\n3,4\n");
		e = assertThrows(UserInputException.class, () -> read(TraceInputService.TEXT_FILE, ok.toFile(), "V3"));
		assertTrue(e.getMessage().contains("'ok.csv' has no column 'V3'") && e.getMessage().contains("[V1, V2]"), e.getMessage());
		e = assertThrows(UserInputException.class, () -> read(TraceInputService.TEXT_FILE, dir.resolve("missing.csv").toFile(), ""));
		assertTrue(e.getMessage().contains("missing.csv") && e.getMessage().contains("does not exist"), e.getMessage());
		e = assertThrows(UserInputException.class, () -> read(TraceInputService.TEXT_FILE, null, ""));
		assertTrue(e.getMessage().contains("No file was given"), e.getMessage());
	}

	@Test
	void simulatedTestDataCsvMatchesItsTraceImage() {
		List<Trace> fromCsv = read(TraceInputService.TEXT_FILE, DATA.resolve("hindmarsh-rose.csv").toFile(), "");
		List<Trace> fromTiff = service.fromImage(IJ.openImage(DATA.resolve("hindmarsh-rose.tif").toString()));
		assertEquals(4, fromCsv.size());
		assertEquals(4, fromTiff.size());
		for (int i = 0; i < 4; i++) {
			assertEquals(fromTiff.get(i).name(), fromCsv.get(i).name());
			assertArrayEquals(fromTiff.get(i).samples(), fromCsv.get(i).samples());
		}
		assertArrayEquals(new double[] { 1.5, 2.25, 3.0, 3.75 }, fromTiff.stream().mapToDouble(Trace::parameter).toArray());
	}

	// ABF recordings

	@Test
	void abfSweepsCarryTheirCurrentStepAsParameter() throws Exception {
		Path abf = DATA.resolve("abf/17o05028_ic_steps.abf");
		long before = Checksums.of(abf);
		List<Trace> traces = read(TraceInputService.ABF, abf.toFile(), "");
		assertEquals(16, traces.size());
		for (int s = 0; s < 16; s++) {
			Trace t = traces.get(s);
			assertEquals(-50 + 10 * s, t.parameter(), 1e-9, t.name());
			assertEquals(60000, t.length());
			assertEquals(0.05, t.dt(), 1e-12);
			assertEquals("ms", t.timeUnit());
			assertEquals("mV", t.valueUnit());
			t.requireUsable(2);
		}
		assertTrue(traces.get(0).parameterName().contains("pA"), traces.get(0).parameterName());
		assertEquals(before, Checksums.of(abf));
	}

	@Test
	void truncatedOrNonAbfFilesAreRefusedByName(@TempDir Path dir) throws Exception {
		byte[] bytes = Files.readAllBytes(DATA.resolve("abf/17o05028_ic_steps.abf"));
		Path truncated = Files.write(dir.resolve("cut.abf"), Arrays.copyOf(bytes, 20000));
		UserInputException e = assertThrows(UserInputException.class, () -> read(TraceInputService.ABF, truncated.toFile(), ""));
		assertTrue(e.getMessage().contains("cut.abf") && e.getMessage().contains("truncated"), e.getMessage());
		Path text = Files.writeString(dir.resolve("notes.abf"), "these are not recordings\n");
		e = assertThrows(UserInputException.class, () -> read(TraceInputService.ABF, text.toFile(), ""));
		assertTrue(e.getMessage().contains("notes.abf") && e.getMessage().contains("ABF"), e.getMessage());
		e = assertThrows(UserInputException.class, () -> service.fromAbf(DATA.resolve("abf/17o05028_ic_steps.abf").toFile(), 3, false));
		assertTrue(e.getMessage().contains("no channel 3"), e.getMessage());
	}

	private static List<Trace> read(String source, File file, String columns) {
		TraceRequest request = new TraceRequest();
		request.source = source;
		request.file = file;
		request.columns = columns;
		return service.read(request);
	}

	// Parameters

	@Test
	void parameterValuesAreGivenInOrderOrKeptFromTheSource() {
		List<Trace> traces = List.of(new Trace("a", new float[] { 1, 2 }, 1, "ms", ""), new Trace("b", new float[] { 3, 4 }, 1, "ms", "", 7, "I"));
		List<Trace> given = service.withParameters(traces, new double[] { 0.5, 1.5 }, "I (pA)");
		assertEquals(0.5, given.get(0).parameter());
		assertEquals(1.5, given.get(1).parameter());
		assertEquals("I (pA)", given.get(1).parameterName());
		assertFalse(traces.get(0).hasParameter(), "the input traces are unchanged");
		assertSame(traces, service.withParameters(traces, new double[0], "I"));
	}

	@Test
	void parameterCountMismatchSaysHowManyOfEach() {
		List<Trace> traces = List.of(new Trace("sweep 0", new float[] { 1, 2 }, 1, "ms", ""),
			new Trace("sweep 1", new float[] { 3, 4 }, 1, "ms", ""));
		UserInputException e = assertThrows(UserInputException.class, () -> service.withParameters(traces, new double[] { 1, 2, 3 }, "I"));
		assertTrue(e.getMessage().contains("2 trace(s) but 3 parameter value(s)") && e.getMessage().contains("sweep 0, sweep 1"),
			e.getMessage());
	}

	@Test
	void unknownSourceIsRefused() {
		TraceRequest request = new TraceRequest();
		request.source = "Microscope";
		UserInputException e = assertThrows(UserInputException.class, () -> service.read(request));
		assertTrue(e.getMessage().contains("Unknown trace source 'Microscope'"), e.getMessage());
	}

	// Checks a command makes on what it read

	@Test
	void unusableTracesNameTheTraceAndWhatIsWrong() {
		assertMessage(new Trace("empty", new float[0], 1, "ms", ""), "'empty' has 0 sample(s)");
		assertMessage(new Trace("one", new float[] { 1 }, 1, "ms", ""), "'one' has 1 sample(s)");
		assertMessage(new Trace("gap", new float[] { 1, Float.NaN, 2 }, 0.5, "ms", ""), "'gap' has a NaN sample at index 1 (time 0.5 ms)");
		assertMessage(new Trace("spike", new float[] { 1, Float.POSITIVE_INFINITY }, 1, "ms", ""), "'spike' has an infinite sample at index 1");
		assertMessage(new Trace("flat", new float[] { 2, 2, 2 }, 1, "ms", ""), "'flat' is constant");
	}

	private static void assertMessage(Trace t, String expected) {
		UserInputException e = assertThrows(UserInputException.class, () -> t.requireUsable(2));
		assertTrue(e.getMessage().contains(expected), e.getMessage());
	}
}
