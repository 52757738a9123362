package org.neurodynamics.macro;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** A command with a bug, for the test that a leaked exception stops the macro (see FailingCommandMacroIT). */
@Plugin(type = Command.class, label = "Internal Error Test")
public class InternalErrorCommand extends ContextCommand {

	@Parameter(label = "File", required = false)
	private File file;

	@Override
	public void run() {
		int[] values = new int[3];
		values[values.length] = 1;
	}
}
