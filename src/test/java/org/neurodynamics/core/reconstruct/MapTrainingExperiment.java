package org.neurodynamics.core.reconstruct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.analysis.RegimeClassifier;
import org.neurodynamics.core.data.StateSequence;
import org.neurodynamics.core.embed.DelayEmbedding;
import org.neurodynamics.core.model.HindmarshRose;
import org.neurodynamics.core.model.ModelSimulator;
import org.neurodynamics.core.nn.NeuralMap;
import org.neurodynamics.core.trace.Trace;

/**
 * Compares map-training variants on one fixed autoencoder (Hindmarsh-Rose): the autoencoder
 * is trained once, then each variant trains a map on the same recovered states and is judged
 * by the self-check at the recorded values and by the regime class at 16 values over
 * [1.2, 4.0], with the model's fixed spike thresholds for map and truth alike.
 * <p>
 * Arguments: training currents (comma-separated), autoencoder settings
 * ({@code epochs=..;lr=..;beta=..}), then map variants, each
 * {@code key=value;key=value} over rollout, forcing, inputNoise, stateNoise, epochs, samples, seed.
 */
public final class MapTrainingExperiment {

	public static void main(String[] args) {
		double[] train = Arrays.stream(args[0].split(",")).mapToDouble(Double::parseDouble).toArray();
		ModelSimulator sim = new ModelSimulator(new HindmarshRose());
		List<Trace> traces = new ArrayList<>();
		for (int k = 0; k < train.length; k++) traces.add(sim.trace(0, train[k], 4000, 1000, 0.5, 0, k, Progress.NONE));
		ReconstructionSettings s = new ReconstructionSettings();
		s.stateDimension = 3;
		s.mapEpochs = 1;
		s.mapCandidates = 1;
		for (String kv : args[1].split(";")) {
			String[] p = kv.split("=");
			switch (p[0]) {
				case "epochs": s.autoencoderEpochs = Integer.parseInt(p[1]); break;
				case "lr": s.autoencoderLearningRate = Double.parseDouble(p[1]); break;
				case "beta": s.beta = Double.parseDouble(p[1]); break;
				case "-": break;
				default: throw new IllegalArgumentException(p[0]);
			}
		}
		long t0 = System.nanoTime();
		Reconstruction.Result base = Reconstruction.run(traces, s, Progress.NONE);
		ReconstructedModel m = base.model;
		System.out.printf(Locale.ROOT, "autoencoder: %s, MSE %.4f, %.0f s; %s%n", m.layout(), base.autoencoderHistory.last().reconstructionMse,
			(System.nanoTime() - t0) / 1e9, m.spikeThresholds());
		DelayEmbedding embedding = new DelayEmbedding(traces, m.layout(), m.subsampling(), m.normalisation());
		float[][] states = m.autoencoder().encodeMean(embedding, m.activeCoordinates(), Progress.NONE);
		List<StateSequence> sequences = new ArrayList<>();
		String[] names = new String[traces.size()];
		float[][][] starts = new float[traces.size()][][];
		float[][] recorded = new float[traces.size()][];
		for (int k = 0; k < embedding.traceCount(); k++) {
			int from = (int) embedding.firstRow(k);
			sequences.add(new StateSequence(Arrays.copyOfRange(states, from, from + embedding.windows(k)), train[k]));
			names[k] = traces.get(k).name();
			starts[k] = sequences.get(k).states();
			float[] x = traces.get(k).subsample(m.subsampling()).samples();
			recorded[k] = Arrays.copyOfRange(x, embedding.span() + 1, x.length);
		}
		// decoded recorded states: how well can the decoder alone draw a spike?
		float[][] all = Arrays.copyOfRange(states, 0, embedding.windows(0));
		float[] dec = m.decodeObserved(all);
		float max = Float.NEGATIVE_INFINITY;
		for (float v : dec) max = Math.max(max, v);
		System.out.printf(Locale.ROOT, "decoded recorded states of trace 1: largest value %.3f (recorded peak %.3f)%n", max, m.spikeThresholds().peak);

		double[] grid = new double[16];
		String[] truth = new String[grid.length];
		RegimeClassifier classifier = m.classifier();
		for (int i = 0; i < grid.length; i++) {
			grid[i] = 1.2 + i * (4.0 - 1.2) / 15;
			float[] x = sim.simulate(grid[i], new HindmarshRose().initialState(), 4000, 1000, 0.5, null, Progress.NONE)[0];
			truth[i] = classifier.classify(toDouble(x, m.subsampling()), m.dt()).label();
		}
		System.out.println("truth: " + String.join(" ", truth));
		for (int v = 2; v < args.length; v++) {
			NeuralMap.Config c = NeuralMap.Config.of(3).withHidden(s.mapHidden).withIncrement(true).withRolloutSteps(s.rolloutSteps)
				.withInputNoise(s.inputNoise).withStateNoise(s.stateNoise).withEpochs(s.mapEpochs).withMaxSamplesPerEpoch(s.samplesPerEpoch)
				.withEpochs(40).withLearningRate(1e-3);
			for (String kv : args[v].split(";")) {
				String[] p = kv.split("=");
				switch (p[0]) {
					case "rollout": c = c.withRolloutSteps(Integer.parseInt(p[1])); break;
					case "forcing": c = c.withTeacherForcing(Double.parseDouble(p[1])); break;
					case "forcingEnd": c = c.withTeacherForcing(c.teacherForcing, Double.parseDouble(p[1])); break;
					case "inputNoise": c = c.withInputNoise(Double.parseDouble(p[1])); break;
					case "stateNoise": c = c.withStateNoise(Double.parseDouble(p[1])); break;
					case "epochs": c = c.withEpochs(Integer.parseInt(p[1])); break;
					case "samples": c = c.withMaxSamplesPerEpoch(Long.parseLong(p[1])); break;
					case "seed": c = c.withSeed(Long.parseLong(p[1])); break;
					case "batch": c = c.withBatchSize(Integer.parseInt(p[1])); break;
					case "scaling": c = c.withIncrementScaling(Boolean.parseBoolean(p[1])); break;
					case "lr": c = c.withLearningRate(Double.parseDouble(p[1])); break;
					default: throw new IllegalArgumentException(p[0]);
				}
			}
			t0 = System.nanoTime();
			NeuralMap map = new NeuralMap(c);
			NeuralMap.History h = map.train(sequences, Progress.NONE);
			double trainSeconds = (System.nanoTime() - t0) / 1e9;
			ReconstructedModel candidate = new ReconstructedModel(m.autoencoder(), m.activeCoordinates(), map, m.normalisation(), m.layout(),
				m.subsampling(), m.dt(), "", "", "I", train, new float[train.length][0], m.initialStates, new float[train.length][0], m.spikeThresholds());
			SelfCheck.Result check = SelfCheck.run(candidate, names, train, starts, recorded);
			Explorer.Settings es = new Explorer.Settings();
			es.grid = grid;
			es.initialStates = 1;
			es.iterations = 8000;
			es.fixedPointValues = 0;
			List<Explorer.Point> points = Explorer.explore(candidate, es, Progress.NONE);
			int agree = 0;
			StringBuilder labels = new StringBuilder();
			for (int i = 0; i < grid.length; i++) {
				String l = points.get(i).regimes[0] == null ? "diverged" : points.get(i).regimes[0].label();
				boolean ok = l.equals(truth[i]) || l.split("-")[0].equals(truth[i].split("-")[0]);
				if (ok) agree++;
				labels.append(ok ? "" : "*").append(l).append(' ');
			}
			StringBuilder sc = new StringBuilder();
			for (SelfCheck.TraceCheck t : check.traces()) sc.append(t.reconstructed.label()).append(String.format(Locale.ROOT, "(%.2f) ", t.mapPeak));
			System.out.printf(Locale.ROOT, "%s | train %.0f s, best epoch %d | self-check %d/%d: %s| class %d/16 | %s%n", args[v], trainSeconds,
				h.bestEpoch, check.passed(), train.length, sc, agree, labels);
		}
	}

	private static double[] toDouble(float[] x, int step) {
		double[] d = new double[(x.length + step - 1) / step];
		for (int i = 0; i < d.length; i++) d[i] = x[i * step];
		return d;
	}
}
