package org.neurodynamics.bench;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hipparchus.complex.Complex;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.analysis.FixedPoints;
import org.neurodynamics.core.analysis.RegimeClassifier;
import org.neurodynamics.core.analysis.RegimeStats;
import org.neurodynamics.core.analysis.SpikeDetector;
import org.neurodynamics.core.analysis.TrajectoryMetrics;
import org.neurodynamics.core.io.AbfFile;
import org.neurodynamics.core.io.AbfReader;
import org.neurodynamics.core.io.StepLevels;
import org.neurodynamics.core.model.HindmarshRose;
import org.neurodynamics.core.model.HodgkinHuxley;
import org.neurodynamics.core.model.ModelSimulator;
import org.neurodynamics.core.model.NeuronModel;
import org.neurodynamics.core.model.ShermanRinzel;
import org.neurodynamics.core.reconstruct.Explorer;
import org.neurodynamics.core.reconstruct.ReconstructedModel;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;
import org.neurodynamics.core.trace.Trace;

/**
 * Validation benchmark of the reconstruction (issue 4): for each case, simulates a model
 * at the training values only, reconstructs with the plugin's pipeline exactly as a user
 * would ({@link Reconstruction#run} and {@link Explorer#explore}, default settings unless
 * the case says otherwise) and compares the map with the true model on a grid of
 * parameter values, most never seen in training.
 * <p>
 * Usage (after {@code mvn -B -q test-compile}):
 *
 * <pre>
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat /tmp/cpq.txt) \
 *     org.neurodynamics.bench.ReconstructionBenchmark [case ...] [--seeds=0,1,2] [--set field=value ...] [--out=file] [--no-write]
 * </pre>
 *
 * Cases: {@code hr} (Hindmarsh-Rose), {@code hr-noise} (1% observation noise), {@code sr}
 * (Sherman-Rinzel), {@code hh} (Hodgkin-Huxley bistability), {@code abf} (real
 * recording), {@code all} (every case; the default). {@code --seeds} runs each case once
 * per seed (default 0). {@code --set} overrides a field of {@link ReconstructionSettings}
 * (for measuring levers; results written with overrides are marked as such). Each case
 * replaces its own section of the results file, so parts can be re-run.
 */
public final class ReconstructionBenchmark {

	static final Path DEFAULT_OUT = Paths.get("bench/results/reconstruction-2026-12-02.md");

	/** Overrides of the reconstruction settings given on the command line. */
	static final Map<String, String> OVERRIDES = new LinkedHashMap<>();
	/** Folder for the decoded and true traces of every grid point (--dump=folder), or null. */
	static Path dump;

	static final Progress LOG = new Progress() {
		long last;

		@Override
		public void report(String stage, double fraction, String message) {
			long now = System.currentTimeMillis();
			if (now - last > 10000 || (fraction >= 1 && message != null && message.startsWith("epoch"))) {
				System.err.printf(Locale.ROOT, "  %s %.0f%% %s%n", stage, 100 * fraction, message == null ? "" : message);
				last = now;
			}
		}

		@Override
		public boolean isCancelled() { return false; }
	};

	private ReconstructionBenchmark() {}

	public static void main(String[] args) throws IOException {
		List<String> cases = new ArrayList<>();
		long[] seeds = { 0 };
		Path out = DEFAULT_OUT;
		boolean write = true;
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (a.startsWith("--seeds=")) seeds = Arrays.stream(a.substring(8).split(",")).mapToLong(Long::parseLong).toArray();
			else if (a.startsWith("--out=")) out = Paths.get(a.substring(6));
			else if (a.equals("--no-write")) write = false;
			else if (a.startsWith("--dump=")) dump = Paths.get(a.substring(7));
			else if (a.equals("--set")) {
				String[] kv = args[++i].split("=", 2);
				OVERRIDES.put(kv[0], kv[1]);
			}
			else cases.add(a);
		}
		if (cases.isEmpty() || cases.contains("all")) cases = Arrays.asList("hr", "hr-other", "hr-7", "sr", "hh", "hr-noise", "abf");
		for (String name : cases) {
			long start = System.nanoTime();
			double cpuStart = cpuSeconds();
			StringBuilder md = new StringBuilder();
			switch (name) {
				case "hr": hindmarshRose(md, seeds, 0, HR_TRAIN); break;
				case "hr-other": hindmarshRose(md, seeds, 0, HR_TRAIN_OTHER); break;
				case "hr-7": hindmarshRose(md, seeds, 0, HR_TRAIN_7); break;
				case "hr-noise": hindmarshRose(md, seeds, 0.01, HR_TRAIN); break;
				case "sr": shermanRinzel(md, seeds); break;
				case "hh": hodgkinHuxley(md, seeds); break;
				case "abf": abf(md, seeds); break;
				default: throw new IllegalArgumentException("Unknown case '" + name + "'; use hr, hr-other, hr-7, hr-noise, sr, hh, abf or all.");
			}
			md.append(String.format(Locale.ROOT, "%nCase wall time %.0f s, process CPU time %.0f s (%s, %d processors, load average %.1f: other jobs shared the machine, so wall times are upper bounds).%n",
				(System.nanoTime() - start) / 1e9, cpuSeconds() - cpuStart, LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
			System.out.println(md);
			if (write) writeSection(out, name, md.toString());
		}
	}

	// ------------------------------------------------------------------ cases

	static final double[] HR_TRAIN = { 1.5, 2.25, 3.0, 3.75 };
	/** A second choice of four training currents, to show the result does not hang on one choice. */
	static final double[] HR_TRAIN_OTHER = { 1.6, 2.3, 2.9, 3.6 };
	static final double[] HR_TRAIN_7 = { 1.4, 1.8, 2.2, 2.6, 3.0, 3.4, 3.8 };

	static void hindmarshRose(StringBuilder md, long[] seeds, double noise, double[] train) {
		NeuronModel model = new HindmarshRose();
		double[] grid = linspace(1.2, 4.0, 16);
		md.append(noise > 0 ? "## Hindmarsh-Rose, observation noise " + (noise * 100) + "% of the trace SD" : "## Hindmarsh-Rose");
		md.append(", trained at I = " + Arrays.toString(train) + "\n\n");
		md.append("Trained at I = " + Arrays.toString(train) + " (4000 time units each after a 1000 settle, dt 0.5); evaluated at 16 values over [1.2, 4.0].\n");
		md.append("Targets: regime class agrees at >= 85% of the grid; where both burst, spikes per burst within 1.\n\n");
		List<double[]> summary = new ArrayList<>();
		for (long seed : seeds) {
			List<Trace> traces = new ArrayList<>();
			ModelSimulator sim = new ModelSimulator(model);
			for (int k = 0; k < train.length; k++) traces.add(sim.trace(0, train[k], 4000, 1000, 0.5, noise, seed * 31 + k, Progress.NONE));
			summary.add(regimeCase(md, model, traces, grid, seed, 4000, 1000, 0.5, null, train));
		}
		seedSummary(md, summary, 0.85);
	}

	static void shermanRinzel(StringBuilder md, long[] seeds) {
		NeuronModel model = new ShermanRinzel();
		double[] train = { 0.8, 0.9, 1.0 };
		double[] grid = linspace(0.7, 1.05, 15);
		md.append("## Sherman-Rinzel\n\n");
		md.append("Trained at lambda = " + Arrays.toString(train) + " (300 s each after a 60 s settle, dt 20 ms); evaluated at 15 values over [0.7, 1.05]. ")
			.append("Exploration: 15000 map steps after a 5000-step transient (bursts last tens of seconds).\n");
		md.append("Targets: spiking-to-bursting transition within one grid step of the true one; spikes per burst growing with lambda.\n\n");
		List<double[]> summary = new ArrayList<>();
		for (long seed : seeds) {
			List<Trace> traces = new ArrayList<>();
			ModelSimulator sim = new ModelSimulator(model);
			for (double l : train) traces.add(sim.trace(0, l, 300000, 60000, 20, 0, seed, Progress.NONE));
			Explorer.Settings es = new Explorer.Settings();
			es.iterations = 15000;
			es.transientSteps = 5000;
			double[] r = regimeCase(md, model, traces, grid, seed, 300000, 60000, 20, es, train);
			summary.add(r);
		}
		seedSummary(md, summary, Double.NaN);
	}

	/**
	 * Reconstructs from {@code traces}, explores {@code grid} and compares with the model
	 * simulated at every grid value. Returns {agreement, burst-count agreement, held-out
	 * agreement, seconds, transition error (grid steps), spikes-per-burst monotone}.
	 */
	static double[] regimeCase(StringBuilder md, NeuronModel model, List<Trace> traces, double[] grid, long seed, double duration,
		double settle, double dt, Explorer.Settings es, double[] train)
	{
		ReconstructionSettings settings = settings(seed);
		long t0 = System.nanoTime();
		Reconstruction.Result r = Reconstruction.run(traces, settings, LOG);
		double reconstructSeconds = (System.nanoTime() - t0) / 1e9;
		ReconstructedModel m = r.model;
		Explorer.Settings explore = es != null ? es : new Explorer.Settings();
		explore.grid = grid;
		explore.seed = seed;
		t0 = System.nanoTime();
		List<Explorer.Point> points = Explorer.explore(m, explore, LOG);
		double exploreSeconds = (System.nanoTime() - t0) / 1e9;
		int step = m.subsampling();
		// one rule for map and truth: the spike thresholds the model took from its recordings
		RegimeClassifier classifier = m.classifier();
		ModelSimulator sim = new ModelSimulator(model);
		md.append(String.format(Locale.ROOT, "### Seed %d%n%nReconstruction %.0f s (%s; state dimension %d, active %s; autoencoder %d epochs, map best epoch %d of %d%s), exploration %.0f s.%s%n%n",
			seed, reconstructSeconds, r.embedding, r.active.length, Arrays.toString(r.active), r.autoencoderHistory.epochs().size(),
			r.mapHistory.bestEpoch, r.mapHistory.epochs().size(), r.mapHistory.stoppedEarly ? ", stopped early" : "", exploreSeconds, overridesNote()));
		md.append("Classifier: " + (m.spikeThresholds() == null ? "adaptive (no recorded spikes)" : m.spikeThresholds()) + ", applied to map and truth alike.\n\n");
		md.append(selfCheckTable(r)).append("\n");
		if (train != null) md.append(trainingPeaks(m, model, train, seed, duration, settle, dt, explore)).append("\n\n");
		md.append("| p | seen | true regime | map regime | class | spikes/burst true / map | mean ISI true / map | D_stsp | D_H |\n");
		md.append("|---|---|---|---|---|---|---|---|---|\n");
		int agree = 0, burstBoth = 0, burstWithin = 0, heldOut = 0, heldAgree = 0;
		double trueTransition = Double.NaN, mapTransition = Double.NaN;
		List<Double> mapSpb = new ArrayList<>();
		for (int i = 0; i < grid.length; i++) {
			Explorer.Point p = points.get(i);
			float[] xt = sim.simulate(grid[i], model.initialState(), duration, settle, dt, null, Progress.NONE)[0];
			double[] truth = subsample(xt, step);
			RegimeStats rt = classifier.classify(truth, m.dt());
			RegimeStats rm = p.regimes[0];
			String ct = rt.regime().name(), cm = rm == null ? "DIVERGED" : rm.regime().name();
			boolean ok = ct.equals(cm);
			boolean seen = contains(train, grid[i]);
			if (ok) agree++;
			if (!seen) {
				heldOut++;
				if (ok) heldAgree++;
			}
			String spb = "";
			if (rm != null && rt.regime() == RegimeStats.Regime.BURSTING && rm.regime() == RegimeStats.Regime.BURSTING) {
				burstBoth++;
				if (Math.abs(rt.spikesPerBurst() - rm.spikesPerBurst()) <= 1) burstWithin++;
			}
			if (rt.regime() == RegimeStats.Regime.BURSTING || (rm != null && rm.regime() == RegimeStats.Regime.BURSTING))
				spb = fmt(rt.meanSpikesPerBurst()) + " / " + (rm == null ? "-" : fmt(rm.meanSpikesPerBurst()));
			if (rm != null && rm.regime() == RegimeStats.Regime.BURSTING) mapSpb.add(rm.meanSpikesPerBurst());
			if (Double.isNaN(trueTransition) && rt.regime() == RegimeStats.Regime.BURSTING) trueTransition = i;
			if (Double.isNaN(mapTransition) && rm != null && rm.regime() == RegimeStats.Regime.BURSTING) mapTransition = i;
			if (dump != null) dumpTraces(grid[i], truth, p.orbits[0]);
			double dstsp = Double.NaN, dh = Double.NaN;
			if (rm != null) {
				double[] xm = toDouble(p.orbits[0]);
				int delay = Math.max(1, m.embeddingDimension() / 4);
				dstsp = TrajectoryMetrics.stateSpaceDivergence(truth, xm, delay);
				dh = TrajectoryMetrics.spectralHellinger(truth, xm);
			}
			md.append(String.format(Locale.ROOT, "| %.4g | %s | %s | %s | %s | %s | %s / %s | %.3f | %.3f |%n", grid[i], seen ? "yes" : "",
				rt.label(), p.label() + (p.coexisting() ? " (coexists with other orbits)" : ""), ok ? "agree" : "**differ**", spb,
				fmt(rt.meanIsi()), rm == null ? "-" : fmt(rm.meanIsi()), dstsp, dh));
		}
		boolean monotone = true;
		for (int i = 1; i < mapSpb.size(); i++) monotone &= mapSpb.get(i) >= mapSpb.get(i - 1) - 0.5;
		double transitionError = Double.isNaN(trueTransition) || Double.isNaN(mapTransition) ? Double.NaN : Math.abs(mapTransition - trueTransition);
		md.append(String.format(Locale.ROOT, "%nRegime class agrees at %d/%d grid points (%.0f%%), held-out %d/%d; both bursting at %d points, spikes per burst within 1 at %d.",
			agree, grid.length, 100.0 * agree / grid.length, heldAgree, heldOut, burstBoth, burstWithin));
		md.append(String.format(Locale.ROOT, " First bursting value: true %s, map %s (error %s grid steps); map spikes per burst %s with the parameter.%n%n",
			Double.isNaN(trueTransition) ? "none" : fmt(grid[(int) trueTransition]), Double.isNaN(mapTransition) ? "none" : fmt(grid[(int) mapTransition]),
			Double.isNaN(transitionError) ? "-" : fmt(transitionError), mapSpb.size() < 2 ? "(too few bursting points)" : monotone ? "grows" : "does not grow"));
		return new double[] { (double) agree / grid.length, burstBoth == 0 ? Double.NaN : (double) burstWithin / burstBoth, heldOut == 0 ? 1 : (double) heldAgree / heldOut,
			reconstructSeconds + exploreSeconds, transitionError, monotone && mapSpb.size() >= 2 ? 1 : 0 };
	}

	/** The self-check of the kept map at every recorded value, and of every trained map. */
	static String selfCheckTable(Reconstruction.Result r) {
		StringBuilder sb = new StringBuilder("Self-check at the recorded values (" + r.selfCheck.summary() + "; every trained map: ");
		for (int i = 0; i < r.candidateChecks.size(); i++) sb.append(i == 0 ? "" : ", ").append(r.candidateChecks.get(i).passed());
		sb.append(" of ").append(r.selfCheck.traces().size()).append("):\n\n| p | recorded | map | peak rec / map | trough rec / map | mean ISI rec / map | result |\n|---|---|---|---|---|---|---|\n");
		for (org.neurodynamics.core.reconstruct.SelfCheck.TraceCheck c : r.selfCheck.traces())
			sb.append(String.format(Locale.ROOT, "| %.4g | %s | %s | %s / %s | %s / %s | %s / %s | %s |%n", c.parameter, c.recorded.label(), c.reconstructed.label(),
				fmt(c.recordedPeak), fmt(c.mapPeak), fmt(c.recordedTrough), fmt(c.mapTrough), fmt(c.recorded.meanIsi()), fmt(c.reconstructed.meanIsi()),
				c.passed() ? "pass" : c.failure));
		return sb.toString();
	}

	/**
	 * Largest decoded value of the free-running map at each training value (over every
	 * initial state, after the transient) against the true trace's largest value: whether
	 * the map reproduces full spikes where it was trained.
	 */
	static String trainingPeaks(ReconstructedModel m, NeuronModel model, double[] train, long seed, double duration, double settle, double dt,
		Explorer.Settings like)
	{
		Explorer.Settings es = new Explorer.Settings();
		es.iterations = like.iterations;
		es.transientSteps = like.transientSteps;
		es.grid = train;
		es.seed = seed;
		List<Explorer.Point> points = Explorer.explore(m, es, Progress.NONE);
		ModelSimulator sim = new ModelSimulator(model);
		StringBuilder sb = new StringBuilder("Largest decoded value at the training values, map / true:");
		for (int i = 0; i < train.length; i++) {
			float mapMax = Float.NEGATIVE_INFINITY, trueMax = Float.NEGATIVE_INFINITY;
			for (float[] o : points.get(i).orbits) for (float v : o) if (Float.isFinite(v)) mapMax = Math.max(mapMax, v);
			for (float v : sim.simulate(train[i], model.initialState(), duration, settle, dt, null, Progress.NONE)[0]) trueMax = Math.max(trueMax, v);
			sb.append(String.format(Locale.ROOT, "%s %s = %.2f / %.2f", i == 0 ? "" : ",", fmt(train[i]), mapMax, trueMax));
		}
		System.err.println(sb);
		return sb.append('.').toString();
	}

	static void seedSummary(StringBuilder md, List<double[]> rows, double target) {
		if (rows.isEmpty()) return;
		double[] agree = rows.stream().mapToDouble(r -> r[0]).toArray();
		md.append(String.format(Locale.ROOT, "**Summary over %d seed(s):** class agreement %s (min %.0f%%, mean %.0f%%, max %.0f%%), spikes-per-burst within 1 where both burst %s (n/a: no grid point where both burst), held-out agreement %s, transition error %s grid steps, seconds %s.",
			rows.size(), pct(agree), 100 * min(agree), 100 * mean(agree), 100 * max(agree), pct(rows.stream().mapToDouble(r -> r[1]).toArray()),
			pct(rows.stream().mapToDouble(r -> r[2]).toArray()), Arrays.toString(rows.stream().mapToDouble(r -> r[4]).toArray()),
			Arrays.toString(rows.stream().mapToLong(r -> Math.round(r[3])).toArray())));
		if (!Double.isNaN(target))
			md.append(String.format(Locale.ROOT, " Target >= %.0f%%: %s.", 100 * target, min(agree) >= target - 1e-9 ? "**met**" : "**not met**"));
		md.append("\n");
	}

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

	/**
	 * A real recording: current-clamp steps, the step current as control parameter,
	 * trained on every other sweep (step window only), spike count of every held-out sweep
	 * predicted by iterating the map from the state at the step onset.
	 */
	static void abf(StringBuilder md, long[] seeds) {
		AbfFile file = AbfReader.read(Paths.get("test-data/abf/17o05028_ic_steps.abf"));
		int dac = file.stimulusDac(0);
		StepLevels levels = file.stepLevels(dac);
		int[] window = stepWindow(file, dac);
		md.append("## Real recording: 17o05028_ic_steps.abf\n\n");
		md.append(String.format(Locale.ROOT, "%d current-clamp sweeps at %.0f kHz; step window samples [%d, %d) (%.0f ms), found from the command waveform. ",
			file.sweepCount(), file.sampleRate() / 1000, window[0], window[1], (window[1] - window[0]) * file.sampleIntervalMs()));
		md.append("Each sweep's step window is one trace at constant current (the step level); it starts at the step onset, so it holds the response from rest. ")
			.append("Trained on the even sweeps; for every odd (held-out) sweep the map is iterated from the state at the onset of the nearest training sweep for the window's length, ")
			.append("and the spikes of the decoded trace are counted.\nTarget: spike count per held-out sweep within 20%.\n\n");
		List<Trace> all = new ArrayList<>(), train = new ArrayList<>();
		for (int s = 0; s < file.sweepCount(); s++) {
			float[] x = Arrays.copyOfRange(file.sweep(s, 0), window[0], window[1]);
			Trace t = new Trace("sweep " + s, x, file.sampleIntervalMs(), "ms", file.adcUnit(0), levels.level(s), "I (pA)");
			all.add(t);
			if (s % 2 == 0) train.add(t);
		}
		SpikeDetector detector = new SpikeDetector().withAbsoluteThreshold(-20);
		for (long seed : seeds) {
			ReconstructionSettings settings = settings(seed);
			long t0 = System.nanoTime();
			Reconstruction.Result r = Reconstruction.run(train, settings, LOG);
			double seconds = (System.nanoTime() - t0) / 1e9;
			ReconstructedModel m = r.model;
			md.append(String.format(Locale.ROOT, "### Seed %d%n%nReconstruction %.0f s (%s; state dimension %d).%s%n%n", seed, seconds, r.embedding, r.active.length, overridesNote()));
			md.append("| sweep | I (pA) | seen | spikes recorded | spikes predicted | error |\n|---|---|---|---|---|---|\n");
			int ok = 0, held = 0;
			for (int s = 0; s < all.size(); s++) {
				Trace t = all.get(s);
				int recorded = detector.detect(t.samples()).count();
				int nearest = s % 2 == 0 ? s : (s + 1 < all.size() ? s + 1 : s - 1);
				float[] predictedTrace = predictFromOnset(m, all.get(nearest), t.parameter(), t.length());
				int predicted = detector.detect(predictedTrace).count();
				boolean within = recorded == 0 ? predicted == 0 : Math.abs(predicted - recorded) <= 0.2 * recorded;
				if (s % 2 == 1) {
					held++;
					if (within) ok++;
				}
				md.append(String.format(Locale.ROOT, "| %d | %.0f | %s | %d | %d | %s |%n", s, t.parameter(), s % 2 == 0 ? "yes" : "", recorded, predicted,
					within ? "within 20%" : "**off**"));
			}
			md.append(String.format(Locale.ROOT, "%nHeld-out sweeps predicted within 20%%: %d/%d. Target all: %s.%n%n", ok, held, ok == held ? "**met**" : "**not met**"));
		}
	}

	/** Samples [from, to) of the longest epoch whose level changes across sweeps. */
	static int[] stepWindow(AbfFile file, int dac) {
		int best = -1;
		double bestLevel = 0;
		for (int s = 0; s < file.sweepCount(); s++) {
			double l = Math.abs(file.stepLevels(dac).level(s));
			if (l > bestLevel) {
				bestLevel = l;
				best = s;
			}
		}
		float[] cmd = file.commandWaveform(best, dac);
		float level = (float) file.stepLevels(dac).level(best);
		int from = -1, to = -1, runFrom = -1;
		for (int i = 0; i <= cmd.length; i++) {
			boolean on = i < cmd.length && Math.abs(cmd[i] - level) < 1e-3;
			if (on && runFrom < 0) runFrom = i;
			if (!on && runFrom >= 0) {
				if (i - runFrom > to - from) {
					from = runFrom;
					to = i;
				}
				runFrom = -1;
			}
		}
		return new int[] { from, to };
	}

	/** Iterates the map at p from the recovered state at the start of {@code onset}; decoded, {@code length} samples in input units. */
	static float[] predictFromOnset(ReconstructedModel m, Trace onset, double p, int length) {
		int s = m.subsampling(), de = m.embeddingDimension(), tau = m.delay();
		float[] x = onset.subsample(s).samples();
		float[] row = new float[de];
		int n0 = (de - 1) * tau;
		for (int j = 0; j < de; j++) row[j] = (float) m.normalisation().apply(x[n0 - j * tau]);
		float[] u = m.autoencoder().encodeMean(new float[][] { row }, m.activeCoordinates())[0];
		float[] pp = { (float) p };
		int steps = (length + s - 1) / s - n0;
		float[][] states = new float[steps][];
		org.neurodynamics.core.nn.NeuralMap.Stepper stepper = m.map().stepper(1);
		for (int t = 0; t < steps; t++) {
			states[t] = u.clone();
			stepper.step(u, pp);
		}
		float[] decoded = m.decodeObserved(states);
		float[] out = new float[n0 + steps];
		System.arraycopy(x, 0, out, 0, n0);
		System.arraycopy(decoded, 0, out, n0, steps);
		return out;
	}

	// ------------------------------------------------------------------ helpers

	static ReconstructionSettings settings(long seed) {
		ReconstructionSettings s = new ReconstructionSettings();
		s.seed = seed;
		for (Map.Entry<String, String> e : OVERRIDES.entrySet()) {
			try {
				Field f = ReconstructionSettings.class.getField(e.getKey());
				Class<?> t = f.getType();
				String v = e.getValue();
				if (t == int.class) f.setInt(s, Integer.parseInt(v));
				else if (t == long.class) f.setLong(s, Long.parseLong(v));
				else if (t == double.class) f.setDouble(s, Double.parseDouble(v));
				else if (t == boolean.class) f.setBoolean(s, Boolean.parseBoolean(v));
				else if (t == int[].class) f.set(s, Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray());
				else throw new IllegalArgumentException("cannot set " + e.getKey());
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalArgumentException("No setting '" + e.getKey() + "'", ex);
			}
		}
		return s;
	}

	static String overridesNote() {
		return OVERRIDES.isEmpty() ? "" : " Settings changed from the defaults: " + OVERRIDES + ".";
	}

	static void writeSection(Path out, String name, String body) throws IOException {
		String begin = "<!-- case " + name + " -->", end = "<!-- end " + name + " -->";
		String text = Files.exists(out) ? new String(Files.readAllBytes(out), StandardCharsets.UTF_8)
			: "# Reconstruction benchmark, 2026-12-02\n\nProduced by `org.neurodynamics.bench.ReconstructionBenchmark` (see its class comment for the command). "
				+ "Each case below is replaced when the case is re-run.\n\n";
		String section = begin + "\n" + body.trim() + "\n" + end + "\n";
		int a = text.indexOf(begin), b = text.indexOf(end);
		if (a >= 0 && b > a) text = text.substring(0, a) + section + text.substring(b + end.length() + 1 > text.length() ? text.length() : b + end.length() + 1);
		else text = text + "\n" + section;
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.write(out, text.getBytes(StandardCharsets.UTF_8));
	}

	static void dumpTraces(double p, double[] truth, float[] map) {
		try {
			Files.createDirectories(dump);
			StringBuilder sb = new StringBuilder("true,map\n");
			for (int i = 0; i < Math.max(truth.length, map.length); i++)
				sb.append(i < truth.length ? String.valueOf((float) truth[i]) : "").append(',').append(i < map.length ? String.valueOf(map[i]) : "").append('\n');
			Files.write(dump.resolve(String.format(Locale.ROOT, "p%.4f.csv", p)), sb.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static double cpuSeconds() {
		java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		return os instanceof com.sun.management.OperatingSystemMXBean ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9 : Double.NaN;
	}

	static double[] linspace(double a, double b, int n) {
		double[] v = new double[n];
		for (int i = 0; i < n; i++) v[i] = Math.round((a + i * (b - a) / (n - 1)) * 1e6) / 1e6;
		return v;
	}

	static boolean contains(double[] values, double v) {
		for (double x : values) if (Math.abs(x - v) < 1e-9) return true;
		return false;
	}

	static double[] subsample(float[] x, int step) {
		double[] d = new double[(x.length + step - 1) / step];
		for (int i = 0; i < d.length; i++) d[i] = x[i * step];
		return d;
	}

	static double[] toDouble(float[] x) {
		double[] d = new double[x.length];
		for (int i = 0; i < x.length; i++) d[i] = x[i];
		return d;
	}

	static String fmt(double v) {
		return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3g", v);
	}

	static String cfmt(Complex c) {
		return String.format(Locale.ROOT, "%.3g%+.3gi", c.getReal(), c.getImaginary());
	}

	static String pct(double[] v) {
		StringBuilder sb = new StringBuilder("[");
		for (double x : v) sb.append(sb.length() == 1 ? "" : ", ").append(Double.isNaN(x) ? "n/a" : Math.round(100 * x) + "%");
		return sb.append(']').toString();
	}

	static double min(double[] v) { return Arrays.stream(v).min().orElse(Double.NaN); }
	static double max(double[] v) { return Arrays.stream(v).max().orElse(Double.NaN); }
	static double mean(double[] v) { return Arrays.stream(v).average().orElse(Double.NaN); }
}
