package org.neurodynamics.ij1;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;

import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;

/**
 * Shows a command's results the ImageJ 1 way: the main table as the "Results" table, the
 * other tables and plots as windows, then images.
 */
public final class ResultWindows {

	/** The title of ImageJ's system results table, the one macros read with nResults and getResult(). */
	public static final String RESULTS = "Results";

	private ResultWindows() {}

	/** Images come last, so that the command's image is the current one for the next step. */
	public static void show(CommandModule module) {
		boolean firstTable = true;
		for (ModuleItem<?> item : module.getInfo().outputs()) {
			Object value = module.getOutput(item.getName());
			String title = item.getLabel() != null && !item.getLabel().isEmpty() ? item.getLabel() : item.getName();
			if (value instanceof ResultsTable) {
				// The command's main (first) table is the "Results" table, with a display and
				// without, so that a recorded macro reads the same nResults and getResult()
				// everywhere; the other tables get windows of their own in the GUI.
				ResultsTable table = (ResultsTable) value;
				if (firstTable) {
					Analyzer.setResultsTable(table);
					if (!GraphicsEnvironment.isHeadless()) table.show(RESULTS);
				}
				else if (!GraphicsEnvironment.isHeadless()) table.show(title);
				firstTable = false;
			}
			else if (value instanceof Plot) ((Plot) value).show();
			else if (value instanceof String && !((String) value).isEmpty()) IJ.log((String) value);
		}
		for (ModuleItem<?> item : module.getInfo().outputs())
			if (module.getOutput(item.getName()) instanceof ImagePlus) ((ImagePlus) module.getOutput(item.getName())).show();
	}
}
