package org.neurodynamics;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.util.HashMap;
import java.util.Map;

import ij.ImageJ;

import org.neurodynamics.command.Commands;
import org.neurodynamics.command.ExploreReconstructedModel;
import org.neurodynamics.command.ReconstructDynamics;
import org.neurodynamics.command.SimulateNeuronModel;
import org.neurodynamics.ij1.ResultWindows;
import org.neurodynamics.results.ResultFiles;
import org.neurodynamics.service.TraceInputService;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;

/**
 * The whole journey on bundled data, as a user would make it from the menu: simulate
 * Hindmarsh-Rose traces at four currents, reconstruct the dynamics, explore the model
 * over a wider current range, and write every table, plot and the model file to a
 * folder. In a desktop session the result windows are shown too.
 *
 * <pre>mvn -B -DskipTests package exec:java@demo</pre>
 */
public final class Demo {

	private Demo() {}

	public static void main(String[] args) throws Exception {
		File out = new File(args.length > 0 ? args[0] : "demo-output").getAbsoluteFile();
		boolean gui = !GraphicsEnvironment.isHeadless();
		// Quitting ImageJ ends the demo's process (under exec:java, Maven's), rather than leaving it
		// waiting on the result windows that File > Quit does not close.
		if (gui) new ImageJ().exitWhenQuitting(true);
		long start = System.nanoTime();
		try (Context context = new Context()) {
			CommandModule simulated = run(context, SimulateNeuronModel.class, "model", "Hindmarsh-Rose", "variable", "",
				"parameters", "1.5, 2.25, 3.0, 3.75", "duration", 4000.0, "transient_time", 1000.0, "dt", 0.5, "noise", 0.0,
				"seed", 1L, "output", out);
			File modelFile = new File(out, "hindmarsh-rose.ndmodel");
			// the default settings, as a user gets them from the dialog
			System.out.println("Reconstructing with the default settings (a few minutes on 2 cores)");
			CommandModule reconstructed = run(context, ReconstructDynamics.class, "source", TraceInputService.IMAGE,
				"image", simulated.getOutput("traces"), "model", modelFile, "output", out);
			CommandModule explored = run(context, ExploreReconstructedModel.class, "model", modelFile,
				"parameters", "1.3:0.03:4.0", "iterations", 3000, "transient_steps", 2000, "initial_states", 2, "trace_at", 2.25,
				"seed", 0L, "output", out);
			ResultFiles.save(out, "simulated-traces", simulated.getOutput("plot"));
			System.out.printf("Demo finished in %.0f s; results are in %s%n", (System.nanoTime() - start) / 1e9, out);
			if (gui) {
				for (CommandModule m : new CommandModule[] { simulated, reconstructed, explored }) ResultWindows.show(m);
				ResultWindows.tile();
				System.out.println("Quit ImageJ (File > Quit) to end the demo.");
			}
		}
	}

	private static CommandModule run(Context context, Class<? extends Command> type, Object... keyValues) throws Exception {
		Map<String, Object> inputs = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) inputs.put((String) keyValues[i], keyValues[i + 1]);
		return Commands.run(context, type.getName(), inputs);
	}
}

