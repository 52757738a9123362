package org.neurodynamics;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.OvalRoi;
import ij.gui.Roi;
import ij.process.FloatProcessor;

/**
 * A synthetic calcium-imaging time-lapse with known traces: two round cells whose
 * fluorescence rises in raised-cosine transients at different periods over a flat
 * baseline, on a dim background, the whole field bleaching exponentially. Each cell is
 * painted through its own ROI mask, so the mean inside the ROI is exactly
 * {@link #cellValue}.
 */
public final class SyntheticCalcium {

	/** Baseline, transient amplitude (dF/F), period and width (frames) of each cell. */
	public static final double[] BASELINE = { 400, 250 }, AMPLITUDE = { 1.0, 0.5 };
	public static final int[] PERIOD = { 40, 25 }, WIDTH = { 12, 8 }, START = { 10, 4 };
	public static final double BACKGROUND = 50;

	private SyntheticCalcium() {}

	/** dF/F of cell {@code c} at frame {@code t}: a raised-cosine transient, zero between transients. */
	public static double deltaFOverF(int c, int t) {
		if (t < START[c]) return 0;
		int phase = (t - START[c]) % PERIOD[c];
		if (phase >= WIDTH[c]) return 0;
		return AMPLITUDE[c] * 0.5 * (1 - Math.cos(2 * Math.PI * phase / WIDTH[c]));
	}

	/** Fluorescence inside cell {@code c} at frame {@code t}, with bleaching of time constant {@code bleachFrames} (0: none). */
	public static double cellValue(int c, int t, double bleachFrames) {
		return BASELINE[c] * (1 + deltaFOverF(c, t)) * bleach(t, bleachFrames);
	}

	private static double bleach(int t, double bleachFrames) {
		return bleachFrames > 0 ? Math.exp(-t / bleachFrames) : 1;
	}

	/** Two cell ROIs for a {@code size} x {@code size} field, named "cell 1" and "cell 2". */
	public static Roi[] rois(int size) {
		Roi a = new OvalRoi(size / 8, size / 8, size / 3, size / 3);
		Roi b = new OvalRoi(size / 2, size / 2, size / 3 + 2, size / 4 + 2);
		a.setName("cell 1");
		b.setName("cell 2");
		return new Roi[] { a, b };
	}

	/**
	 * A 32-bit time-lapse ({@code frames} frames on the frame axis, frame interval 0.1 s)
	 * of the cells inside {@link #rois}.
	 */
	public static ImagePlus create(String title, int size, int frames, double bleachFrames) {
		Roi[] rois = rois(size);
		ImageStack stack = new ImageStack(size, size);
		for (int t = 0; t < frames; t++) {
			FloatProcessor fp = new FloatProcessor(size, size);
			fp.setValue(BACKGROUND * bleach(t, bleachFrames));
			fp.fill();
			for (int c = 0; c < rois.length; c++) {
				fp.setValue(cellValue(c, t, bleachFrames));
				fp.fill(rois[c]);
			}
			stack.addSlice(fp);
		}
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(1, 1, frames);
		imp.getCalibration().frameInterval = 0.1;
		imp.getCalibration().setTimeUnit("s");
		return imp;
	}
}
