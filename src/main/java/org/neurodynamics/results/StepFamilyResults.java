package org.neurodynamics.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import org.neurodynamics.core.fit.CurrentSetChoice;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.core.trace.Trace;

/** Tables and plots of a model fitted to a recorded current-step family. */
public final class StepFamilyResults {

	private StepFamilyResults() {}

	/**
	 * One row per sweep: step current, whether it was fitted or held out, spike count during
	 * the step and steady-state voltage (mean over the last fifth of the step) of recording
	 * and model.
	 */
	public static ResultsTable sweeps(StepFamily family, int[] fitted, List<float[]> model) {
		ResultsTable rt = new ResultsTable();
		for (int s = 0; s < family.size(); s++) {
			float[] rec = family.voltage(s), sim = model.get(s);
			rt.addRow();
			rt.addValue("Sweep", s);
			rt.addValue("Current (pA)", family.current(s) * 1000);
			rt.addValue("Role", contains(fitted, s) ? "fitted" : "held out");
			rt.addValue("Recorded spikes", family.spikes(rec));
			rt.addValue("Model spikes", family.spikes(sim));
			rt.addValue("Recorded steady (mV)", family.steadyState(rec));
			rt.addValue("Model steady (mV)", family.steadyState(sim));
		}
		return rt;
	}

	/**
	 * One row per candidate set of extra currents: how its fitted model predicts the held-out
	 * sweeps, its loss on the fitted ones, the values it left on a bound, and whether it was kept.
	 */
	public static ResultsTable currentSets(CurrentSetChoice choice) {
		ResultsTable rt = new ResultsTable();
		for (CurrentSetChoice.Trial t : choice.trials) {
			rt.addRow();
			rt.addValue("Currents", t.label());
			rt.addValue("Kept", t == choice.best ? "yes" : "");
			rt.addValue("Held-out spiking sweeps", t.heldOut.spiking);
			rt.addValue("Spike counts right", t.heldOut.countsRight);
			rt.addValue("Held-out quiet sweeps", t.heldOut.quiet);
			rt.addValue("Quiet steady state off, mean (mV)", t.heldOut.meanSteadyError);
			rt.addValue("Quiet steady state off, max (mV)", t.heldOut.worstSteadyError);
			rt.addValue("Loss (mV^2)", t.result.loss());
			rt.addValue("Parameters fitted", t.result.parameterNames().length);
			rt.addValue("On a bound", String.join("; ", t.onBound));
			rt.addValue("Seconds", t.seconds);
		}
		return rt;
	}

	/** Spikes per second during the step against the step current: recording (circles) and model (line). */
	public static Plot fiCurve(StepFamily family, List<float[]> model) {
		int n = family.size();
		double[] i = new double[n], rec = new double[n], sim = new double[n];
		for (int s = 0; s < n; s++) {
			i[s] = family.current(s) * 1000;
			rec[s] = family.rate(family.voltage(s));
			sim[s] = family.rate(model.get(s));
		}
		Plot plot = new Plot("f-I curve", "step current (pA)", "firing rate (spikes/s)");
		plot.setColor(java.awt.Color.BLACK);
		plot.addPoints(i, rec, Plot.CIRCLE);
		plot.setColor(TracePlots.COLOURS[0]);
		plot.setLineWidth(2);
		plot.addPoints(i, sim, Plot.LINE);
		plot.setLineWidth(1);
		plot.setColor(java.awt.Color.BLACK);
		plot.addLegend("recording\nfitted model");
		plot.setLimitsToFit(false);
		return plot;
	}

	/** Recorded and fitted voltage of every sweep as rows of a trace image ("sweep 3 recorded", "sweep 3 model"). */
	public static ImagePlus traces(String title, StepFamily family, List<float[]> model) {
		List<Trace> rows = new ArrayList<>();
		for (int s = 0; s < family.size(); s++) {
			float[] rec = family.voltage(s), sim = model.get(s);
			int n = Math.min(rec.length, sim.length);
			rows.add(new Trace("sweep " + s + " recorded", java.util.Arrays.copyOf(rec, n), family.sampleDt(), "ms", "mV"));
			rows.add(new Trace("sweep " + s + " model", java.util.Arrays.copyOf(sim, n), family.sampleDt(), "ms", "mV"));
		}
		return TraceImage.create(title, rows);
	}

	/** Recorded against fitted voltage of a few sweeps (lowest, middle and highest current). */
	public static Plot comparison(StepFamily family, List<float[]> model) {
		List<Trace> shown = new ArrayList<>();
		int n = family.size();
		for (int s : new int[] { 0, n / 2, n - 1 }) {
			float[] rec = family.voltage(s);
			String label = String.format(Locale.ROOT, "%.0f pA", family.current(s) * 1000);
			shown.add(new Trace(label + " recorded", rec, family.sampleDt(), "ms", "mV"));
			shown.add(new Trace(label + " model", model.get(s), family.sampleDt(), "ms", "mV"));
		}
		return TracePlots.of("Fitted vs recorded", shown);
	}

	private static boolean contains(int[] xs, int x) {
		for (int y : xs) if (y == x) return true;
		return false;
	}
}
