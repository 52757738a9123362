package org.neurodynamics.command;

import java.io.File;
import java.util.List;

import ij.ImagePlus;

import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.reconstruct.Explorer;
import org.neurodynamics.core.reconstruct.ReconstructedModel;
import org.neurodynamics.core.trace.ParameterList;
import org.neurodynamics.results.ExplorationResults;
import org.neurodynamics.service.ReconstructionService;
import org.neurodynamics.core.UserInputException;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * What a reconstructed model does at control-parameter values never recorded:
 * bifurcation diagram, regimes, Lyapunov exponents, fixed points, a reconstructed trace
 * and a phase portrait.
 */
@Plugin(type = Command.class, label = "Explore Reconstructed Model")
public class ExploreReconstructedModel extends LongCommand {

	@Parameter
	private ReconstructionService reconstruction;

	@Parameter(label = "Model file", style = "open", description = "A model saved by Reconstruct Dynamics (.ndmodel).")
	private File model;

	@Parameter(label = "Parameter values", description = "Grid of the control parameter: start:step:end or a list.")
	private String parameters = "1.3:0.05:4.0";

	@Parameter(label = "Iterations", description = "Map steps recorded per value, after the transient.", min = "1")
	private long iterations = 5000;

	@Parameter(label = "Transient steps", min = "0")
	private int transient_steps = 2000;

	@Parameter(label = "Initial states", description = "Orbits per value from different recovered states, to reveal coexisting regimes.", min = "1")
	private int initial_states = 3;

	@Parameter(label = "Sweep steps", description = "Steps per value of an up and a down sweep that carry the state over (hysteresis); 0 for none.", min = "0")
	private int sweep_steps = 0;

	@Parameter(label = "Trace at", description = "Parameter value of the reconstructed trace and phase portrait; NaN for the first recorded value.")
	private double trace_at = Double.NaN;

	@Parameter(label = "Seed")
	private long seed = 0;

	@Parameter(label = "Output folder", required = false, style = "directory", description = "Folder for the tables (CSV), plots (PNG) and density image (TIFF).")
	private File output;

	@Parameter(type = ItemIO.OUTPUT, label = "Regimes")
	private ResultsTable regimes;

	@Parameter(type = ItemIO.OUTPUT, label = "Bifurcation diagram")
	private Plot bifurcation;

	@Parameter(type = ItemIO.OUTPUT, label = "Bifurcation maxima")
	private ResultsTable maxima;

	@Parameter(type = ItemIO.OUTPUT, label = "Bifurcation density")
	private ImagePlus density;

	@Parameter(type = ItemIO.OUTPUT, label = "Fixed points")
	private ResultsTable fixed_points;

	@Parameter(type = ItemIO.OUTPUT, label = "Reconstructed trace")
	private Plot trace;

	@Parameter(type = ItemIO.OUTPUT, label = "Phase portrait")
	private Plot phase;

	@Override
	public void run() {
		// A long, so that a huge value is refused as such instead of wrapping around to a negative int.
		if (iterations > Integer.MAX_VALUE) throw new UserInputException("Iterations = " + iterations +
			" is far more than can be explored; use at most a few million map steps per value.");
		ReconstructedModel m = reconstruction.load(model);
		double at = Double.isNaN(trace_at) ? m.trainingParameters()[0] : trace_at;
		Explorer.Settings s = new Explorer.Settings();
		s.grid = ParameterList.parse(parameters, "parameter values");
		s.iterations = (int) Math.max(Integer.MIN_VALUE, iterations);
		s.transientSteps = transient_steps;
		s.initialStates = initial_states;
		s.sweepSteps = sweep_steps;
		s.seed = seed;
		for (double p : new double[] { s.grid.length == 0 ? 0 : s.grid[0], s.grid.length == 0 ? 0 : s.grid[s.grid.length - 1], at })
			if (m.isFarOutside(p)) log().warn(m.parameterName() + " = " + p + " is far outside the recorded values " +
				ParameterList.format(m.trainingParameters()) + ": the map extrapolates there; treat its regimes with caution.");
		List<Explorer.Point> points = reconstruction.explore(m, s, progress());
		regimes = ExplorationResults.regimeTable(m, points);
		double next = Explorer.suggestNextRecording(m, points);
		if (!Double.isNaN(next)) log().info("Record next at " + m.parameterName() + " = " + next + ": of the explored values inside the recorded range, " +
			"the ensemble's maps disagree most there (see the Record next column of the regime table).");
		bifurcation = ExplorationResults.bifurcationPlot(m, points);
		maxima = ExplorationResults.bifurcationTable(m, points);
		density = ExplorationResults.densityImage(m, points);
		fixed_points = ExplorationResults.fixedPointTable(m, points, u -> m.decodeObserved(new float[][] { toFloat(u) })[0]);
		int steps = (int) Math.min(iterations, 2000);
		float[][] orbit = Explorer.orbit(m, at, 0, steps, transient_steps);
		trace = ExplorationResults.tracePlot(m, at, m.decodeObserved(orbit));
		phase = ExplorationResults.phasePortrait(m, at, orbit);
		save(output, "regimes", regimes);
		save(output, "bifurcation-diagram", bifurcation);
		save(output, "bifurcation-maxima", maxima);
		save(output, "bifurcation-density", density);
		save(output, "fixed-points", fixed_points);
		save(output, "reconstructed-trace", trace);
		save(output, "phase-portrait", phase);
	}

	private static float[] toFloat(double[] u) {
		float[] f = new float[u.length];
		for (int i = 0; i < u.length; i++) f[i] = (float) u[i];
		return f;
	}
}
