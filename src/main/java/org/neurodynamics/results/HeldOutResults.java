package org.neurodynamics.results;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.reconstruct.HeldOutCheck;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.SelfCheck;

/**
 * What the reconstruction predicts at the traces it never saw, beside what it does at those
 * it was trained on: a table of the held-out traces and the firing rate against the
 * parameter (an f-I curve for a current-step family), recorded and map.
 */
public final class HeldOutResults {

	private HeldOutResults() {}

	/** One row per held-out trace: recorded and predicted spike rate and regime. */
	public static ResultsTable table(Reconstruction.Result r) {
		String unit = rateUnit(r.model.timeUnit());
		double scale = HeldOutCheck.perSecond(r.model.timeUnit());
		ResultsTable rt = new ResultsTable();
		for (HeldOutCheck.Prediction p : r.heldOut.predictions()) {
			rt.addRow();
			rt.addValue("Trace", p.name);
			rt.addValue(r.model.parameterName(), p.parameter);
			rt.addValue("Recorded spike rate (" + unit + ")", p.recordedRate * scale);
			rt.addValue("Map spike rate (" + unit + ")", p.predictedRate * scale);
			rt.addValue("Recorded spikes", p.recorded.spikeCount());
			rt.addValue("Map spikes", p.predicted.spikeCount());
			rt.addValue("Recorded regime", p.recorded.label());
			rt.addValue("Map regime", p.predicted.label());
			rt.addValue("Started from", p.startedFrom);
			rt.addValue("Result", p.agrees() ? "agrees" : "differs");
		}
		return rt;
	}

	/**
	 * Spike rate against the parameter: recorded (black) and map (red), filled at the trained
	 * traces (the self-check's orbits), open at the held-out ones (the predictions).
	 */
	public static Plot firingRatePlot(Reconstruction.Result r) {
		double scale = HeldOutCheck.perSecond(r.model.timeUnit());
		List<double[]> trained = new ArrayList<>(), held = new ArrayList<>();
		for (SelfCheck.TraceCheck c : r.selfCheck.traces()) trained.add(new double[] { c.parameter, c.recordedRate * scale, c.mapRate * scale });
		for (HeldOutCheck.Prediction p : r.heldOut.predictions())
			held.add(new double[] { p.parameter, p.recordedRate * scale, p.predictedRate * scale });
		Plot plot = new Plot("Firing rate: recorded and map", r.model.parameterName(), "spike rate (" + rateUnit(r.model.timeUnit()) + ")");
		add(plot, trained, 1, Color.BLACK, Plot.CIRCLE, true);
		add(plot, held, 1, Color.BLACK, Plot.CIRCLE, false);
		add(plot, trained, 2, Color.RED, Plot.DIAMOND, true);
		add(plot, held, 2, Color.RED, Plot.DIAMOND, false);
		plot.setColor(Color.BLACK);
		plot.setLimitsToFit(false);
		PlotLayout.legendAbove(plot, "recorded, trained\nrecorded, held out\nmap, trained\nmap, held out (predicted)", 4, false);
		PlotLayout.title(plot, r.heldOut.summary());
		return plot;
	}

	private static void add(Plot plot, List<double[]> points, int column, Color colour, int shape, boolean filled) {
		double[] x = new double[points.size()], y = new double[points.size()];
		for (int i = 0; i < x.length; i++) {
			x[i] = points.get(i)[0];
			y[i] = points.get(i)[column];
		}
		plot.setColor(colour, filled ? colour : null);
		plot.addPoints(x, y, shape);
	}

	/** Rates per second when the time unit says ms or s, else per time unit. */
	static String rateUnit(String timeUnit) {
		return "ms".equals(timeUnit) || "s".equals(timeUnit) ? "Hz" : "per " + (timeUnit.isEmpty() ? "time unit" : timeUnit);
	}
}
