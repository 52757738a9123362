package org.neurodynamics.ij1;

import java.util.List;

import ij.IJ;
import ij.Macro;
import ij.plugin.PlugIn;

/**
 * The ImageJ 1 menu entry of every command (see plugins.config). It first checks that the
 * libraries the plugin needs are installed and, when some are missing, says which and how to
 * install them instead of failing silently; then {@link CommandRunner} asks for the inputs,
 * runs the command and shows its results. This class refers to ImageJ 1 and the plugin's own
 * check only, so that it loads even when every other library is missing.
 */
public class RunCommand implements PlugIn {

	static final String TITLE = "Neuro Dynamics";

	@Override
	public void run(String commandClass) {
		List<String> missing = Dependencies.missing(RunCommand.class.getClassLoader(), Dependencies.needsNetworks(commandClass));
		if (!missing.isEmpty()) {
			String message = Dependencies.message(missing);
			IJ.log(message);
			IJ.error(TITLE, message);
			if (Macro.getOptions() != null || IJ.isMacro()) Macro.abort();
			return;
		}
		CommandRunner.run(commandClass);
	}
}
