package org.neurodynamics.core.nn;

import java.util.ArrayList;
import java.util.List;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.data.StateSequence;

/**
 * The map's training data: standardised copies of the state sequences and the windows
 * drawn from them. A window is a start (sequence, step), packed as
 * {@code (sequence << 32) | step}; windows never cross sequences. The tail of every
 * sequence is held out for validation.
 */
final class MapWindows {
	final int d;
	final MapNormalisation norm;
	/** Standardised states, row-major per sequence. */
	private final float[][] std;
	/** Standardised parameter per sequence and step. */
	private final float[][] pStd;
	/** Training windows of {@code steps + 1} states (shuffled in place by the trainer). */
	final long[] training;
	/** Validation windows of {@code validationSteps + 1} states, at most 1024, evenly spread. */
	final long[] validation;
	/** The increment scale of the network's output (null = 1): see {@link MapBatch#scale}. */
	final float[] scale;

	private MapWindows(int d, MapNormalisation norm, float[][] std, float[][] pStd, long[] training, long[] validation, float[] scale) {
		this.d = d;
		this.scale = scale;
		this.norm = norm;
		this.std = std;
		this.pStd = pStd;
		this.training = training;
		this.validation = validation;
	}

	/**
	 * Checks and standardises the sequences, with {@code norm} or, if it is null, with
	 * statistics of their training part.
	 */
	static MapWindows of(NeuralMap.Config config, List<StateSequence> sequences, MapNormalisation norm, int steps) {
		final int d = config.stateSize, v = config.validationSteps;
		if (sequences.isEmpty()) throw new UserInputException("There are no state sequences to train the map on.");
		int[] trainLen = new int[sequences.size()];
		for (int s = 0; s < sequences.size(); s++) {
			StateSequence q = sequences.get(s);
			if (q.length() > 0 && q.dimension() != d)
				throw new UserInputException("The map expects states of dimension " + d + " but sequence " + (s + 1) + " has dimension " + q.dimension() + ".");
			for (int t = 0; t < q.length(); t++)
				if (!Double.isFinite(q.parameter(t))) throw new UserInputException("Sequence " + (s + 1) + " has a non-finite parameter value at step " + t + ".");
			int held = (int) Math.round(config.validationFraction * q.length());
			trainLen[s] = q.length() - held;
		}
		MapNormalisation nz = norm != null ? norm : MapNormalisation.of(sequences, trainLen, d);
		float[][] std = new float[sequences.size()][];
		float[][] pStd = new float[sequences.size()][];
		for (int s = 0; s < sequences.size(); s++) {
			StateSequence q = sequences.get(s);
			float[] a = new float[q.length() * d];
			for (int t = 0; t < q.length(); t++) {
				float[] u = q.state(t);
				for (int i = 0; i < d; i++) {
					if (!Float.isFinite(u[i])) throw new UserInputException("Sequence " + (s + 1) + " has a non-finite state at step " + t + ".");
					a[t * d + i] = (float) ((u[i] - nz.mean[i]) / nz.std[i]);
				}
			}
			std[s] = a;
			pStd[s] = new float[q.length()];
			for (int t = 0; t < q.length(); t++)
				pStd[s][t] = (float) ((q.parameter(t) - nz.pMean) / nz.pStd);
		}
		List<Long> trainW = new ArrayList<>(), valW = new ArrayList<>();
		for (int s = 0; s < sequences.size(); s++) {
			for (int t = 0; t + steps <= trainLen[s] - 1; t++)
				trainW.add(((long) s << 32) | t);
			for (int t = trainLen[s]; t + v <= sequences.get(s).length() - 1; t++)
				valW.add(((long) s << 32) | t);
		}
		if (trainW.isEmpty())
			throw new UserInputException("The state sequences are too short for a " + steps + "-step training window (after holding out "
				+ Math.round(config.validationFraction * 100) + "% for validation).");
		long[] windows = trainW.stream().mapToLong(Long::longValue).toArray();
		float[] scale = config.incrementScaling && config.increment ? incrementSpread(std, trainLen, d) : null;
		return new MapWindows(d, nz, std, pStd, windows, evenSubset(valW, 1024), scale);
	}

	/** Root mean square of every standardised coordinate's one-step increments over the training parts. */
	private static float[] incrementSpread(float[][] std, int[] trainLen, int d) {
		double[] sum2 = new double[d];
		long count = 0;
		for (int s = 0; s < std.length; s++)
			for (int t = 0; t + 1 < trainLen[s]; t++, count++)
				for (int i = 0; i < d; i++) {
					double e = std[s][(t + 1) * d + i] - std[s][t * d + i];
					sum2[i] += e * e;
				}
		float[] scale = new float[d];
		for (int i = 0; i < d; i++) {
			double rms = count == 0 ? 0 : Math.sqrt(sum2[i] / count);
			scale[i] = rms > 1e-6 ? (float) rms : 1f; // a constant coordinate keeps unit steps
		}
		return scale;
	}

	private static long[] evenSubset(List<Long> all, int max) {
		int n = Math.min(all.size(), max);
		long[] r = new long[n];
		for (int i = 0; i < n; i++)
			r[i] = all.get((int) ((long) i * all.size() / n));
		return r;
	}

	/** Fills the states and parameters of {@code b} from {@code b.n} windows starting at {@code windows[from]}. */
	void fill(MapBatch b, long[] windows, int from) {
		for (int i = 0; i < b.n; i++) {
			long w = windows[from + i];
			int s = (int) (w >>> 32), t = (int) w;
			for (int j = 0; j <= b.steps; j++)
				System.arraycopy(std[s], (t + j) * d, b.states[j], i * d, d);
			for (int j = 0; j < b.steps; j++)
				b.p[j][i] = pStd[s][t + j];
		}
	}

	/**
	 * Mean squared error (standardised units) over {@code steps} noise-free iterates from
	 * the validation windows; NaN without validation windows.
	 */
	double validationError(Mlp net, int steps, boolean increment) {
		long[] windows = validation;
		int n = windows.length;
		if (n == 0) return Double.NaN;
		Mlp.Cache c = net.newCache(n);
		float[] x = c.input();
		for (int i = 0; i < n; i++) {
			int s = (int) (windows[i] >>> 32), t = (int) windows[i];
			System.arraycopy(std[s], t * d, x, i * (d + 1), d);
		}
		double sse = 0;
		for (int j = 1; j <= steps; j++) {
			for (int i = 0; i < n; i++)
				x[i * (d + 1) + d] = pStd[(int) (windows[i] >>> 32)][(int) windows[i] + j - 1];
			float[] out = net.forward(c);
			for (int i = 0; i < n; i++) {
				int s = (int) (windows[i] >>> 32), t = (int) windows[i];
				for (int q = 0; q < d; q++) {
					int o = i * (d + 1) + q;
					x[o] = increment ? x[o] + (scale == null ? 1f : scale[q]) * out[i * d + q] : out[i * d + q];
					double e = x[o] - std[s][(t + j) * d + q];
					sse += e * e;
				}
			}
		}
		return sse / ((double) steps * n * d);
	}
}
