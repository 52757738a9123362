package org.neurodynamics.command;

import org.neurodynamics.core.Progress;
import org.neurodynamics.service.StatusProgress;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

/** A command whose work can take a while: it shows progress and can be cancelled. */
public abstract class LongCommand extends ContextCommand {

	@Parameter
	private StatusService status;

	@Parameter
	private LogService log;

	/**
	 * Saves a result (table, plot or image) as {@code name} in {@code folder} when the user
	 * chose one, and logs where it went.
	 */
	protected void save(java.io.File folder, String name, Object result) {
		if (folder == null || result == null) return;
		log.info("Saved " + org.neurodynamics.results.ResultFiles.save(folder, name, result));
	}

	/**
	 * Refuses an output folder that cannot be written, before the work starts, so that a
	 * long run does not end with nothing saved. Null (save nothing) passes.
	 */
	protected static void requireWritableFolder(java.io.File folder) {
		if (folder == null) return;
		try {
			org.neurodynamics.core.io.AtomicFiles.checkWritable(folder.toPath().resolve("results.csv"));
		}
		catch (java.io.IOException e) {
			throw new org.neurodynamics.core.UserInputException("Cannot save results in the output folder '" + folder + "' (" +
				e.getMessage() + "). Choose a folder you can write to.", e);
		}
	}

	/** Refuses a file that cannot be written, before the work that produces it starts. */
	protected static void requireWritableFile(java.io.File file, String what) {
		try {
			org.neurodynamics.core.io.AtomicFiles.checkWritable(file.toPath());
		}
		catch (java.io.IOException e) {
			throw new org.neurodynamics.core.UserInputException("Cannot write the " + what + " '" + file + "' (" + e.getMessage() +
				"). Choose a file in a folder you can write to.", e);
		}
	}

	/**
	 * Progress for the core: the command's label, phase and time left in the status bar in the
	 * GUI, log lines headless; cancelled with the command.
	 */
	protected Progress progress() {
		org.scijava.plugin.Plugin plugin = getClass().getAnnotation(org.scijava.plugin.Plugin.class);
		String label = plugin != null && !plugin.label().isEmpty() ? plugin.label() : getClass().getSimpleName();
		return new StatusProgress(label, status, log, this::isCanceled);
	}

	protected LogService log() {
		return log;
	}
}
