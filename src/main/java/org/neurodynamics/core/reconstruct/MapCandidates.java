package org.neurodynamics.core.reconstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

import org.neurodynamics.core.Parallel;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.data.StateSequence;
import org.neurodynamics.core.nn.NeuralMap;

/**
 * Trains the candidate maps of a reconstruction, one per seed, side by side on the
 * machine's cores (each map's matrix products use one thread, so two maps on two cores
 * take about the time of one), and runs each one's self-check. The maps do not depend on
 * the order in which they finish: every candidate has its own seed and buffers.
 */
final class MapCandidates {

	/** One trained candidate with its self-check. */
	static final class Candidate {
		final ReconstructedModel model;
		final NeuralMap.History history;
		final SelfCheck.Result check;

		Candidate(ReconstructedModel model, NeuralMap.History history, SelfCheck.Result check) {
			this.model = model;
			this.history = history;
			this.check = check;
		}
	}

	/** What becomes of candidate m's trained map: its model, and that model's self-check. */
	interface Judge {
		ReconstructedModel model(int m, NeuralMap map);

		SelfCheck.Result check(int m, ReconstructedModel model);
	}

	private MapCandidates() {}

	/**
	 * @param config the map of candidate m (0-based), its seed included
	 * @param sequences the state sequences candidate m is trained on
	 * @return the candidates in the order of m
	 */
	static List<Candidate> train(int count, IntFunction<NeuralMap.Config> config, IntFunction<List<StateSequence>> sequences, Judge judge,
		Progress progress)
	{
		Shared shared = new Shared(progress, count);
		List<Callable<Candidate>> tasks = new ArrayList<>();
		for (int m = 0; m < count; m++) {
			int index = m;
			tasks.add(() -> {
				NeuralMap map = new NeuralMap(config.apply(index));
				NeuralMap.History h = map.train(sequences.apply(index), shared.of(index));
				ReconstructedModel model = judge.model(index, map);
				return new Candidate(model, h, judge.check(index, model));
			});
		}
		List<Candidate> done = Parallel.run("map-training", "Training maps", tasks);
		for (int m = 0; m < count; m++)
			progress.report("Self-check", (m + 1.0) / count, "map " + (m + 1) + " of " + count + ": " + done.get(m).check.summary());
		return done;
	}

	/** One progress for all candidates: the mean of their fractions, reported one at a time. */
	private static final class Shared {
		private final Progress target;
		private final double[] fractions;

		Shared(Progress target, int count) {
			this.target = target;
			this.fractions = new double[count];
		}

		Progress of(int m) {
			return new Progress() {
				@Override
				public void report(String stage, double fraction, String message) {
					synchronized (Shared.this) {
						fractions[m] = fraction;
						double sum = 0;
						for (double f : fractions) sum += f;
						String label = fractions.length == 1 ? "" : "map " + (m + 1) + " of " + fractions.length + ": ";
						target.report(stage, sum / fractions.length, message == null ? label : label + message);
					}
				}

				@Override
				public boolean isCancelled() {
					return target.isCancelled();
				}
			};
		}
	}
}
