package org.neurodynamics.results;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.io.FileSaver;
import ij.measure.ResultsTable;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.io.AtomicFiles;

/**
 * Saves results into a folder, each file written atomically: tables as CSV, plots as
 * PNG, images as TIFF (which keeps the trace image's metadata).
 */
public final class ResultFiles {

	private ResultFiles() {}

	/** Saves {@code result} as {@code dir/name.csv|.png|.tif}; returns the file written. */
	public static Path save(File dir, String name, Object result) {
		String base = name.replaceAll("[^A-Za-z0-9._-]+", "-");
		try {
			if (result instanceof ResultsTable) {
				Path file = dir.toPath().resolve(base + ".csv");
				String csv = csv((ResultsTable) result);
				AtomicFiles.writeVia(file, tmp -> java.nio.file.Files.write(tmp, csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
				return file;
			}
			if (result instanceof Plot) return savePng(dir.toPath().resolve(base + ".png"), ((Plot) result).getImagePlus());
			if (result instanceof ImagePlus) {
				Path file = dir.toPath().resolve(base + ".tif");
				AtomicFiles.writeVia(file, tmp -> {
					if (!new FileSaver((ImagePlus) result).saveAsTiff(tmp.toString())) throw new IOException("could not write " + tmp);
				});
				return file;
			}
			throw new IllegalArgumentException("Cannot save " + result.getClass().getName());
		}
		catch (IOException e) {
			throw new UserInputException("Could not save '" + base + "' in the folder '" + dir + "': " + e.getMessage() +
				". Choose a folder you can write to.", e);
		}
	}

	/**
	 * A table as CSV, as ResultsTable writes it but with whole numbers without decimals
	 * (a count reads "53", not "53.000", also in a column that holds fractions too).
	 */
	static String csv(ResultsTable rt) {
		StringBuilder sb = new StringBuilder();
		String[] headings = rt.getHeadings();
		for (int c = 0; c < headings.length; c++) sb.append(c == 0 ? "" : ",").append(quote(headings[c]));
		sb.append('\n');
		for (int row = 0; row < rt.size(); row++) {
			for (int c = 0; c < headings.length; c++) {
				if (c > 0) sb.append(',');
				if (headings[c].equals("Label")) {
					sb.append(quote(rt.getLabel(row) == null ? "" : rt.getLabel(row)));
					continue;
				}
				int column = rt.getColumnIndex(headings[c]);
				String text = rt.getStringValue(column, row);
				double v = rt.getValueAsDouble(column, row);
				boolean number = !Double.isNaN(v) || "NaN".equals(text);
				if (number && v == Math.rint(v) && Math.abs(v) < 1e15) sb.append((long) v);
				else sb.append(number ? text : quote(text));
			}
			sb.append('\n');
		}
		return sb.toString();
	}

	private static String quote(String s) {
		if (s == null) return "";
		return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}

	/** Saves an image (a rendered plot, a density image) as PNG. */
	public static Path savePng(Path file, ImagePlus image) throws IOException {
		AtomicFiles.writeVia(file, tmp -> {
			if (!new FileSaver(image).saveAsPng(tmp.toString())) throw new IOException("could not write " + tmp);
		});
		return file;
	}
}
