package org.neurodynamics.bench;

import static org.neurodynamics.bench.ReconstructionBenchmark.LOG;
import static org.neurodynamics.bench.ReconstructionBenchmark.dump;
import static org.neurodynamics.bench.ReconstructionBenchmark.overridesNote;
import static org.neurodynamics.bench.ReconstructionBenchmark.settings;
import static org.neurodynamics.bench.ReconstructionReport.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.analysis.RegimeClassifier;
import org.neurodynamics.core.analysis.RegimeStats;
import org.neurodynamics.core.analysis.TrajectoryMetrics;
import org.neurodynamics.core.model.HindmarshRose;
import org.neurodynamics.core.model.ModelSimulator;
import org.neurodynamics.core.model.NeuronModel;
import org.neurodynamics.core.model.ShermanRinzel;
import org.neurodynamics.core.reconstruct.Explorer;
import org.neurodynamics.core.reconstruct.ReconstructedModel;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;
import org.neurodynamics.core.trace.Trace;

/**
 * The regime cases of the {@link ReconstructionBenchmark}: Hindmarsh-Rose and
 * Sherman-Rinzel simulated at the training values, reconstructed, explored over a grid of
 * parameter values and judged against the true model's regime at every grid value.
 */
final class ReconstructionRegimeCases {

	private ReconstructionRegimeCases() {}

	static final double[] HR_TRAIN = { 1.5, 2.25, 3.0, 3.75 };
	/** A second choice of four training currents, to show the result does not hang on one choice. */
	static final double[] HR_TRAIN_OTHER = { 1.6, 2.3, 2.9, 3.6 };
	static final double[] HR_TRAIN_7 = { 1.4, 1.8, 2.2, 2.6, 3.0, 3.4, 3.8 };
	/** The four currents of the comparison with the PyTorch implementation (bench/swap). */
	static final double[] HR_TRAIN_A = { 1.4, 2.1, 2.8, 3.5 };

	/**
	 * Half of a step family of 16 currents over [1.3, 3.8], as an electrophysiologist trains
	 * on every other step: the even steps (half 0) or the odd ones (half 1).
	 */
	static double[] stepFamily(int half) {
		double[] all = linspace(1.3, 3.8, 16), out = new double[8];
		for (int i = 0; i < 8; i++) out[i] = all[2 * i + half];
		return out;
	}

	/**
	 * Training values drawn at random, so that a default is decided on sets nobody tuned on
	 * (draw k always gives the same set): {@code kind} 4 draws four currents from [1.3, 3.8]
	 * at least 0.4 apart; 8 draws a step family of eight currents with a random spacing in
	 * [0.25, 0.357] and a random offset, inside [1.3, 3.8]; 5 draws five Sherman-Rinzel
	 * lambdas from [0.75, 1.0] at least 0.03 apart.
	 */
	static double[] randomDraw(int kind, int k) {
		Random random = new Random(20261207L + 7919L * k + kind);
		double[] v;
		switch (kind) {
			case 4: v = spread(random, 4, 1.3, 3.8, 0.4); break;
			case 5: v = spread(random, 5, 0.75, 1.0, 0.03); break;
			case 8: {
				double spacing = 0.25 + random.nextDouble() * (0.357 - 0.25), offset = 1.3 + random.nextDouble() * (2.5 - 7 * spacing);
				v = new double[8];
				for (int i = 0; i < 8; i++) v[i] = offset + i * spacing;
				break;
			}
			default: throw new IllegalArgumentException("no random draw of kind " + kind);
		}
		for (int i = 0; i < v.length; i++) v[i] = Math.round(v[i] * 1000) / 1000.0;
		return v;
	}

	/** n sorted values uniform on [a, b], redrawn until neighbours are at least {@code gap} apart. */
	private static double[] spread(Random random, int n, double a, double b, double gap) {
		while (true) {
			double[] v = new double[n];
			for (int i = 0; i < n; i++) v[i] = a + random.nextDouble() * (b - a);
			Arrays.sort(v);
			boolean ok = true;
			for (int i = 1; i < n; i++) ok &= v[i] - v[i - 1] >= gap;
			if (ok) return v;
		}
	}

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
		shermanRinzel(md, seeds, new double[] { 0.8, 0.9, 1.0 });
	}

	static void shermanRinzel(StringBuilder md, long[] seeds, double[] train) {
		NeuronModel model = new ShermanRinzel();
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
		md.append("| p | seen | true regime | map regime | class | ensemble (members agreeing) | spikes/burst true / map | mean ISI true / map | D_stsp | D_H |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|\n");
		int agree = 0, burstBoth = 0, burstWithin = 0, heldOut = 0, heldAgree = 0, heldMajority = 0, unanimous = 0, unanimousRight = 0;
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
			// the ensemble's majority class, and whether every member shares it
			boolean majorityOk = Explorer.regimeClass(p.ensembleLabel()).equals(Explorer.regimeClass(rt.label()));
			boolean allAgree = p.membersAgreeing() == p.memberLabels.length;
			if (!seen) {
				heldOut++;
				if (ok) heldAgree++;
				if (majorityOk) heldMajority++;
				if (allAgree) unanimous++;
				if (allAgree && majorityOk) unanimousRight++;
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
			if (dump != null) dumpTraces(dump, grid[i], truth, p.orbits[0]);
			double dstsp = Double.NaN, dh = Double.NaN;
			if (rm != null) {
				double[] xm = toDouble(p.orbits[0]);
				int delay = Math.max(1, m.embeddingDimension() / 4);
				dstsp = TrajectoryMetrics.stateSpaceDivergence(truth, xm, delay);
				dh = TrajectoryMetrics.spectralHellinger(truth, xm);
			}
			md.append(String.format(Locale.ROOT, "| %.4g | %s | %s | %s | %s | %s (%d of %d) | %s | %s / %s | %.3f | %.3f |%n", grid[i], seen ? "yes" : "",
				rt.label(), p.label() + (p.coexisting() ? " (coexists with other orbits)" : ""), ok ? "agree" : "**differ**",
				p.ensembleLabel(), p.membersAgreeing(), p.memberLabels.length, spb,
				fmt(rt.meanIsi()), rm == null ? "-" : fmt(rm.meanIsi()), dstsp, dh));
		}
		int recordedClass = r.selfCheck.sameRegime(), recordedExact = 0;
		for (org.neurodynamics.core.reconstruct.SelfCheck.TraceCheck c : r.selfCheck.traces())
			if (c.sameRegime() && c.recorded.spikesPerBurst() == c.reconstructed.spikesPerBurst()) recordedExact++;
		boolean monotone = true;
		for (int i = 1; i < mapSpb.size(); i++) monotone &= mapSpb.get(i) >= mapSpb.get(i - 1) - 0.5;
		double transitionError = Double.isNaN(trueTransition) || Double.isNaN(mapTransition) ? Double.NaN : Math.abs(mapTransition - trueTransition);
		if (ReconstructionBenchmark.tsv != null) {
			String row = String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.0f\t%d\t%s\t%d\t%d\t%d\t%s%n", ReconstructionBenchmark.label,
				Arrays.toString(train), seed, train.length, recordedClass, recordedExact, r.selfCheck.passed(), heldOut, heldAgree, burstBoth, burstWithin,
				reconstructSeconds + exploreSeconds, r.active.length, Double.isNaN(transitionError) ? "-" : fmt(transitionError),
				heldMajority, unanimous, unanimousRight, fmt(Explorer.suggestNextRecording(m, points)));
			try {
				java.nio.file.Files.write(ReconstructionBenchmark.tsv, row.getBytes(), java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
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
}
