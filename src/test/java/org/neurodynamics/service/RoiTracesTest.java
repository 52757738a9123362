package org.neurodynamics.service;

import static org.junit.jupiter.api.Assertions.*;

import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.Roi;
import ij.io.RoiEncoder;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.SyntheticCalcium;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.trace.Trace;
import org.scijava.Context;

/**
 * ROI traces of a synthetic calcium time-lapse (64 x 64, 200 frames, two cells with
 * transients at different periods) against their analytic values: raw mean, dF/F, and
 * dF/F with bleach correction.
 */
class RoiTracesTest {

	static final int SIZE = 64, FRAMES = 200;
	static final double BLEACH = 150; // frames: the field decays to 26% over the recording
	static Context context;
	static TraceInputService service;

	@BeforeAll
	static void start() {
		context = new Context(TraceInputService.class);
		service = context.service(TraceInputService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void rawMeanPerFrameIsTheCellIntensity() {
		ImagePlus movie = SyntheticCalcium.create("calcium", SIZE, FRAMES, BLEACH);
		long before = Checksums.of(movie);
		List<Trace> traces = service.fromRois(movie, SyntheticCalcium.rois(SIZE), RoiTraceOptions.RAW);
		assertEquals(2, traces.size());
		assertEquals("calcium cell 1", traces.get(0).name());
		assertEquals("calcium cell 2", traces.get(1).name());
		for (int c = 0; c < 2; c++) {
			Trace t = traces.get(c);
			assertEquals(FRAMES, t.length());
			assertEquals(0.1, t.dt());
			assertEquals("s", t.timeUnit());
			for (int f = 0; f < FRAMES; f++) assertEquals(SyntheticCalcium.cellValue(c, f, BLEACH), t.sample(f), 1e-3, t.name() + " frame " + f);
		}
		assertEquals(before, Checksums.of(movie), "the time-lapse is unchanged");
	}

	@Test
	void deltaFOverFWithAPercentileBaselineIsTheTransient() {
		ImagePlus movie = SyntheticCalcium.create("calcium", SIZE, FRAMES, 0);
		List<Trace> traces = service.fromRois(movie, SyntheticCalcium.rois(SIZE), new RoiTraceOptions(true, 8, 0));
		for (int c = 0; c < 2; c++) {
			Trace t = traces.get(c);
			assertEquals("dF/F", t.valueUnit());
			// More than 8% of frames are at baseline, so F0 is the baseline and dF/F the transient.
			for (int f = 0; f < FRAMES; f++) assertEquals(SyntheticCalcium.deltaFOverF(c, f), t.sample(f), 1e-5, t.name() + " frame " + f);
		}
	}

	@Test
	void bleachCorrectionRemovesTheDecay() {
		ImagePlus movie = SyntheticCalcium.create("calcium", SIZE, FRAMES, BLEACH);
		Roi[] rois = SyntheticCalcium.rois(SIZE);
		List<Trace> constant = service.fromRois(movie, rois, new RoiTraceOptions(true, 8, 0));
		List<Trace> corrected = service.fromRois(movie, rois, new RoiTraceOptions(true, 8, 31));
		for (int c = 0; c < 2; c++) {
			// Without correction the baseline drifts from about e^(200/150) - 1 down to 0.
			double drift = baselineMean(constant.get(c), c, 0, 50) - baselineMean(constant.get(c), c, FRAMES - 50, FRAMES);
			assertTrue(drift > 1, "uncorrected drift " + drift);
			// With it, the baseline stays near 0 and transients keep their size. F0 is the
			// baseline a few frames away: the 8th percentile of 31 frames lies 2.4 frames from
			// the frame (e^(2.4/150) = 1.016), up to a transient's width (12 frames) while one
			// fills part of the window or has just ended, and up to half a window (15 frames, e^(15/150) = 1.105)
			// within a window of either end, where windows are cut short.
			double sum = 0;
			for (int f = 0; f < FRAMES; f++) {
				double expected = SyntheticCalcium.deltaFOverF(c, f);
				double f0Error = (1 + expected) / (1 + corrected.get(c).sample(f)) - 1;
				boolean edge = f < 31 || f >= FRAMES - 31;
				assertEquals(0, f0Error, edge ? 0.11 : 0.09, corrected.get(c).name() + " frame " + f);
				if (!edge) sum += Math.abs(f0Error);
			}
			assertEquals(0, sum / (FRAMES - 62), 0.03, "mean F0 error away from the ends");
			double residual = baselineMean(corrected.get(c), c, 0, 50) - baselineMean(corrected.get(c), c, FRAMES - 50, FRAMES);
			assertEquals(0, residual, 0.03, "corrected drift");
		}
	}

	private static double baselineMean(Trace t, int cell, int from, int to) {
		double sum = 0;
		int n = 0;
		for (int f = from; f < to; f++)
			if (SyntheticCalcium.deltaFOverF(cell, f) == 0) {
				sum += t.sample(f);
				n++;
			}
		return sum / n;
	}

	@Test
	void hyperstackTracesRunAlongTheFrameAxisAtTheCurrentChannelAndSlice() {
		ImagePlus hyper = IJ.createHyperStack("hyper", 8, 8, 2, 3, 10, 32);
		for (int c = 1; c <= 2; c++)
			for (int z = 1; z <= 3; z++)
				for (int t = 1; t <= 10; t++) java.util.Arrays.fill((float[]) hyper.getStack().getPixels(hyper.getStackIndex(c, z, t)), 100 * c + 10 * z + t);
		hyper.setPosition(2, 3, 1);
		List<Trace> traces = service.fromRois(hyper, new Roi[] { new Roi(1, 1, 4, 4) }, RoiTraceOptions.RAW);
		assertEquals(10, traces.get(0).length());
		for (int t = 0; t < 10; t++) assertEquals(230 + t + 1, traces.get(0).sample(t), 1e-4);
		assertEquals("hyper ROI 1", traces.get(0).name());
		assertEquals("frame", traces.get(0).timeUnit(), "no frame interval: time in frames");
	}

	@Test
	void plainStackIsReadAlongItsSlices() {
		ImagePlus stack = IJ.createImage("slices", "16-bit black", 8, 8, 5);
		for (int i = 1; i <= 5; i++) java.util.Arrays.fill((short[]) stack.getStack().getPixels(i), (short) (i * 3));
		assertEquals(1, stack.getNFrames());
		List<Trace> traces = service.fromRois(stack, new Roi[] { new Roi(0, 0, 8, 8) }, RoiTraceOptions.RAW);
		assertArrayEquals(new float[] { 3, 6, 9, 12, 15 }, traces.get(0).samples());
	}

	@Test
	void roiSetFileGivesTheSameTracesAsTheRois(@TempDir Path dir) throws Exception {
		ImagePlus movie = SyntheticCalcium.create("calcium", SIZE, 50, 0);
		Roi[] rois = SyntheticCalcium.rois(SIZE);
		Path zip = dir.resolve("cells.zip");
		try (ZipOutputStream out = new ZipOutputStream(new FileOutputStream(zip.toFile()))) {
			for (Roi roi : rois) {
				out.putNextEntry(new ZipEntry(roi.getName() + ".roi"));
				out.write(RoiEncoder.saveAsByteArray(roi));
				out.closeEntry();
			}
		}
		TraceRequest request = new TraceRequest();
		request.source = TraceInputService.ROIS;
		request.image = movie;
		request.rois = zip.toFile();
		List<Trace> fromFile = service.read(request);
		List<Trace> direct = service.fromRois(movie, rois, RoiTraceOptions.RAW);
		assertEquals(2, fromFile.size());
		for (int c = 0; c < 2; c++) {
			assertEquals(direct.get(c).name(), fromFile.get(c).name());
			assertArrayEquals(direct.get(c).samples(), fromFile.get(c).samples());
		}
		Path single = dir.resolve("one.roi");
		assertTrue(RoiEncoder.save(rois[1], single.toString()));
		assertArrayEquals(direct.get(1).samples(), service.fromRoiFile(movie, single.toFile(), RoiTraceOptions.RAW).get(0).samples());

		Path notRois = Files.writeString(dir.resolve("notes.zip"), "no zip");
		UserInputException e = assertThrows(UserInputException.class, () -> service.fromRoiFile(movie, notRois.toFile(), RoiTraceOptions.RAW));
		assertTrue(e.getMessage().contains("'notes.zip'"), e.getMessage());
	}

	@Test
	void emptyRoiManagerSaysHowToAddRois() {
		ImagePlus movie = SyntheticCalcium.create("calcium", 16, 5, 0);
		TraceRequest request = new TraceRequest();
		request.source = TraceInputService.ROIS;
		request.image = movie;
		UserInputException e = assertThrows(UserInputException.class, () -> service.read(request));
		assertTrue(e.getMessage().contains("The ROI Manager is empty") && e.getMessage().contains("'calcium'") &&
			e.getMessage().contains("'rois'"), e.getMessage());
	}

	@Test
	void badTimeLapsesAndRoisAreRefusedByName() {
		ImagePlus single = IJ.createImage("snapshot", "8-bit black", 16, 16, 1);
		UserInputException e = assertThrows(UserInputException.class,
			() -> service.fromRois(single, new Roi[] { new Roi(0, 0, 4, 4) }, RoiTraceOptions.RAW));
		assertTrue(e.getMessage().contains("'snapshot' has a single time point"), e.getMessage());

		ImagePlus movie = SyntheticCalcium.create("calcium", 16, 5, 0);
		Roi outside = new Roi(100, 100, 5, 5);
		outside.setName("stray");
		e = assertThrows(UserInputException.class, () -> service.fromRois(movie, new Roi[] { outside }, RoiTraceOptions.RAW));
		assertTrue(e.getMessage().contains("ROI 'stray' lies outside 'calcium'"), e.getMessage());

		e = assertThrows(UserInputException.class, () -> service.fromRois(movie, new Roi[] { new Line(0, 0, 5, 5) }, RoiTraceOptions.RAW));
		assertTrue(e.getMessage().contains("ROI 'ROI 1' is a Straight Line") && e.getMessage().contains("area ROIs"), e.getMessage());

		e = assertThrows(UserInputException.class, () -> service.fromRois(movie, new Roi[0], RoiTraceOptions.RAW));
		assertTrue(e.getMessage().contains("No ROIs"), e.getMessage());

		e = assertThrows(UserInputException.class, () -> service.fromRois(null, new Roi[0], RoiTraceOptions.RAW));
		assertTrue(e.getMessage().contains("No time-lapse is open"), e.getMessage());
	}

	@Test
	void deltaFOverFNeedsAPositiveBaseline() {
		ImagePlus dark = IJ.createImage("dark", "32-bit black", 16, 16, 5);
		UserInputException e = assertThrows(UserInputException.class,
			() -> service.fromRois(dark, new Roi[] { new Roi(0, 0, 4, 4) }, new RoiTraceOptions(true, 8, 0)));
		assertTrue(e.getMessage().contains("baseline fluorescence F0 of 'ROI 1' is 0.0"), e.getMessage());
		ImagePlus movie = SyntheticCalcium.create("calcium", 16, 5, 0);
		e = assertThrows(UserInputException.class,
			() -> service.fromRois(movie, SyntheticCalcium.rois(16), new RoiTraceOptions(true, 120, 0)));
		assertTrue(e.getMessage().contains("percentile must be between 0 and 100"), e.getMessage());
	}
}
