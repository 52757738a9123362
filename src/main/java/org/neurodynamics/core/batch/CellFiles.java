package org.neurodynamics.core.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.neurodynamics.core.UserInputException;

/** The recordings under a folder: every .abf and .csv file at any depth, in the order of their names. */
public final class CellFiles {

	private CellFiles() {}

	/** The cells under {@code input}, leaving out hidden files and anything under {@code output}. */
	public static List<Cell> find(Path input, Path output) {
		if (input == null || !Files.isDirectory(input)) throw new UserInputException("The input folder '" + input +
			"' does not exist or is not a folder; choose the folder that holds the recordings (.abf, .csv).");
		Path in = input.toAbsolutePath().normalize(), out = output == null ? null : output.toAbsolutePath().normalize();
		List<Cell> cells = new ArrayList<>();
		try (Stream<Path> files = Files.walk(in)) {
			files.filter(Files::isRegularFile).filter(f -> isRecording(f) && !isHidden(in, f) && (out == null || !f.startsWith(out)))
				.forEach(f -> cells.add(new Cell(f, in.relativize(f).toString().replace(java.io.File.separatorChar, '/'))));
		}
		catch (IOException | UncheckedIOException e) {
			throw new UserInputException("Could not list the recordings in '" + input + "' (" + e.getMessage() +
				"). Check that you may read the folder.", e);
		}
		if (cells.isEmpty()) throw new UserInputException("'" + input + "' holds no recordings (.abf or .csv files, in it or " +
			"its subfolders); choose the folder with the recordings.");
		cells.sort((a, b) -> a.name.compareTo(b.name));
		return cells;
	}

	static boolean isRecording(Path f) {
		String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
		return n.endsWith(".abf") || n.endsWith(".csv");
	}

	private static boolean isHidden(Path root, Path f) {
		for (Path part : root.relativize(f)) if (part.toString().startsWith(".")) return true;
		return false;
	}
}
