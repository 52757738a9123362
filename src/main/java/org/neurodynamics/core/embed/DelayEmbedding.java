package org.neurodynamics.core.embed;

import java.util.List;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.data.RowSource;
import org.neurodynamics.core.trace.Trace;

/**
 * Delay vectors of several traces, R(n) = [x(n), x(n - tau), ..., x(n - (De-1) tau)] followed
 * by the averaged blocks of a two-scale {@link EmbeddingLayout}, built inside each trace only
 * (a window never spans two traces), after optional subsampling by an integer step and
 * normalisation.
 * <p>
 * The rows are produced on demand ({@link RowSource}): the object keeps only the normalised,
 * subsampled samples as floats, never the N x De matrix. Rows are numbered trace by trace,
 * each trace's windows in time order: row {@code firstRow(k) + w} is window w of trace k,
 * whose newest sample is x(w + span) (in subsampled samples). So consecutive rows of
 * one trace are consecutive states u(n), u(n+1).
 */
public final class DelayEmbedding implements RowSource {

	private final float[][] samples;
	private final String[] names;
	private final double[] parameters;
	private final double[] dts;
	private final long[] firstRow; // length traces + 1
	/** Prefix sums of each trace's samples (for the coarse averages); null for a uniform window. */
	private final double[][] prefix;
	private final EmbeddingLayout layout;
	private final int step;
	private final Normalisation normalisation;

	/**
	 * @param traces the traces (at least one)
	 * @param dimension De, at least 1
	 * @param delay tau in subsampled samples, at least 1
	 * @param step subsampling step s (1 keeps every sample)
	 * @param normalisation applied to every sample; {@code null} fits one over all traces
	 */
	public DelayEmbedding(List<Trace> traces, int dimension, int delay, int step, Normalisation normalisation) {
		this(traces, EmbeddingLayout.uniform(dimension, delay), step, normalisation);
	}

	/**
	 * @param traces the traces (at least one)
	 * @param layout which samples make up a window
	 * @param step subsampling step s (1 keeps every sample)
	 * @param normalisation applied to every sample; {@code null} fits one over all traces
	 */
	public DelayEmbedding(List<Trace> traces, EmbeddingLayout layout, int step, Normalisation normalisation) {
		if (traces.isEmpty()) throw new UserInputException("No traces were given; select at least one trace.");
		if (step < 1) throw new UserInputException("The subsampling step must be at least 1, got " + step + ".");
		this.layout = layout;
		this.step = step;
		this.normalisation = normalisation != null ? normalisation : Normalisation.fit(traces);
		int k = traces.size();
		samples = new float[k][];
		names = new String[k];
		parameters = new double[k];
		dts = new double[k];
		firstRow = new long[k + 1];
		prefix = layout.isUniform() ? null : new double[k][];
		long span = layout.span();
		for (int i = 0; i < k; i++) {
			Trace t = traces.get(i);
			names[i] = t.name();
			parameters[i] = t.parameter();
			dts[i] = t.dt() * step;
			int len = (t.length() + step - 1) / step;
			if (len < span + 1) {
				throw new UserInputException("Trace '" + t.name() + "' is too short for the delay embedding: it has " + len +
					" sample(s)" + (step > 1 ? " after subsampling by " + step + " (" + t.length() + " before)" : "") +
					", but a window of " + layout + " needs at least " + (span + 1) +
					(step > 1 ? " (" + ((span) * step + 1) + " before subsampling)" : "") +
					". Use a longer recording, a smaller dimension, delay or subsampling step, or leave this trace out.");
			}
			float[] s = new float[len];
			double mean = this.normalisation.mean(), sd = this.normalisation.sd();
			for (int j = 0; j < len; j++) {
				float v = t.sample(j * step);
				if (!Float.isFinite(v)) throw new UserInputException("Trace '" + t.name() + "' has a non-finite sample at index " +
					(j * step) + "; remove or interpolate missing samples before embedding.");
				s[j] = (float) ((v - mean) / sd);
			}
			samples[i] = s;
			if (prefix != null) {
				double[] c = new double[len + 1];
				for (int j = 0; j < len; j++) c[j + 1] = c[j] + s[j];
				prefix[i] = c;
			}
			firstRow[i + 1] = firstRow[i] + (len - span);
		}
	}

	/** Embedding with a normalisation fitted over all traces. */
	public DelayEmbedding(List<Trace> traces, int dimension, int delay, int step) {
		this(traces, dimension, delay, step, null);
	}

	@Override
	public long rows() { return firstRow[firstRow.length - 1]; }

	@Override
	public int width() { return layout.width(); }

	/** Values per delay vector. */
	public int dimension() { return layout.width(); }
	public int delay() { return layout.delay; }
	public EmbeddingLayout layout() { return layout; }
	/** Samples between the oldest and the newest sample of a window. */
	public int span() { return layout.span(); }
	public int step() { return step; }
	public Normalisation normalisation() { return normalisation; }
	public int traceCount() { return samples.length; }
	public String traceName(int trace) { return names[trace]; }
	/** Control parameter of a trace (NaN if none). */
	public double parameter(int trace) { return parameters[trace]; }
	/** Sampling interval after subsampling. */
	public double dt(int trace) { return dts[trace]; }
	/** Samples of a trace after subsampling. */
	public int length(int trace) { return samples[trace].length; }

	/** Number of windows (rows) of a trace. */
	public int windows(int trace) { return (int) (firstRow[trace + 1] - firstRow[trace]); }

	/** Row index of the first window of a trace; its windows are rows firstRow .. firstRow + windows - 1. */
	public long firstRow(int trace) { return firstRow[trace]; }

	/** Row index of window {@code w} of trace {@code trace}. */
	public long row(int trace, int w) {
		if (w < 0 || w >= windows(trace)) throw new IndexOutOfBoundsException("window " + w + " of trace " + trace);
		return firstRow[trace] + w;
	}

	/** The trace a row belongs to (binary search). */
	public int traceOfRow(long row) {
		if (row < 0 || row >= rows()) throw new IndexOutOfBoundsException("row " + row + " of " + rows());
		int lo = 0, hi = samples.length - 1;
		while (lo < hi) {
			int mid = (lo + hi + 1) >>> 1;
			if (firstRow[mid] <= row) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}

	/** Window number of a row within its trace (0 = first window). */
	public int windowOfRow(long row) {
		return (int) (row - firstRow[traceOfRow(row)]);
	}

	/** Index n of the newest sample x(n) of a row's window, in subsampled samples of its trace. */
	public int timeIndexOfRow(long row) {
		return windowOfRow(row) + layout.span();
	}

	/** Index of a row's newest sample in the original (not subsampled) trace. */
	public long originalSampleOfRow(long row) {
		return (long) timeIndexOfRow(row) * step;
	}

	/**
	 * Row indices of pairs (u(n), u(n+1)) of consecutive windows inside one trace: returns
	 * the rows r whose successor r + 1 is in the same trace, in order (never across traces).
	 */
	public long[] pairRows() {
		long count = 0;
		for (int k = 0; k < samples.length; k++) count += Math.max(0, windows(k) - 1);
		if (count > Integer.MAX_VALUE - 8) throw new IllegalStateException("Too many pairs: " + count);
		long[] out = new long[(int) count];
		int i = 0;
		for (int k = 0; k < samples.length; k++)
			for (long r = firstRow[k]; r < firstRow[k + 1] - 1; r++) out[i++] = r;
		return out;
	}

	/** Writes one row (normalised units) into {@code out[offset .. offset + width)}. */
	public void copyRow(long row, float[] out, int offset) {
		int k = traceOfRow(row);
		float[] s = samples[k];
		int n = (int) (row - firstRow[k]) + layout.span();
		int fine = layout.fine, delay = layout.delay;
		for (int j = 0; j < fine; j++) out[offset + j] = s[n - j * delay];
		if (prefix == null) return;
		double[] c = prefix[k];
		int w = layout.binWidth, end = n - (fine - 1) * delay; // bin b averages s[end - (b+1) w, end - b w)
		for (int b = 0; b < layout.coarseBins; b++) out[offset + fine + b] = (float) ((c[end - b * w] - c[end - (b + 1) * w]) / w);
	}

	@Override
	public void copyRows(long[] indices, int from, int count, float[] out) {
		int width = layout.width();
		for (int i = 0; i < count; i++) copyRow(indices[from + i], out, i * width);
	}

	/** Normalised samples of a trace (a copy). */
	public float[] normalisedSamples(int trace) {
		return samples[trace].clone();
	}

}
