package org.neurodynamics.ij1;

import java.awt.GraphicsEnvironment;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;
import ij.plugin.filter.Analyzer;

import org.scijava.command.CommandModule;
import org.scijava.module.ModuleItem;

/** Shows a command's results the ImageJ 1 way: tables and plots as windows, then images. */
public final class ResultWindows {

	private ResultWindows() {}

	/** Images come last, so that the command's image is the current one for the next step. */
	public static void show(CommandModule module) {
		boolean firstTable = true;
		for (ModuleItem<?> item : module.getInfo().outputs()) {
			Object value = module.getOutput(item.getName());
			String title = item.getLabel() != null && !item.getLabel().isEmpty() ? item.getLabel() : item.getName();
			if (value instanceof ResultsTable) {
				// Headless there are no table windows and macros reach only the "Results" table:
				// the command's main (first) table becomes it.
				if (!GraphicsEnvironment.isHeadless()) ((ResultsTable) value).show(title);
				else if (firstTable) Analyzer.setResultsTable((ResultsTable) value);
				firstTable = false;
			}
			else if (value instanceof Plot) ((Plot) value).show();
			else if (value instanceof String && !((String) value).isEmpty()) IJ.log((String) value);
		}
		for (ModuleItem<?> item : module.getInfo().outputs())
			if (module.getOutput(item.getName()) instanceof ImagePlus) ((ImagePlus) module.getOutput(item.getName())).show();
	}
}
