package org.neurodynamics.bench;

import static org.neurodynamics.bench.ReconstructionBenchmark.LOG;
import static org.neurodynamics.bench.ReconstructionBenchmark.overridesNote;
import static org.neurodynamics.bench.ReconstructionBenchmark.settings;
import static org.neurodynamics.bench.ReconstructionReport.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.hipparchus.complex.Complex;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.analysis.FixedPoints;
import org.neurodynamics.core.analysis.RegimeClassifier;
import org.neurodynamics.core.analysis.RegimeStats;
import org.neurodynamics.core.model.HodgkinHuxley;
import org.neurodynamics.core.model.ModelSimulator;
import org.neurodynamics.core.reconstruct.Explorer;
import org.neurodynamics.core.reconstruct.ReconstructedModel;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;
import org.neurodynamics.core.trace.Trace;

/** The Hodgkin-Huxley bistability case of the {@link ReconstructionBenchmark}. */
final class ReconstructionBistabilityCase {

	private ReconstructionBistabilityCase() {}

	/**
	 * Hodgkin-Huxley trained on spiking traces only (started on the spiking branch at
	 * currents of the bistable range and above): the map must have a stable fixed point
	 * (rest) in the bistable range, with the ODE's eigenvalues through exp(lambda dt), and
	 * the spiking orbit must coexist with it.
	 */
	static void hodgkinHuxley(StringBuilder md, long[] seeds) {
		HodgkinHuxley model = new HodgkinHuxley();
		double[] train = { 7, 8.5, 10, 12 };
		double[] grid = { 5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10.5, 12, 14 };
		md.append("## Hodgkin-Huxley bistability\n\n");
		md.append("Trained on spiking traces only at I = " + Arrays.toString(train) + " uA/cm^2 (500 ms each, dt 0.05 ms, started on the spiking branch). ")
			.append("Evaluated at " + Arrays.toString(grid) + ". True model: rest below ~6.3, rest and spiking coexist up to ~9.8, spiking above.\n");
		md.append("Targets: a stable fixed point of the map in the bistable range with eigenvalues matching the ODE's through exp(lambda dt) within 10% ")
			.append("(compared as continuous-time rates ln(mu)/dt of the slowest pair), and the spiking branch coexisting with it.\n\n");
		ModelSimulator sim = new ModelSimulator(model);
		double[] spiking = new double[4];
		sim.simulate(12, model.initialState(), 100, 0, 0.05, spiking, Progress.NONE);
		for (long seed : seeds) {
			List<Trace> traces = new ArrayList<>();
			for (double i : train) {
				double[] start = spiking.clone();
				float[] x = sim.simulate(i, start, 500, 50, 0.05, null, Progress.NONE)[0];
				traces.add(new Trace("HH V I=" + i, x, 0.05, "ms", "mV", i, "I"));
			}
			ReconstructionSettings settings = settings(seed);
			long t0 = System.nanoTime();
			Reconstruction.Result r = Reconstruction.run(traces, settings, LOG);
			double seconds = (System.nanoTime() - t0) / 1e9;
			ReconstructedModel m = r.model;
			Explorer.Settings es = new Explorer.Settings();
			es.grid = grid;
			es.seed = seed;
			es.initialStates = 4;
			t0 = System.nanoTime();
			List<Explorer.Point> points = Explorer.explore(m, es, LOG);
			double exploreSeconds = (System.nanoTime() - t0) / 1e9;
			md.append(String.format(Locale.ROOT, "### Seed %d%n%nReconstruction %.0f s (%s; state dimension %d), exploration %.0f s.%s%n%n", seed, seconds, r.embedding,
				r.active.length, exploreSeconds, overridesNote()));
			md.append("| I | map orbits | stable fixed point | map slowest eigenvalues (rate, rad/ms) | ODE slowest eigenvalues | error re / im | true regime from rest / from spiking |\n");
			md.append("|---|---|---|---|---|---|---|\n");
			int bistableOk = 0, bistableTotal = 0;
			double dtMap = m.dt();
			for (int i = 0; i < grid.length; i++) {
				Explorer.Point p = points.get(i);
				StringBuilder orbits = new StringBuilder();
				boolean spikingOrbit = false;
				for (int j = 0; j < p.regimes.length; j++) {
					String l = p.regimes[j] == null ? "diverged" : p.regimes[j].label();
					orbits.append(j == 0 ? "" : ", ").append(l);
					spikingOrbit |= p.regimes[j] != null && p.regimes[j].regime() != RegimeStats.Regime.REST;
				}
				FixedPoints.FixedPoint stable = null;
				for (FixedPoints.FixedPoint f : p.fixedPoints)
					if (f.isStable() && (stable == null || f.spectralRadius() < stable.spectralRadius())) stable = f;
				Complex ode = grid[i] < 9.75 ? slowestOdeRate(grid[i]) : null;
				Complex map = null;
				String err = "";
				if (stable != null) {
					Complex mu = stable.eigenvalues()[0];
					map = mu.log().divide(dtMap);
					map = new Complex(map.getReal(), Math.abs(map.getImaginary()));
				}
				boolean match = false;
				if (map != null && ode != null) {
					double er = Math.abs(map.getReal() - ode.getReal()) / Math.abs(ode.getReal());
					double ei = Math.abs(map.getImaginary() - ode.getImaginary()) / Math.abs(ode.getImaginary());
					match = er <= 0.1 && ei <= 0.1;
					err = String.format(Locale.ROOT, "%.0f%% / %.0f%%", 100 * er, 100 * ei);
				}
				boolean inRange = grid[i] > 6.3 && grid[i] < 9.8;
				if (inRange) {
					bistableTotal++;
					if (stable != null && match && spikingOrbit) bistableOk++;
				}
				String trueRest = new RegimeClassifier().classify(toDouble(sim.simulate(grid[i], HodgkinHuxley.restingState(Math.min(grid[i], 9.7)), 300, 200, 0.05, null, Progress.NONE)[0]), 0.05).label();
				String trueSpike = new RegimeClassifier().classify(toDouble(sim.simulate(grid[i], spiking.clone(), 300, 200, 0.05, null, Progress.NONE)[0]), 0.05).label();
				md.append(String.format(Locale.ROOT, "| %.4g | %s | %s | %s | %s | %s | %s / %s |%n", grid[i], orbits, stable == null ? "none" : "yes (|mu| " + fmt(stable.spectralRadius()) + ")",
					map == null ? "-" : cfmt(map), ode == null ? "-" : cfmt(ode), err, trueRest, trueSpike));
			}
			md.append(String.format(Locale.ROOT, "%nIn the bistable range (6.3, 9.8): stable fixed point with eigenvalues within 10%% and a coexisting spiking orbit at %d/%d grid values. Target: all: %s.%n%n",
				bistableOk, bistableTotal, bistableOk == bistableTotal ? "**met**" : "**not met**"));
		}
	}

	/** The slowest eigenvalue (largest real part, imaginary part >= 0) of the HH ODE at rest, per ms. */
	static Complex slowestOdeRate(double current) {
		HodgkinHuxley model = new HodgkinHuxley();
		double[] y = HodgkinHuxley.restingState(current);
		int n = y.length;
		double[][] jac = new double[n][n];
		double[] f0 = new double[n], f1 = new double[n];
		for (int j = 0; j < n; j++) {
			double h = 1e-6 * Math.max(1, Math.abs(y[j]));
			double[] a = y.clone(), b = y.clone();
			a[j] += h;
			b[j] -= h;
			model.derivatives(current, a, f1);
			model.derivatives(current, b, f0);
			for (int i = 0; i < n; i++) jac[i][j] = (f1[i] - f0[i]) / (2 * h);
		}
		Complex best = null;
		for (Complex c : FixedPoints.eigenvalues(jac)) {
			// eigenvalues of the Jacobian of the ODE; reuse the map's eigen-solver
			if (best == null || c.getReal() > best.getReal()) best = c;
		}
		return new Complex(best.getReal(), Math.abs(best.getImaginary()));
	}
}
