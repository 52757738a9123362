package org.neurodynamics.ij1;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;

import org.neurodynamics.core.CancelledException;
import org.neurodynamics.command.Commands;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.service.StatusProgress;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/**
 * Runs a command for its ImageJ 1 menu entry ({@link RunCommand}, once its libraries are
 * known to be there): asks for the inputs in a macro-recordable dialog, runs the SciJava
 * command, shows its tables, plots and images, and turns bad input into a clear message
 * instead of a stack trace. Any failure stops the calling macro, so that no later step runs
 * on missing results.
 */
final class CommandRunner {

	private static final String TITLE = RunCommand.TITLE;

	private CommandRunner() {}

	static void run(String commandClass) {
		// ImageJ loads plugins in its own class loader; SciJava's plugin discovery
		// uses the thread's context class loader, so point it at ours.
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(CommandRunner.class.getClassLoader());
		String label = commandClass.substring(commandClass.lastIndexOf('.') + 1);
		Map<String, Object> inputs = null;
		try {
			Context context = SciJavaContext.get();
			CommandService commands = context.service(CommandService.class);
			CommandInfo info = commands.getCommand(commandClass);
			if (info == null) throw new IllegalStateException("Command " + commandClass + " is not installed.");
			if (info.getLabel() != null && !info.getLabel().isEmpty()) label = info.getLabel();
			inputs = CommandDialog.ask(info, info.createModule());
			if (inputs == null) return;
			long start = System.currentTimeMillis();
			IJ.showStatus(label + ": starting");
			ResultWindows.showWithResultsTable(Commands.run(context, info, inputs));
			IJ.showStatus(label + ": done in " + StatusProgress.duration(System.currentTimeMillis() - start));
		}
		catch (Throwable e) {
			Throwable cause = rootCause(e);
			if (cause instanceof UserInputException || cause instanceof CancelledException) fail(cause.getMessage());
			else fail(internalError(label, inputs, cause));
		}
		finally {
			IJ.showProgress(1.0);
			thread.setContextClassLoader(previous);
		}
	}

	/**
	 * The message for a failure that is not the user's: what failed and on which input, once
	 * in the user's terms; the stack trace goes to the log once, for the report.
	 */
	static String internalError(String label, Map<String, Object> inputs, Throwable cause) {
		StringWriter trace = new StringWriter();
		cause.printStackTrace(new PrintWriter(trace));
		IJ.log(label + " failed:\n" + trace);
		String on = inputNames(inputs);
		if (cause instanceof OutOfMemoryError) return label + " ran out of memory" + on + ". Give ImageJ more memory " +
			"(Edit > Options > Memory & Threads) or use a shorter recording or smaller settings.";
		String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
		return "Internal error in " + label + on + " (" + what + "); please report it with the stack trace from the Log window.";
	}

	/** " on file x.abf, image y" for the files and images among the inputs; empty when there are none. */
	private static String inputNames(Map<String, Object> inputs) {
		if (inputs == null) return "";
		List<String> names = new ArrayList<>();
		for (Map.Entry<String, Object> in : inputs.entrySet()) {
			Object v = in.getValue();
			if (v instanceof File) names.add(in.getKey() + " '" + ((File) v).getPath() + "'");
			else if (v instanceof ImagePlus) names.add(in.getKey() + " '" + ((ImagePlus) v).getTitle() + "'");
		}
		return names.isEmpty() ? "" : " on " + String.join(", ", names);
	}

	/** Shows the message; in a macro, also stops the macro so no later step runs on missing results. */
	static void fail(String message) {
		IJ.error(TITLE, message);
		if (Macro.getOptions() != null || IJ.isMacro()) Macro.abort();
	}

	/**
	 * The failure itself: a user-input error or cancellation wherever it is in the chain,
	 * otherwise the exception inside the wrappers of the module runner.
	 */
	static Throwable rootCause(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause())
			if (t instanceof UserInputException || t instanceof CancelledException) return t;
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t && (t instanceof ExecutionException ||
			(t.getClass() == RuntimeException.class && t.getMessage() != null && t.getMessage().startsWith("Module threw"))))
			t = t.getCause();
		return t;
	}
}
