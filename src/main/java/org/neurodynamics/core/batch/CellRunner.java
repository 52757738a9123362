package org.neurodynamics.core.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.io.AtomicFiles;

/**
 * Runs one cell's job: the one unit of work the Fiji batch and the Spark job share. The
 * cell's files go into its own folder, each written atomically, and its row (row.csv) last:
 * a cell whose row exists is finished, and one without it (a batch killed while it ran) is
 * run again from scratch. A failure is the cell's row with its message, never an exception:
 * bad input in the user's terms, anything else as an internal error with its stack trace in
 * error.txt.
 */
public final class CellRunner {

	public static final String ROW_FILE = "row.csv", ERROR_FILE = "error.txt";

	private CellRunner() {}

	/** The row of a cell finished by an earlier run of the same job, or null. */
	public static CellRow finished(Cell cell, Path output, CellJob job) {
		Path file = cell.folder(output).resolve(ROW_FILE);
		if (!Files.isRegularFile(file)) return null;
		try {
			List<Column> columns = BatchColumns.of(job);
			List<String> lines = Files.readAllLines(file);
			if (lines.size() != 2 || !lines.get(0).equals(BatchTable.header(columns))) return null;
			CellRow row = CellRow.parse(columns, lines.get(1));
			return cell.name.equals(row.cell()) ? row : null;
		}
		catch (IOException | RuntimeException e) {
			return null; // unreadable: run the cell again
		}
	}

	/** Runs {@code job} on {@code cell}; writes its files and its row into its folder under {@code output}. */
	public static CellRow run(Cell cell, Path output, BatchSettings settings) {
		Path folder = cell.folder(output);
		CellRow row;
		try {
			Files.createDirectories(folder);
			removeLeftovers(folder);
			row = row(cell, settings, folder);
		}
		catch (IOException e) {
			throw new UserInputException("Could not write the results of '" + cell.name + "' in '" + folder + "' (" +
				e.getMessage() + "). Choose an output folder you can write to, with space left.", e);
		}
		try {
			AtomicFiles.writeString(folder.resolve(ROW_FILE), BatchTable.header(row.columns()) + "\n" + row.csvLine() + "\n");
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write the row of '" + cell.name + "' in '" + folder + "'", e);
		}
		return row;
	}

	private static CellRow row(Cell cell, BatchSettings s, Path folder) throws IOException {
		try {
			CellRecording recording = CellRecording.read(cell.file(), s);
			switch (s.job) {
				case FEATURES:
					return BatchColumns.row(s.job, cell.name, CellFeatures.run(recording, folder), null);
				case FIT:
					CellFit.Outcome fit = CellFit.run(recording, s, folder);
					return BatchColumns.row(s.job, cell.name, fit.row, oneLine(fit.error));
				default:
					return BatchColumns.row(s.job, cell.name, CellReconstruction.run(recording, s, folder), null);
			}
		}
		catch (UserInputException e) {
			return BatchColumns.row(s.job, cell.name, Map.of(), oneLine(e.getMessage()));
		}
		catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
			StringWriter trace = new StringWriter();
			e.printStackTrace(new PrintWriter(trace));
			AtomicFiles.writeString(folder.resolve(ERROR_FILE), trace.toString());
			return BatchColumns.row(s.job, cell.name, Map.of(), oneLine("Internal error on '" + cell.name + "' (" + e +
				"); its stack trace is in " + ERROR_FILE + " in the cell's folder. Please report it."));
		}
	}

	/** Temporary files of writes a killed run left unfinished. */
	private static void removeLeftovers(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path f : (Iterable<Path>) files::iterator)
				if (f.getFileName().toString().startsWith(".") && Files.isRegularFile(f)) Files.deleteIfExists(f);
		}
	}

	private static String oneLine(String message) {
		return message == null ? null : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
	}
}
