package org.neurodynamics.core.batch;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.neurodynamics.core.UserInputException;

/**
 * An output folder taken for one batch: locked against a second batch ({@link BatchLock}),
 * and holding only cells of this batch's job and settings ({@link BatchManifest}). A folder
 * with another job's or other settings' cells is refused, unless redo is set: then its cells
 * are deleted and every cell runs again.
 */
public final class OutputFolder {

	/** The folder of the cells' own folders. */
	static final String CELLS = "cells";
	/** What a batch writes beside the cells: the tables of the Fiji and the Spark route, the population figure. */
	private static final List<String> TABLES = List.of(BatchTable.FILE, "results.parquet", "population.png");
	/** How each route names the option that replaces earlier results. */
	public static final String REDO_HINT = "set redo (the dialog's 'Redo every cell', 'redo' in a macro, --redo true for Spark)";

	private OutputFolder() {}

	/**
	 * Locks {@code output} for a batch with {@code settings} and makes sure it holds nothing
	 * else; the caller closes the lock when the batch ends.
	 */
	public static BatchLock claim(Path output, BatchSettings settings, Consumer<String> log) {
		BatchLock lock = BatchLock.acquire(output);
		try {
			Map<String, String> recorded = BatchManifest.read(output);
			boolean earlier = recorded != null || Files.exists(output.resolve(CELLS)) || Files.exists(output.resolve(BatchTable.FILE));
			if (earlier && !settings.redo) refuseOther(output, recorded, settings);
			if (earlier && settings.redo) {
				// the tables too: a route that writes another table must not leave the earlier one beside its own
				deleteTree(output.resolve(CELLS));
				for (String table : TABLES) deleteTree(output.resolve(table));
				log.accept("Redo: deleted the earlier cells and tables of '" + output + "'; every cell runs again.");
			}
			if (recorded == null || settings.redo) BatchManifest.write(output, settings);
			return lock;
		}
		catch (IOException e) {
			lock.close();
			throw new UserInputException("Could not prepare the output folder '" + output + "' (" + e.getMessage() + "). Choose " +
				"an output folder you can write to.", e);
		}
		catch (RuntimeException e) {
			lock.close();
			throw e;
		}
	}

	/** Refuses a folder whose cells were run with another job or other settings, or with unknown ones. */
	private static void refuseOther(Path output, Map<String, String> recorded, BatchSettings settings) {
		if (recorded == null) throw new UserInputException("The output folder '" + output + "' holds results of a batch " +
			"that did not record its job and settings (no " + BatchManifest.FILE + "), so they could be mixed with this run's. " +
			"Choose a new output folder, or " + REDO_HINT + " to delete them and run every cell again.");
		List<String> differences = BatchManifest.differences(recorded, settings);
		if (differences.isEmpty()) return;
		boolean job = differences.get(0).startsWith("job:");
		throw new UserInputException("The output folder '" + output + "' holds cells " + (job ? "of another job" :
			"run with other settings") + " (" + String.join("; ", differences) + "). Choose a new output folder for this run, run again with the folder's " +
			"settings to finish its cells, or " + REDO_HINT + " to delete its cells and run every cell with the new ones.");
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) return;
		if (!Files.isDirectory(root)) {
			Files.delete(root);
			return;
		}
		Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
				if (e != null) throw e;
				Files.delete(dir);
				return FileVisitResult.CONTINUE;
			}
		});
	}
}
