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
				AtomicFiles.writeVia(file, tmp -> {
					if (!((ResultsTable) result).save(tmp.toString())) throw new IOException("could not write " + tmp);
				});
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

	/** Saves an image (a rendered plot, a density image) as PNG. */
	public static Path savePng(Path file, ImagePlus image) throws IOException {
		AtomicFiles.writeVia(file, tmp -> {
			if (!new FileSaver(image).saveAsPng(tmp.toString())) throw new IOException("could not write " + tmp);
		});
		return file;
	}
}
