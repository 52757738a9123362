package org.neurodynamics.core.reconstruct;

import org.neurodynamics.core.nn.MapStepper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import org.neurodynamics.core.Parallel;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.nn.NeuralMap;

/**
 * Orbits of a map decoded to the observed variable: a batch of states is iterated (a
 * transient, then the recorded steps) and every recorded state is decoded, a chunk of
 * steps at a time. The rows are split into parts of about {@value #ROWS_PER_PART}, which
 * run side by side on the machine's cores; the parts do not depend on the number of cores,
 * so the orbits are the same on every machine.
 */
final class DecodedOrbits {

	/** Steps iterated before their states are decoded in one batch. */
	private static final int CHUNK = 200;
	/** Rows per part: enough that a part's matrix products are efficient. */
	private static final int ROWS_PER_PART = 64;

	private DecodedOrbits() {}

	/** Orbits of a batch, and the map's own states at the start of every orbit. */
	static final class Result {
		/** [n][steps]: the observed variable, in input units, after the transient. */
		final float[][] orbits;
		/** [n][kept * d]: the first {@code kept} states of every orbit after the transient, row-major. */
		final float[][] states;

		Result(float[][] orbits, float[][] states) {
			this.orbits = orbits;
			this.states = states;
		}
	}

	/**
	 * @param starts n initial states (d each), in the map's units
	 * @param p the n parameter values
	 * @return [n][steps]: the observed variable, in input units, after the transient
	 */
	static float[][] of(ReconstructedModel model, NeuralMap map, float[][] starts, float[] p, int transientSteps, int steps,
		Progress progress)
	{
		return of(model, map, starts, p, transientSteps, steps, 0, progress).orbits;
	}

	/** As {@link #of(ReconstructedModel, NeuralMap, float[][], float[], int, int, Progress)}, keeping the first {@code kept} states too. */
	static Result of(ReconstructedModel model, NeuralMap map, float[][] starts, float[] p, int transientSteps, int steps, int kept,
		Progress progress)
	{
		float[][] constant = new float[p.length][];
		for (int i = 0; i < p.length; i++) constant[i] = new float[] { p[i] };
		return driven(model, map, starts, constant, transientSteps, steps, kept, progress);
	}

	/**
	 * Orbits under a parameter that changes every step: row i is driven by {@code drive[i][t]}
	 * at step t (counted from the start, transient included), and by its last value after
	 * its end.
	 */
	static float[][] driven(ReconstructedModel model, NeuralMap map, float[][] starts, float[][] drive, int steps) {
		return driven(model, map, starts, drive, 0, steps, 0, Progress.NONE).orbits;
	}

	private static Result driven(ReconstructedModel model, NeuralMap map, float[][] starts, float[][] p, int transientSteps, int steps,
		int kept, Progress progress)
	{
		int n = starts.length;
		int parts = Math.max(1, n / ROWS_PER_PART);
		if (parts == 1) return onOneThread(model, map, starts, p, transientSteps, steps, kept, progress);
		List<Callable<Result>> tasks = new ArrayList<>();
		for (int k = 0; k < parts; k++) {
			int from = (int) ((long) n * k / parts), to = (int) ((long) n * (k + 1) / parts);
			Progress reporting = k == 0 ? progress : cancelOnly(progress);
			tasks.add(() -> onOneThread(model, map, Arrays.copyOfRange(starts, from, to), Arrays.copyOfRange(p, from, to),
				transientSteps, steps, kept, reporting));
		}
		float[][] orbits = new float[n][], states = new float[n][];
		int at = 0;
		for (Result part : Parallel.run("map-iteration", "Exploration", tasks)) {
			System.arraycopy(part.orbits, 0, orbits, at, part.orbits.length);
			System.arraycopy(part.states, 0, states, at, part.states.length);
			at += part.orbits.length;
		}
		return new Result(orbits, states);
	}

	/** The parameter of every row at step t, into {@code p}. */
	private static float[] at(float[][] drive, int t, float[] p) {
		for (int i = 0; i < p.length; i++) p[i] = drive[i][Math.min(t, drive[i].length - 1)];
		return p;
	}

	/** Rows of equal length, concatenated. */
	static float[] flatten(float[][] rows) {
		int d = rows.length == 0 ? 0 : rows[0].length;
		float[] flat = new float[rows.length * d];
		for (int i = 0; i < rows.length; i++)
			System.arraycopy(rows[i], 0, flat, i * d, d);
		return flat;
	}

	private static Progress cancelOnly(Progress p) {
		return new Progress() {
			@Override
			public void report(String stage, double fraction, String message) {}

			@Override
			public boolean isCancelled() {
				return p.isCancelled();
			}
		};
	}

	private static Result onOneThread(ReconstructedModel model, NeuralMap map, float[][] starts, float[][] drive,
		int transientSteps, int steps, int kept, Progress progress)
	{
		int n = starts.length, d = model.stateDimension(), keep = Math.min(kept, steps);
		float[] u = flatten(starts), p = new float[n];
		MapStepper stepper = map.stepper(n);
		int total = transientSteps + steps;
		for (int t = 0; t < transientSteps; t++) {
			stepper.step(u, at(drive, t, p));
			if (t % 100 == 0) {
				progress.checkCancelled("Exploration");
				progress.report("Iterating the map", (double) t / total, "transient");
			}
		}
		float[][] orbits = new float[n][steps], states = new float[n][keep * d];
		float[] chunk = new float[CHUNK * n * d];
		for (int t0 = 0; t0 < steps; t0 += CHUNK) {
			int m = Math.min(CHUNK, steps - t0);
			for (int k = 0; k < m; k++) {
				stepper.step(u, at(drive, transientSteps + t0 + k, p));
				System.arraycopy(u, 0, chunk, k * n * d, n * d);
				if (t0 + k < keep)
					for (int i = 0; i < n; i++) System.arraycopy(u, i * d, states[i], (t0 + k) * d, d);
			}
			float[] x = model.decodeObserved(chunk, m * n);
			for (int k = 0; k < m; k++)
				for (int i = 0; i < n; i++) orbits[i][t0 + k] = x[k * n + i];
			progress.checkCancelled("Exploration");
			progress.report("Iterating the map", (double) (transientSteps + t0 + m) / total, "");
		}
		return new Result(orbits, states);
	}
}
