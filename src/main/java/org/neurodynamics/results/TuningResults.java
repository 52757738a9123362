package org.neurodynamics.results;

import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;

import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.fit.BoundedParameter;
import org.neurodynamics.core.fit.FitIteration;
import org.neurodynamics.core.fit.FitResult;
import org.neurodynamics.core.fit.HomeostasisResult;
import org.neurodynamics.core.fit.Uncertainty;
import org.neurodynamics.core.trace.Trace;

/** Tables and plots of conductance fits and homeostatic control of compartmental models. */
public final class TuningResults {

	private TuningResults() {}

	/**
	 * One row per fitted parameter: its starting and fitted value, their ratio, its physical
	 * range, the final loss and how the fit ended; with {@code uncertainty} (may be null) the
	 * relative standard error, a number only where it means something; and a note when the
	 * value ended on a bound or is not identifiable.
	 */
	public static ResultsTable fittedValues(CableModel model, double[] start, FitResult r, Uncertainty uncertainty) {
		ResultsTable rt = new ResultsTable();
		double[] theta = r.theta();
		String[] names = r.parameterNames();
		double[] m = r.multipliers();
		for (int k = 0; k < names.length; k++) {
			int i = model.parameterNames().indexOf(names[k]);
			rt.addRow();
			rt.addValue("Parameter", names[k]);
			rt.addValue("Unit", model.parameters().get(i).unit());
			rt.addValue("Initial", start[i]);
			rt.addValue("Fitted", theta[i]);
			rt.addValue("Multiplier", m[k]);
			BoundedParameter range = BoundedParameter.of(model.parameters().get(i), start[i]);
			rt.addValue("Lower bound", range.lower());
			rt.addValue("Upper bound", range.upper());
			rt.addValue("Loss (mV^2)", r.loss());
			rt.addValue("Status", r.status().name().toLowerCase(java.util.Locale.ROOT));
			if (uncertainty != null) rt.addValue("Relative s.e. (Gauss-Newton)", uncertainty.describe(k));
			String side = range.bound(theta[i]);
			String note = side.isEmpty() ? "" : "at " + side + " bound";
			if (uncertainty != null && !uncertainty.identifiable(k)) note += (note.isEmpty() ? "" : "; ") + "not identifiable";
			else if (uncertainty != null && Double.isNaN(uncertainty.relative(k))) note += (note.isEmpty() ? "" : "; ") +
				"no s.e.: the loss is not quadratic at the fit";
			rt.addValue("Note", note);
		}
		rt.setDecimalPlaces(2, 6);
		rt.setDecimalPlaces(3, 6);
		rt.setDecimalPlaces(4, 5);
		rt.setDecimalPlaces(rt.getColumnIndex("Lower bound"), 6);
		rt.setDecimalPlaces(rt.getColumnIndex("Upper bound"), 6);
		return rt;
	}

	/** One row per iteration (CMA-ES: per generation): window, loss and every fitted parameter's value. */
	public static ResultsTable iterations(FitResult r) {
		ResultsTable rt = new ResultsTable();
		String[] names = r.parameterNames();
		for (FitIteration it : r.history()) {
			rt.addRow();
			rt.addValue("Iteration", it.iteration);
			rt.addValue("Window (ms)", it.window);
			rt.addValue("Loss (mV^2)", it.loss);
			rt.addValue("Objective", it.objective);
			double[] v = it.values();
			for (int k = 0; k < names.length; k++) rt.addValue(names[k], v[k]);
			rt.addValue("Simulations", it.simulations);
			rt.addValue("Seconds", it.seconds);
		}
		return rt;
	}

	/** Loss (log scale) per iteration; with a growing window the loss is over the window of that iteration. */
	public static Plot lossPlot(FitResult r) {
		List<FitIteration> history = r.history();
		Plot plot = new Plot("Fit loss", "iteration", "loss (mV^2)");
		double[] x = history.stream().mapToDouble(it -> it.iteration).toArray();
		double[] y = history.stream().mapToDouble(it -> Math.max(1e-12, it.loss)).toArray();
		plot.setColor(TracePlots.COLOURS[0]);
		plot.setLineWidth(2);
		plot.addPoints(x, y, x.length == 1 ? Plot.CIRCLE : Plot.LINE);
		plot.setLineWidth(1);
		plot.setColor(java.awt.Color.BLACK);
		if (!history.isEmpty()) plot.addLabel(0.02, 0.08, String.format(java.util.Locale.ROOT, "best full-window loss %.4g mV^2 (%s)",
			r.loss(), r.status().name().toLowerCase(java.util.Locale.ROOT)));
		if (history.size() > 1) plot.setLogScaleY();
		plot.setLimitsToFit(false);
		return plot;
	}

	/** Target, initial and fitted voltage on one plot; a simulation that failed (null) is left out. */
	public static Plot comparisonPlot(Trace target, Trace initial, Trace fitted) {
		return TracePlots.of("Fitted vs target", named(target, initial, fitted));
	}

	/**
	 * Target, initial and fitted voltage as rows of a trace image on the simulation's time
	 * base (the target linearly interpolated to it), to read back or compare in a macro.
	 */
	public static ImagePlus fittedTraces(String title, Trace target, Trace initial, Trace fitted) {
		List<Trace> rows = new ArrayList<>();
		Trace base = fitted != null ? fitted : initial;
		for (Trace t : named(target, initial, fitted)) rows.add(base == null ? t : resample(t, base.dt(), base.length()));
		return TraceImage.create(title, rows);
	}

	private static List<Trace> named(Trace target, Trace initial, Trace fitted) {
		List<Trace> list = new ArrayList<>();
		list.add(target.withName("target"));
		if (initial != null) list.add(initial.withName("initial"));
		if (fitted != null) list.add(fitted.withName("fitted"));
		return list;
	}

	/** Linear interpolation onto n samples every dt (same time unit), held at the last sample. */
	static Trace resample(Trace t, double dt, int n) {
		if (t.dt() == dt && t.length() == n) return t;
		float[] y = new float[n];
		for (int i = 0; i < n; i++) {
			double x = Math.min(i * dt / t.dt(), t.length() - 1);
			int j = Math.min((int) x, Math.max(0, t.length() - 2));
			double w = Math.min(1, x - j);
			y[i] = t.length() == 1 ? t.sample(0) : (float) (t.sample(j) * (1 - w) + t.sample(j + 1) * w);
		}
		return new Trace(t.name(), y, dt, t.timeUnit(), t.valueUnit());
	}

	/** One row per sample: time, estimated and counted rate, and the adapted parameters. */
	public static ResultsTable homeostasisTable(HomeostasisResult r) {
		ResultsTable rt = new ResultsTable();
		double[] t = r.time(), est = r.estimatedRate(), counted = r.countedRate();
		for (int i = 0; i < r.length(); i++) {
			rt.addRow();
			rt.addValue("Time (s)", t[i] / 1000);
			rt.addValue("Estimated rate (Hz)", est[i]);
			rt.addValue("Counted rate (Hz)", counted[i]);
			for (int k = 0; k < r.parameterCount(); k++) rt.addValue(r.parameterName(k), r.parameter(k)[i]);
		}
		rt.setDecimalPlaces(0, 3);
		for (int k = 0; k < r.parameterCount(); k++) rt.setDecimalPlaces(3 + k, 6);
		return rt;
	}

	/** The controller's rate estimate and the rate counted in each sample interval, with the target. */
	public static Plot ratePlot(HomeostasisResult r, double targetRate) {
		Plot plot = new Plot("Firing rate", "time (s)", "rate (Hz)");
		double[] t = seconds(r.time());
		double[] counted = r.countedRate();
		plot.setColor(new java.awt.Color(0xaaaaaa));
		plot.addPoints(java.util.Arrays.copyOfRange(t, 1, t.length), java.util.Arrays.copyOfRange(counted, 1, counted.length),
			Plot.LINE);
		plot.setColor(TracePlots.COLOURS[0]);
		plot.setLineWidth(2);
		plot.addPoints(t, r.estimatedRate(), Plot.LINE);
		plot.setLineWidth(1);
		plot.setColor(TracePlots.COLOURS[1]);
		plot.addPoints(new double[] { t[0], t[t.length - 1] }, new double[] { targetRate, targetRate }, Plot.LINE);
		plot.setColor(java.awt.Color.BLACK);
		plot.addLegend("counted\nestimated\ntarget");
		plot.setLimitsToFit(false);
		return plot;
	}

	/** Adapted parameters relative to their starting values, so that all share one axis. */
	public static Plot parameterPlot(HomeostasisResult r) {
		Plot plot = new Plot("Adapted parameters", "time (s)", "value / initial value");
		double[] t = seconds(r.time());
		StringBuilder legend = new StringBuilder();
		for (int k = 0; k < r.parameterCount(); k++) {
			double[] p = r.parameter(k);
			double p0 = p[0] == 0 ? 1 : p[0];
			double[] y = new double[p.length];
			for (int i = 0; i < p.length; i++) y[i] = p[i] / p0;
			plot.setColor(TracePlots.COLOURS[k % TracePlots.COLOURS.length]);
			plot.setLineWidth(2);
			plot.addPoints(t, y, Plot.LINE);
			legend.append(r.parameterName(k)).append(String.format(java.util.Locale.ROOT, " (initial %.4g)", p[0])).append('\n');
		}
		plot.setLineWidth(1);
		plot.setColor(java.awt.Color.BLACK);
		plot.addLegend(legend.toString());
		plot.setLimitsToFit(false);
		return plot;
	}

	private static double[] seconds(double[] ms) {
		double[] s = new double[ms.length];
		for (int i = 0; i < s.length; i++) s[i] = ms[i] / 1000;
		return s;
	}
}
