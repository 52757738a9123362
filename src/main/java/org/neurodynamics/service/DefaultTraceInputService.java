package org.neurodynamics.service;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.WindowManager;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;
import ij.process.ImageProcessor;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.io.AbfFile;
import org.neurodynamics.core.io.DelimitedTableReader;
import org.neurodynamics.core.io.NumericTable;
import org.neurodynamics.core.trace.DeltaFOverF;
import org.neurodynamics.core.trace.Trace;
import org.neurodynamics.results.TraceImage;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

@Plugin(type = Service.class)
public class DefaultTraceInputService extends AbstractService implements TraceInputService {

	@Parameter(required = false)
	private LogService log;

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
			(timeLapse == null ? "the time-lapse" : timeLapse.getTitle()) + "', add each with 't' (Analyze > Tools > ROI Manager), " +
			"then run again; or give a ROI set file (.zip or .roi) as 'rois'.");
		return fromRois(timeLapse, rois, options);
	}

	@Override
	public List<Trace> fromRoiFile(ImagePlus timeLapse, File roiFile, RoiTraceOptions options) {
		return fromRois(timeLapse, readRois(requireFile(roiFile)), options);
	}

	/** The ROIs of a ROI Manager set (.zip) or of a single .roi file, as RoiManager saves them. */
	static Roi[] readRois(File file) {
		List<Roi> rois = new ArrayList<>();
		try {
			if (file.getName().toLowerCase().endsWith(".roi")) rois.add(new RoiDecoder(file.getPath()).getRoi());
			else try (ZipInputStream zip = new ZipInputStream(new FileInputStream(file))) {
				for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
					if (!e.getName().toLowerCase().endsWith(".roi")) continue;
					Roi roi = new RoiDecoder(zip.readAllBytes(), e.getName()).getRoi();
					if (roi != null) rois.add(roi);
				}
			}
		}
		catch (IOException | RuntimeException e) {
			throw new UserInputException("Could not read ROIs from '" + file.getName() + "' (" + e.getMessage() +
				"). Save the ROI set from the ROI Manager (More > Save) as a .zip and try again.", e);
		}
		if (rois.isEmpty() || rois.contains(null)) throw new UserInputException("'" + file.getName() + "' holds no ROIs; " +
			"save the ROI set from the ROI Manager (More > Save) as a .zip.");
		return rois.toArray(new Roi[0]);
	}

	@Override
	public List<Trace> fromRois(ImagePlus timeLapse, Roi[] rois, RoiTraceOptions options) {
		if (timeLapse == null) throw new UserInputException("No time-lapse is open; open the image stack the ROIs were drawn on.");
		if (rois == null || rois.length == 0) throw new UserInputException("No ROIs were given for '" + timeLapse.getTitle() +
			"'; add one ROI per cell to the ROI Manager.");
		// Time runs along the frame axis; a plain stack opened as slices (no frames) is read along its slices.
		boolean alongFrames = timeLapse.getNFrames() > 1;
		int frames = alongFrames ? timeLapse.getNFrames() : timeLapse.getNSlices();
		if (frames < 2) throw new UserInputException("'" + timeLapse.getTitle() + "' has a single time point (" +
			timeLapse.getNChannels() + " channel(s), " + timeLapse.getNSlices() + " slice(s), " + timeLapse.getNFrames() +
			" frame(s)); ROI traces need a time-lapse with one frame per time point.");
		Calibration cal = timeLapse.getCalibration();
		double dt = cal.frameInterval > 0 ? cal.frameInterval : 1;
		String timeUnit = cal.frameInterval > 0 ? cal.getTimeUnit() : "frame";
		String unit = cal.getValueUnit() == null || cal.getValueUnit().equals("Gray Value") ? "" : cal.getValueUnit();
		ImageStack stack = timeLapse.getStack();
		int channel = timeLapse.getC(), slice = timeLapse.getZ(), frame = timeLapse.getT();
		List<Trace> traces = new ArrayList<>();
		for (int r = 0; r < rois.length; r++) {
			Roi roi = rois[r];
			String name = roi.getName() != null && !roi.getName().isBlank() ? roi.getName() : "ROI " + (r + 1);
			if (!roi.isArea()) throw new UserInputException("ROI '" + name + "' is a " + roi.getTypeAsString() +
				"; ROI traces need area ROIs (rectangle, oval, polygon, freehand) around each cell.");
			ImageProcessor mask = roi.getMask();
			java.awt.Rectangle b = roi.getBounds();
			float[] f = new float[frames];
			for (int t = 0; t < frames; t++) {
				int index = alongFrames ? timeLapse.getStackIndex(channel, slice, t + 1) : timeLapse.getStackIndex(channel, t + 1, frame);
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
			String traceUnit = unit;
			if (options.deltaFOverF) {
				f = DeltaFOverF.compute(f, options.baselinePercentile, options.bleachWindowFrames, name);
				traceUnit = "dF/F";
			}
			traces.add(new Trace(timeLapse.getTitle() + " " + name, f, dt, timeUnit, traceUnit));
		}
		return traces;
	}

	@Override
	public List<Trace> fromTable(ResultsTable table, String columns, double dt, String timeUnit, String valueUnit) {
		if (table == null || table.size() == 0) throw new UserInputException("The table is empty or not open; open or make the table first.");
		List<Trace> traces = new ArrayList<>();
		for (String column : chosenColumns(table, columns)) traces.add(new Trace(column, column(table, column), dt, timeUnit, valueUnit));
		return traces;
	}

	/**
	 * The values of a column. A shorter column ends in empty (NaN) cells, as tables with
	 * columns of different lengths hold them; a gap, NaN, infinity or text before its end is
	 * an error that names the column and row.
	 */
	private static float[] column(ResultsTable table, String column) {
		int index = table.getColumnIndex(column);
		int n = table.size();
		while (n > 0 && Double.isNaN(table.getValueAsDouble(index, n - 1)) && isEmpty(table.getStringValue(index, n - 1))) n--;
		if (n == 0) throw new UserInputException("Column '" + column + "' of the table is empty; choose columns that hold numbers.");
		float[] x = new float[n];
		for (int row = 0; row < n; row++) {
			double v = table.getValueAsDouble(index, row);
			if (!Double.isFinite(v)) {
				String cell = table.getStringValue(index, row);
				throw new UserInputException("Column '" + column + "' row " + (row + 1) + " holds " + (isEmpty(cell) ? "no value" :
					"'" + cell + "'") + (Double.isNaN(v) && !isEmpty(cell) && !cell.equalsIgnoreCase("NaN") ? ", which is not a number" : "") +
					"; every row up to the end of a column needs a finite number. Fill in or remove that row, or choose numeric columns only.");
			}
			x[row] = (float) v;
		}
		return x;
	}

	private static boolean isEmpty(String cell) {
		return cell == null || cell.isBlank() || cell.equalsIgnoreCase("NaN");
	}

	/** The named columns, or every column whose first cell is a number. */
	private static String[] chosenColumns(ResultsTable table, String columns) {
		String[] headings = table.getHeadings();
		if (columns == null || columns.isBlank()) {
			List<String> numeric = new ArrayList<>();
			for (String h : headings) {
				int i = table.getColumnIndex(h);
				if (i >= 0 && !Double.isNaN(table.getValueAsDouble(i, 0))) numeric.add(h);
			}
			if (numeric.isEmpty()) throw new UserInputException("The table has no numeric columns; its columns are " + Arrays.toString(headings) + ".");
			return numeric.toArray(new String[0]);
		}
		String[] chosen = columns.trim().split("\\s*[,;]\\s*");
		for (String c : chosen)
			if (table.getColumnIndex(c) < 0) throw new UserInputException("The table has no column '" + c + "'; its columns are " + Arrays.toString(headings) + ".");
		return chosen;
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
	public List<Trace> fromAbf(File file, int channel, boolean stepOnly) {
		AbfFile abf = AbfFiles.read(file);
		List<Trace> traces = stepOnly ? abf.stepTraces(channel) : abf.traces(channel);
		if (traces.size() > 1 && traces.stream().noneMatch(Trace::hasParameter) && log != null) log.warn(noStepsHint(abf, stepOnly));
		return traces;
	}

	/**
	 * For recordings whose command is the same in every sweep (a brief test pulse, nothing
	 * steps): why the sweeps have no control-parameter values, and how to give them, the
	 * sweep index among them.
	 */
	static String noStepsHint(AbfFile abf, boolean stepOnly) {
		int n = abf.sweepCount();
		return "'" + abf.path().getFileName() + "': no epoch of its protocol changes level from sweep to sweep (the same " +
			"command, such as a brief test pulse, in every sweep), so its " + n + " sweeps have no control-parameter values" +
			(stepOnly ? " and 'step only' keeps whole sweeps" : "") + ". Type one value per sweep as parameters, or use the " +
			"sweep index: parameters=0:1:" + (n - 1) + " parameter_name=sweep.";
	}

	@Override
	public List<Trace> read(TraceRequest request) {
		switch (request.source) {
			case IMAGE:
				return fromImage(request.image);
			case ROIS:
				return request.rois != null ? fromRoiFile(request.image, request.rois, request.roiOptions)
					: fromRoiManager(request.image, request.roiOptions);
			case TABLE:
				return fromTable(findTable(request.table), request.columns, request.dt, request.timeUnit, request.valueUnit);
			case TEXT_FILE:
				return fromTextFile(requireFile(request.file), request.columns, request.dt, request.timeUnit, request.valueUnit);
			case ABF:
				return fromAbf(requireFile(request.file), request.channel, request.stepOnly);
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
