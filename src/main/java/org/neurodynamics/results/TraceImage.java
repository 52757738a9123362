package org.neurodynamics.results;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.FloatProcessor;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.trace.Trace;

/**
 * The plugin's trace image: 32-bit, one trace per row, x calibrated in time. Each row's
 * name, length and control-parameter value are image properties, so the image can be
 * saved as TIFF, reopened, and read back as the same traces.
 */
public final class TraceImage {

	static final String PREFIX = "NeuroDynamics.";
	private static final String ROWS = PREFIX + "rows";

	private TraceImage() {}

	public static ImagePlus create(String title, List<Trace> traces) {
		if (traces.isEmpty()) throw new UserInputException("There are no traces to put in the image '" + title + "'.");
		Trace first = traces.get(0);
		for (Trace t : traces)
			if (t.dt() != first.dt() || !t.timeUnit().equals(first.timeUnit())) throw new UserInputException("Traces '" +
				first.name() + "' and '" + t.name() + "' are sampled differently (" + first.dt() + " " + first.timeUnit() + " vs " +
				t.dt() + " " + t.timeUnit() + "), so they cannot share the time axis of one trace image. Resample them first.");
		int width = traces.stream().mapToInt(Trace::length).max().getAsInt();
		FloatProcessor fp = new FloatProcessor(width, traces.size());
		float[] pixels = (float[]) fp.getPixels();
		for (int r = 0; r < traces.size(); r++) {
			Trace t = traces.get(r);
			for (int i = 0; i < width; i++) pixels[r * width + i] = i < t.length() ? t.sample(i) : Float.NaN;
		}
		fp.resetMinAndMax();
		ImagePlus imp = new ImagePlus(title, fp);
		Calibration cal = imp.getCalibration();
		cal.pixelWidth = first.dt();
		cal.setXUnit(first.timeUnit().isEmpty() ? "time unit" : first.timeUnit());
		cal.setYUnit("trace");
		cal.setValueUnit(first.valueUnit());
		imp.setProp(ROWS, traces.size());
		imp.setProp(PREFIX + "timeUnit", first.timeUnit());
		for (int r = 0; r < traces.size(); r++) {
			Trace t = traces.get(r);
			imp.setProp(PREFIX + "name." + r, t.name());
			imp.setProp(PREFIX + "length." + r, t.length());
			if (t.hasParameter()) {
				imp.setProp(PREFIX + "parameter." + r, t.parameter());
				imp.setProp(PREFIX + "parameterName", t.parameterName());
			}
		}
		return imp;
	}

	/** True when {@code imp} was written by {@link #create} (it carries row metadata). */
	public static boolean isTraceImage(ImagePlus imp) {
		return imp.getProp(ROWS) != null;
	}

	/**
	 * Reads the traces of an image: one per row of a multi-row image, or the single
	 * trace of an N x 1 image. Rows of a trace image keep their names, lengths and
	 * parameter values. Never modifies the image.
	 */
	public static List<Trace> read(ImagePlus imp) {
		if (imp.getStackSize() > 1) throw new UserInputException("'" + imp.getTitle() + "' is a stack (" + imp.getNChannels() +
			" channel(s), " + imp.getNSlices() + " slice(s), " + imp.getNFrames() + " frame(s)); a trace image is a single " +
			"2D image, N x 1 or 1 x N for one trace, or N x M with one trace per row. " +
			"For a time-lapse, use source 'ROIs on a time-lapse' with ROIs around the cells.");
		if (imp.getBitDepth() == 24) throw new UserInputException("'" + imp.getTitle() + "' is an RGB image; a trace image " +
			"holds one value per sample. Convert it to 32-bit (Image > Type) first.");
		int w = imp.getWidth(), h = imp.getHeight();
		Calibration cal = imp.getCalibration();
		boolean column = w == 1 && h > 1;
		if (w < 2 && !column) throw new UserInputException("'" + imp.getTitle() + "' is " + w + " x " + h +
			" pixels; a trace image is N x 1 or 1 x N (one trace of N >= 2 samples), or N x M with one trace per row.");
		// Row metadata only describes the image it was written with (not a cropped or rotated copy).
		boolean metadata = isTraceImage(imp) && !column && (int) propOr(imp, ROWS, -1) == h;
		double dt = column ? cal.pixelHeight : cal.pixelWidth;
		String timeUnit = metadata && imp.getProp(PREFIX + "timeUnit") != null ? imp.getProp(PREFIX + "timeUnit")
			: timeUnitOf(column ? cal.getYUnit() : cal.getXUnit());
		String valueUnit = cal.getValueUnit() == null || cal.getValueUnit().equals("Gray Value") ? "" : cal.getValueUnit();
		String parameterName = metadata ? imp.getProp(PREFIX + "parameterName") : null;
		ij.process.ImageProcessor ip = imp.getProcessor();
		List<Trace> traces = new ArrayList<>();
		int rows = column ? 1 : h;
		for (int r = 0; r < rows; r++) {
			int length = column ? h : metadata ? (int) Math.min(w, propOr(imp, PREFIX + "length." + r, w)) : w;
			float[] x = new float[length];
			for (int i = 0; i < length; i++) x[i] = column ? ip.getPixelValue(0, i) : ip.getPixelValue(i, r);
			String name = metadata ? imp.getProp(PREFIX + "name." + r) : null;
			if (name == null) name = rows == 1 ? imp.getTitle() : imp.getTitle() + " row " + (r + 1);
			double p = metadata ? propOr(imp, PREFIX + "parameter." + r, Double.NaN) : Double.NaN;
			traces.add(new Trace(name, x, dt, timeUnit, valueUnit, p, parameterName));
		}
		return traces;
	}

	private static double propOr(ImagePlus imp, String key, double fallback) {
		String v = imp.getProp(key);
		if (v == null) return fallback;
		try {
			return Double.parseDouble(v);
		}
		catch (NumberFormatException e) {
			return fallback;
		}
	}

	private static String timeUnitOf(String unit) {
		return unit == null || unit.equals("pixel") || unit.equals("pixels") || unit.equals("time unit") ? "" : unit;
	}
}
