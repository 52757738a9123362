package org.neurodynamics.service;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.WindowManager;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;
import ij.process.ImageProcessor;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.io.AbfReader;
import org.neurodynamics.core.io.DelimitedTableReader;
import org.neurodynamics.core.io.NumericTable;
import org.neurodynamics.core.trace.DeltaFOverF;
import org.neurodynamics.core.trace.Trace;
import org.neurodynamics.results.TraceImage;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

@Plugin(type = Service.class)
public class DefaultTraceInputService extends AbstractService implements TraceInputService {

	@Override
	public List<Trace> fromImage(ImagePlus image) {
		if (image == null) throw new UserInputException("No image is open; open a trace image (one trace per row) first.");
		return TraceImage.read(image);
	}

	@Override
	public List<Trace> fromRoiManager(ImagePlus timeLapse, RoiTraceOptions options) {
		RoiManager rm = RoiManager.getInstance();
		Roi[] rois = rm == null ? new Roi[0] : rm.getRoisAsArray();
		if (rois.length == 0) throw new UserInputException("The ROI Manager is empty. Draw one ROI per cell on '" +
			(timeLapse == null ? "the time-lapse" : timeLapse.getTitle()) + "', add each with 't' (Analyze > Tools > ROI Manager), then run again.");
		return fromRois(timeLapse, rois, options);
	}

	@Override
	public List<Trace> fromRois(ImagePlus timeLapse, Roi[] rois, RoiTraceOptions options) {
		if (timeLapse == null) throw new UserInputException("No time-lapse is open; open the image stack the ROIs were drawn on.");
		int frames = timeLapse.getNFrames() > 1 ? timeLapse.getNFrames() : timeLapse.getStackSize();
		if (frames < 2) throw new UserInputException("'" + timeLapse.getTitle() + "' has a single frame; ROI traces need a time-lapse (a stack with one frame per time point).");
		boolean framesAreSlices = timeLapse.getNFrames() <= 1;
		Calibration cal = timeLapse.getCalibration();
		double dt = cal.frameInterval > 0 ? cal.frameInterval : 1;
		String timeUnit = cal.frameInterval > 0 ? cal.getTimeUnit() : "frame";
		ImageStack stack = timeLapse.getStack();
		int channel = timeLapse.getC(), slice = timeLapse.getZ();
		List<Trace> traces = new ArrayList<>();
		for (int r = 0; r < rois.length; r++) {
			Roi roi = rois[r];
			String name = roi.getName() != null ? roi.getName() : "ROI " + (r + 1);
			ImageProcessor mask = roi.getMask();
			java.awt.Rectangle b = roi.getBounds();
			float[] f = new float[frames];
			for (int t = 0; t < frames; t++) {
				int index = framesAreSlices ? t + 1 : timeLapse.getStackIndex(channel, slice, t + 1);
				ImageProcessor ip = stack.getProcessor(index);
				double sum = 0;
				long n = 0;
				for (int y = Math.max(0, b.y); y < Math.min(ip.getHeight(), b.y + b.height); y++)
					for (int x = Math.max(0, b.x); x < Math.min(ip.getWidth(), b.x + b.width); x++)
						if (mask == null || mask.get(x - b.x, y - b.y) != 0) {
							sum += ip.getf(x, y);
							n++;
						}
				if (n == 0) throw new UserInputException("ROI '" + name + "' lies outside '" + timeLapse.getTitle() + "'; remove it from the ROI Manager.");
				f[t] = (float) (sum / n);
			}
			String unit = cal.getValueUnit() == null || cal.getValueUnit().equals("Gray Value") ? "" : cal.getValueUnit();
			if (options.deltaFOverF) {
				f = DeltaFOverF.compute(f, options.baselinePercentile, options.bleachWindowFrames, name);
				unit = "dF/F";
			}
			traces.add(new Trace(timeLapse.getTitle() + " " + name, f, dt, timeUnit, unit));
		}
		return traces;
	}

	@Override
	public List<Trace> fromTable(ResultsTable table, String columns, double dt, String timeUnit, String valueUnit) {
		if (table == null || table.size() == 0) throw new UserInputException("The table is empty or not open; open or make the table first.");
		String[] names = chosenColumns(table, columns);
		List<Trace> traces = new ArrayList<>();
		for (String column : names) {
			int index = table.getColumnIndex(column);
			float[] x = new float[table.size()];
			for (int row = 0; row < x.length; row++) {
				double v = table.getValueAsDouble(index, row);
				if (Double.isNaN(v) && table.getStringValue(index, row) != null && !table.getStringValue(index, row).isBlank()
					&& !table.getStringValue(index, row).equalsIgnoreCase("NaN"))
					throw new UserInputException("Column '" + column + "' row " + (row + 1) + " holds '" + table.getStringValue(index, row) +
						"', which is not a number; choose numeric columns only.");
				x[row] = (float) v;
			}
			traces.add(new Trace(column, trimTrailingNaN(x), dt, timeUnit, valueUnit));
		}
		return traces;
	}

	private static String[] chosenColumns(ResultsTable table, String columns) {
		String[] headings = table.getHeadings();
		if (columns == null || columns.isBlank()) {
			List<String> numeric = new ArrayList<>();
			for (String h : headings) {
				int i = table.getColumnIndex(h);
				if (i >= 0 && !h.equals("Label") && !Double.isNaN(table.getValueAsDouble(i, 0))) numeric.add(h);
			}
			if (numeric.isEmpty()) throw new UserInputException("The table has no numeric columns.");
			return numeric.toArray(new String[0]);
		}
		String[] chosen = columns.trim().split("\\s*[,;]\\s*");
		for (String c : chosen)
			if (table.getColumnIndex(c) < 0) throw new UserInputException("The table has no column '" + c + "'; its columns are " + Arrays.toString(headings) + ".");
		return chosen;
	}

	/** Shorter columns of a table end in empty (NaN) cells: they end there. */
	private static float[] trimTrailingNaN(float[] x) {
		int n = x.length;
		while (n > 0 && Float.isNaN(x[n - 1])) n--;
		return n == x.length ? x : Arrays.copyOf(x, n);
	}

	@Override
	public List<Trace> fromTextFile(File file, String columns, double dt, String timeUnit, String valueUnit) {
		NumericTable table = DelimitedTableReader.readColumns(file.toPath());
		int[] chosen;
		if (columns == null || columns.isBlank()) chosen = java.util.stream.IntStream.range(0, table.columnCount()).toArray();
		else {
			String[] names = columns.trim().split("\\s*[,;]\\s*");
			chosen = new int[names.length];
			for (int i = 0; i < names.length; i++) {
				chosen[i] = table.indexOf(names[i]);
				if (chosen[i] < 0) throw new UserInputException("'" + file.getName() + "' has no column '" + names[i] +
					"'; its columns are " + table.names() + ".");
			}
		}
		return table.traces(chosen, dt, timeUnit, valueUnit);
	}

	@Override
	public List<Trace> fromAbf(File file, int channel) {
		return AbfReader.read(file.toPath()).traces(channel);
	}

	@Override
	public List<Trace> read(TraceRequest request) {
		switch (request.source) {
			case IMAGE:
				return fromImage(request.image);
			case ROIS:
				return fromRoiManager(request.image, request.roiOptions);
			case TABLE:
				return fromTable(findTable(request.table), request.columns, request.dt, request.timeUnit, request.valueUnit);
			case TEXT_FILE:
				return fromTextFile(requireFile(request.file), request.columns, request.dt, request.timeUnit, request.valueUnit);
			case ABF:
				return fromAbf(requireFile(request.file), request.channel);
			default:
				throw new UserInputException("Unknown trace source '" + request.source + "'; choose one of " + Arrays.toString(SOURCES) + ".");
		}
	}

	private static ResultsTable findTable(String title) {
		ResultsTable rt = ResultsTable.getResultsTable(title);
		if (rt == null && "Results".equals(title)) rt = ResultsTable.getResultsTable();
		if (rt == null) throw new UserInputException("No open table is called '" + title + "'; open tables: " +
			Arrays.toString(openTableTitles()) + ".");
		return rt;
	}

	static String[] openTableTitles() {
		List<String> titles = new ArrayList<>();
		for (java.awt.Window w : WindowManager.getAllNonImageWindows())
			if (w instanceof ij.text.TextWindow && ((ij.text.TextWindow) w).getResultsTable() != null)
				titles.add(((ij.text.TextWindow) w).getTitle());
		return titles.toArray(new String[0]);
	}

	private static File requireFile(File file) {
		if (file == null) throw new UserInputException("No file was given; choose the file to read.");
		if (!file.isFile()) throw new UserInputException("The file '" + file + "' does not exist or is not a file.");
		return file;
	}

	@Override
	public List<Trace> withParameters(List<Trace> traces, double[] values, String parameterName) {
		if (values == null || values.length == 0) return traces;
		if (values.length != traces.size()) throw new UserInputException(traces.size() + " trace(s) but " + values.length +
			" parameter value(s) were given; give one value per trace, in order (" + names(traces) + ").");
		List<Trace> out = new ArrayList<>();
		for (int i = 0; i < values.length; i++) out.add(traces.get(i).withParameter(values[i], parameterName));
		return out;
	}

	private static String names(List<Trace> traces) {
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < traces.size() && i < 6; i++) sb.append(i == 0 ? "" : ", ").append(traces.get(i).name());
		if (traces.size() > 6) sb.append(", ...");
		return sb.toString();
	}
}
