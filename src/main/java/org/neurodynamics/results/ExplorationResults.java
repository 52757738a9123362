package org.neurodynamics.results;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;

import org.hipparchus.complex.Complex;
import org.neurodynamics.core.analysis.FixedPoints;
import org.neurodynamics.core.analysis.RegimeStats;
import org.neurodynamics.core.reconstruct.Explorer;
import org.neurodynamics.core.reconstruct.ReconstructedModel;

/** Bifurcation diagram, regime and fixed-point tables, reconstructed traces and phase portraits. */
public final class ExplorationResults {

	/** Maxima drawn and tabulated per orbit: the last ones, after the transient. */
	static final int MAXIMA_PER_ORBIT = 200;
	static final int DENSITY_BINS = 256;

	private ExplorationResults() {}

	public static Plot bifurcationPlot(ReconstructedModel model, List<Explorer.Point> points) {
		String value = model.valueUnit().isEmpty() ? "local maxima" : "local maxima (" + model.valueUnit() + ")";
		Plot plot = new Plot("Bifurcation diagram", model.parameterName(), value);
		plot.setColor(new Color(0x1f77b4));
		List<double[]> xy = maxima(points);
		plot.addPoints(xy.get(0), xy.get(1), Plot.DOT);
		double[] trained = model.trainingParameters();
		List<Double> px = new ArrayList<>(), py = new ArrayList<>();
		for (int k = 0; k < trained.length; k++)
			for (float m : model.trainingMaxima(k)) {
				px.add(trained[k]);
				py.add((double) m);
			}
		plot.setColor(Color.RED);
		plot.addPoints(px.stream().mapToDouble(Double::doubleValue).toArray(), py.stream().mapToDouble(Double::doubleValue).toArray(), Plot.CIRCLE);
		plot.setColor(Color.BLACK);
		plot.setLimitsToFit(false);
		// Room above the data for the legend, which would otherwise hide the highest points.
		double[] limits = plot.getLimits();
		double top = limits[3] + 0.3 * (limits[3] - limits[2]);
		plot.setLimits(limits[0], limits[1], limits[2], top);
		// Values where the ensemble's maps settle in different regimes: a grey mark along the top.
		List<Double> ux = new ArrayList<>();
		for (Explorer.Point p : points) if (p.uncertain()) ux.add(p.parameter);
		plot.setColor(Color.GRAY);
		double[] uy = new double[ux.size()];
		java.util.Arrays.fill(uy, top - 0.04 * (top - limits[2]));
		plot.addPoints(ux.stream().mapToDouble(Double::doubleValue).toArray(), uy, Plot.BOX);
		plot.setColor(Color.BLACK);
		plot.addLegend("reconstructed map\nrecorded data\nmaps of the ensemble disagree");
		return plot;
	}

	/** (p, maxima) pairs of every orbit, as x and y arrays. */
	private static List<double[]> maxima(List<Explorer.Point> points) {
		List<Double> x = new ArrayList<>(), y = new ArrayList<>();
		for (Explorer.Point p : points)
			for (int o = 0; o < p.orbits.length; o++)
				for (float m : recentMaxima(p, o)) {
					x.add(p.parameter);
					y.add((double) m);
				}
		return List.of(x.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToDouble(Double::doubleValue).toArray());
	}

	/**
	 * The maxima of the diagram: the map's (source "map", per initial state) and, when
	 * {@code model} is given, the recorded ones drawn in red (source "recorded", no initial state).
	 */
	public static ResultsTable bifurcationTable(ReconstructedModel model, List<Explorer.Point> points) {
		ResultsTable rt = new ResultsTable();
		for (Explorer.Point p : points)
			for (int o = 0; o < p.orbits.length; o++)
				for (float m : recentMaxima(p, o)) {
					rt.addRow();
					rt.addValue("Parameter", p.parameter);
					rt.addValue("Initial state", o + 1);
					rt.addValue("Maximum", m);
					rt.addValue("Source", "map");
				}
		double[] trained = model == null ? new double[0] : model.trainingParameters();
		for (int k = 0; k < trained.length; k++)
			for (float m : model.trainingMaxima(k)) {
				rt.addRow();
				rt.addValue("Parameter", trained[k]);
				rt.addValue("Initial state", Double.NaN);
				rt.addValue("Maximum", m);
				rt.addValue("Source", "recorded");
			}
		// Orbits without maxima (a model that settles): the saved CSV still has its header.
		if (rt.size() == 0) for (String heading : new String[] { "Parameter", "Initial state", "Maximum", "Source" }) rt.getFreeColumn(heading);
		return rt;
	}

	/** The last maxima of an orbit: the settled part, and a bounded amount of data per orbit. */
	private static float[] recentMaxima(Explorer.Point p, int orbit) {
		float[] m = p.maxima(orbit);
		return Arrays.copyOfRange(m, Math.max(0, m.length - MAXIMA_PER_ORBIT), m.length);
	}

	/** Density of maxima: x = parameter grid, y = value, pixel = how often the map's maxima fall there. */
	public static ImagePlus densityImage(ReconstructedModel model, List<Explorer.Point> points) {
		List<double[]> xy = maxima(points);
		double lo = Arrays.stream(xy.get(1)).min().orElse(0), hi = Arrays.stream(xy.get(1)).max().orElse(1);
		if (hi <= lo) hi = lo + 1;
		FloatProcessor fp = new FloatProcessor(points.size(), DENSITY_BINS);
		for (int i = 0; i < points.size(); i++) {
			Explorer.Point p = points.get(i);
			for (int o = 0; o < p.orbits.length; o++)
				for (float m : recentMaxima(p, o)) {
					int bin = (int) Math.max(0, Math.min(DENSITY_BINS - 1, Math.floor((m - lo) / (hi - lo) * DENSITY_BINS)));
					int row = DENSITY_BINS - 1 - bin;
					fp.setf(i, row, fp.getf(i, row) + 1);
				}
		}
		// Most bins are empty and a few hold many maxima: dark counts on white, saturating at the
		// 90th percentile of the occupied bins, so that rare branches are visible too.
		fp.setMinAndMax(0, Math.max(1, occupiedPercentile((float[]) fp.getPixels(), 0.9)));
		fp.invertLut();
		ImagePlus imp = new ImagePlus("Bifurcation density", fp);
		Calibration cal = imp.getCalibration();
		double p0 = points.get(0).parameter, p1 = points.get(points.size() - 1).parameter;
		cal.pixelWidth = points.size() > 1 ? (p1 - p0) / (points.size() - 1) : 1;
		cal.xOrigin = -p0 / cal.pixelWidth;
		cal.setXUnit(model.parameterName());
		cal.pixelHeight = (hi - lo) / DENSITY_BINS;
		cal.setInvertY(true);
		cal.yOrigin = DENSITY_BINS + lo / cal.pixelHeight;
		cal.setYUnit(model.valueUnit().isEmpty() ? "value" : model.valueUnit());
		return imp;
	}

	private static double occupiedPercentile(float[] counts, double q) {
		float[] occupied = new float[counts.length];
		int n = 0;
		for (float c : counts) if (c > 0) occupied[n++] = c;
		if (n == 0) return 1;
		Arrays.sort(occupied, 0, n);
		return occupied[Math.min(n - 1, (int) Math.floor(q * (n - 1)))];
	}

	/** Whether {@code p} lies beyond the recorded values: empty inside their range. */
	static String outsideTrainingRange(ReconstructedModel model, double p, boolean farOutside) {
		double[] trained = model.trainingParameters();
		double lo = Arrays.stream(trained).min().orElse(p), hi = Arrays.stream(trained).max().orElse(p);
		if (farOutside) return "far outside: extrapolation";
		if (p < lo || p > hi) return "outside the recorded " + (float) lo + " to " + (float) hi + ": extrapolation";
		return "";
	}

	public static ResultsTable regimeTable(ReconstructedModel model, List<Explorer.Point> points) {
		ResultsTable rt = new ResultsTable();
		String t = model.timeUnit().isEmpty() ? "" : " (" + model.timeUnit() + ")";
		double next = Explorer.suggestNextRecording(model, points);
		for (Explorer.Point p : points) {
			rt.addRow();
			rt.addValue("Parameter", p.parameter);
			rt.addValue("Regime", p.label());
			rt.addValue("Regimes of all orbits", labels(p));
			rt.addValue("Coexisting", p.coexisting() ? 1 : 0);
			rt.addValue("Ensemble regime", p.ensembleLabel());
			rt.addValue("Maps agreeing", p.membersAgreeing() + " of " + p.memberLabels.length);
			rt.addValue("Uncertain", p.uncertain() ? "maps disagree: " + String.join("; ", p.memberLabels) : "");
			rt.addValue("Record next", p.parameter == next ? "record next at " + model.parameterName() + " = " + p.parameter : "");
			RegimeStats r = p.regimes[0];
			rt.addValue("Spike rate", r == null ? Double.NaN : r.spikeRate());
			rt.addValue("Mean ISI" + t, r == null ? Double.NaN : r.meanIsi());
			rt.addValue("Spikes per burst", r == null || r.regime() != RegimeStats.Regime.BURSTING ? Double.NaN : r.meanSpikesPerBurst());
			rt.addValue("Lyapunov exponent", p.lyapunov);
			rt.addValue("Fixed points", p.fixedPoints.size());
			rt.addValue("Stable fixed points", p.fixedPoints.stream().filter(FixedPoints.FixedPoint::isStable).count());
			rt.addValue("Outside training range", outsideTrainingRange(model, p.parameter, p.farOutside));
		}
		return rt;
	}

	private static String labels(Explorer.Point p) {
		StringBuilder sb = new StringBuilder();
		for (RegimeStats r : p.regimes) sb.append(sb.length() == 0 ? "" : "; ").append(r == null ? "diverged" : r.label());
		return sb.toString();
	}

	public static ResultsTable fixedPointTable(List<Explorer.Point> points) {
		return fixedPointTable(null, points, null);
	}

	/**
	 * Fixed points with their stability; with a {@code decoder} (the model's decoder of a
	 * state to the observed variable) also the observed value at each fixed point, in the
	 * recording's unit.
	 */
	public static ResultsTable fixedPointTable(ReconstructedModel model, List<Explorer.Point> points,
		java.util.function.ToDoubleFunction<double[]> decoder)
	{
		ResultsTable rt = new ResultsTable();
		String observed = model == null || model.valueUnit().isEmpty() ? "Observed value" : "Observed value (" + model.valueUnit() + ")";
		for (Explorer.Point p : points)
			for (FixedPoints.FixedPoint f : p.fixedPoints) {
				rt.addRow();
				rt.addValue("Parameter", p.parameter);
				double[] u = f.state();
				if (decoder != null) rt.addValue(observed, decoder.applyAsDouble(u));
				for (int i = 0; i < u.length; i++) rt.addValue("u" + (i + 1), u[i]);
				rt.addValue("Stable", f.isStable() ? 1 : 0);
				rt.addValue("Spectral radius", f.spectralRadius());
				rt.addValue("Unstable directions", f.unstableDimension());
				rt.addValue("Eigenvalues", eigenvalues(f.eigenvalues()));
			}
		return rt;
	}

	private static String eigenvalues(Complex[] values) {
		StringBuilder sb = new StringBuilder();
		for (Complex c : values) {
			sb.append(sb.length() == 0 ? "" : "; ").append(String.format("%.4f", c.getReal()));
			if (Math.abs(c.getImaginary()) > 1e-9) sb.append(String.format("%+.4fi", c.getImaginary()));
		}
		return sb.toString();
	}

	/** The map's decoded trace at {@code p}, with the recording at the same p overlaid when there is one. */
	public static Plot tracePlot(ReconstructedModel model, double p, float[] reconstructed) {
		String time = model.timeUnit().isEmpty() ? "time" : "time (" + model.timeUnit() + ")";
		Plot plot = new Plot("Reconstructed trace at " + model.parameterName() + " = " + (float) p, time,
			model.valueUnit().isEmpty() ? "value" : model.valueUnit());
		double[] trained = model.trainingParameters();
		String legend = "reconstructed map";
		for (int k = 0; k < trained.length; k++)
			if (Math.abs(trained[k] - p) <= 1e-9 * Math.max(1, Math.abs(p))) {
				plot.setColor(Color.GRAY);
				plot.addPoints(times(model.trainingExcerpt(k).length, model.dt()), toDouble(model.trainingExcerpt(k)), Plot.LINE);
				legend = "recorded\n" + legend;
				break;
			}
		plot.setColor(new Color(0xd62728));
		plot.addPoints(times(reconstructed.length, model.dt()), toDouble(reconstructed), Plot.LINE);
		PlotLayout.title(plot, "Reconstructed trace at " + model.parameterName() + " = " + (float) p +
			(legend.startsWith("recorded") ? " (recorded value)" : " (no recording at this value)") +
			(model.isFarOutside(p) ? ", far outside the recorded values" : ""));
		PlotLayout.legendAbove(plot, legend, legend.split("\n").length, false);
		return plot;
	}

	/** First two recovered coordinates along the orbit at {@code p}. */
	public static Plot phasePortrait(ReconstructedModel model, double p, float[][] states) {
		Plot plot = new Plot("Phase portrait at " + model.parameterName() + " = " + (float) p, "u1", model.stateDimension() > 1 ? "u2" : "u1(n+1)");
		double[] x = new double[states.length - 1], y = new double[states.length - 1];
		for (int t = 0; t < x.length; t++) {
			x[t] = states[t][0];
			y[t] = model.stateDimension() > 1 ? states[t][1] : states[t + 1][0];
		}
		plot.setColor(new Color(0x1f77b4));
		plot.addPoints(x, y, Plot.LINE);
		PlotLayout.title(plot, "Phase portrait at " + model.parameterName() + " = " + (float) p + " (recovered coordinates)");
		PlotLayout.margins(plot);
		return plot;
	}

	private static double[] times(int n, double dt) {
		double[] t = new double[n];
		for (int i = 0; i < n; i++) t[i] = i * dt;
		return t;
	}

	private static double[] toDouble(float[] x) {
		double[] d = new double[x.length];
		for (int i = 0; i < x.length; i++) d[i] = x[i];
		return d;
	}
}
