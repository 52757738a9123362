package org.neurodynamics.ij1;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import ij.IJ;
import ij.Macro;
import ij.plugin.PlugIn;

import org.neurodynamics.core.CancelledException;
import org.neurodynamics.command.Commands;
import org.neurodynamics.core.UserInputException;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/**
 * The ImageJ 1 menu entry of every command (see plugins.config): asks for the inputs in
 * a macro-recordable dialog, runs the SciJava command, shows its tables, plots and
 * images, and turns bad input into a clear message instead of a stack trace.
 */
public class RunCommand implements PlugIn {

	@Override
	public void run(String commandClass) {
		// ImageJ loads plugins in its own class loader; SciJava's plugin discovery and ND4J's
		// backend lookup use the thread's context class loader, so point it at ours.
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(RunCommand.class.getClassLoader());
		try {
			Context context = SciJavaContext.get();
			CommandService commands = context.service(CommandService.class);
			CommandInfo info = commands.getCommand(commandClass);
			if (info == null) throw new IllegalStateException("Command " + commandClass + " is not installed.");
			Map<String, Object> inputs = CommandDialog.ask(info, info.createModule());
			if (inputs == null) return;
			ResultWindows.show(Commands.run(context, info, inputs));
		}
		catch (Exception e) {
			Throwable cause = rootCause(e);
			if (cause instanceof UserInputException || cause instanceof CancelledException) fail(cause.getMessage());
			else {
				IJ.handleException(cause);
				if (Macro.getOptions() != null) Macro.abort();
			}
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** Shows the message; in a macro, also stops the macro so no later step runs on missing results. */
	private static void fail(String message) {
		IJ.error("Neuro Dynamics", message);
		if (Macro.getOptions() != null || IJ.isMacro()) Macro.abort();
	}

	private static Throwable rootCause(Throwable e) {
		Throwable t = e;
		while ((t instanceof ExecutionException || t.getCause() instanceof UserInputException ||
			t.getCause() instanceof CancelledException) && t.getCause() != null) t = t.getCause();
		return t;
	}
}
