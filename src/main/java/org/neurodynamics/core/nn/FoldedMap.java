package org.neurodynamics.core.nn;

import java.util.Arrays;


/**
 * A trained map with the standardisation folded into the first and last layers: raw
 * (u, p) in, raw next state out. Kept in single precision for batched steps and in double
 * precision for single-point evaluation and Jacobians. Immutable.
 * <p>
 * A control-affine network's layers see only u and compute [G, H]; folded, the next state is
 * G'(u) + p H'(u), the parameter's standardisation moved into the last layer.
 */
final class FoldedMap {
	final int d;
	final boolean increment;
	final Activation act;
	final boolean controlAffine;
	/** Input width of the first layer: d + 1 (state, then parameter), or d for a control-affine map. */
	final int in0;
	/** Layer weights (in x out, row-major; the first has in0 rows: state rows, then the parameter row) and biases. */
	final float[][] w, b;
	final double[][][] wd; // wd[l][in][out]; wd[0] has in0 rows (state rows, then parameter row)
	final double[][] bd;

	FoldedMap(Mlp net, MapNormalisation nz, boolean increment) {
		this.d = nz.mean.length;
		this.increment = increment;
		this.act = net.activation;
		this.controlAffine = net.controlAffine;
		this.in0 = net.sizes[0];
		int layers = net.layers();
		wd = new double[layers][][];
		bd = new double[layers][];
		for (int l = 0; l < layers; l++) {
			int in = net.sizes[l], out = net.sizes[l + 1];
			wd[l] = new double[in][out];
			for (int i = 0; i < in; i++)
				for (int j = 0; j < out; j++)
					wd[l][i][j] = net.w[l][i * out + j];
			bd[l] = new double[out];
			for (int j = 0; j < out; j++)
				bd[l][j] = net.b[l][j];
		}
		// first layer: s_i = (u_i - m_i)/sd_i, p~ = (p - pm)/psd
		double[][] w0 = wd[0];
		int h1 = bd[0].length;
		for (int j = 0; j < h1; j++) {
			double shift = 0;
			for (int i = 0; i < d; i++) {
				shift += nz.mean[i] / nz.std[i] * w0[i][j];
				w0[i][j] /= nz.std[i];
			}
			if (!controlAffine) {
				shift += nz.pMean / nz.pStd * w0[d][j];
				w0[d][j] /= nz.pStd;
			}
			bd[0][j] -= shift;
		}
		// last layer: raw = sd * out (+ mean for the direct form); control-affine:
		// sd (G + (p - pm)/psd H) = sd (G - pm/psd H) + p sd/psd H
		int last = layers - 1;
		if (controlAffine)
			for (int i = 0; i <= wd[last].length; i++) {
				double[] row = i < wd[last].length ? wd[last][i] : bd[last];
				for (int j = 0; j < d; j++) {
					row[j] -= nz.pMean / nz.pStd * row[d + j];
					row[d + j] *= nz.std[j] / nz.pStd;
				}
			}
		for (int i = 0; i < wd[last].length; i++)
			for (int j = 0; j < d; j++)
				wd[last][i][j] *= nz.std[j];
		for (int j = 0; j < d; j++)
			bd[last][j] = bd[last][j] * nz.std[j] + (increment ? 0 : nz.mean[j]);
		w = new float[layers][];
		b = new float[layers][];
		for (int l = 0; l < layers; l++) {
			int out = bd[l].length;
			w[l] = new float[wd[l].length * out];
			for (int i = 0; i < wd[l].length; i++)
				for (int j = 0; j < out; j++)
					w[l][i * out + j] = (float) wd[l][i][j];
			b[l] = new float[out];
			for (int j = 0; j < out; j++)
				b[l][j] = (float) bd[l][j];
		}
	}

	/** Buffers for stepping a batch of n states; not thread-safe. */
	final class BatchStepper implements MapStepper {
		private final int n;
		private final float[][] h;

		BatchStepper(int n) {
			this.n = n;
			h = new float[w.length + 1][];
			h[0] = new float[n * in0];
			for (int l = 0; l < w.length; l++)
				h[l + 1] = new float[n * b[l].length];
		}

		@Override
		public int size() { return n; }

		@Override
		public void step(float[] u, float[] p) {
			if (u.length < n * d || p.length < n)
				throw new IllegalArgumentException("Expected " + n + " states of dimension " + d + " and " + n + " parameter values");
			float[] x = h[0];
			for (int r = 0; r < n; r++) {
				System.arraycopy(u, r * d, x, r * in0, d);
				if (!controlAffine) x[r * in0 + d] = p[r];
			}
			int layers = w.length;
			for (int l = 0; l < layers; l++) {
				int out = b[l].length;
				float[] y = h[l + 1];
				for (int r = 0; r < n; r++)
					System.arraycopy(b[l], 0, y, r * out, out);
				Blas.gemm(false, false, n, out, h[l].length / n, 1f, h[l], w[l], 1f, y);
				if (l + 1 < layers) act.applyInPlace(y, n * out);
			}
			float[] y = h[layers];
			int cols = b[layers - 1].length;
			for (int r = 0; r < n; r++)
				for (int j = 0; j < d; j++) {
					float v = y[r * cols + j] + (controlAffine ? p[r] * y[r * cols + d + j] : 0f);
					u[r * d + j] = increment ? u[r * d + j] + v : v;
				}
		}
	}

	/** See {@link NeuralMap#step(double[], double)}. */
	double[] step(double[] u, double p) {
		checkState(u);
		double[] gh = forwardDouble(u, p)[wd.length - 1], out = new double[d];
		for (int i = 0; i < d; i++)
			out[i] = gh[i] + (controlAffine ? p * gh[d + i] : 0) + (increment ? u[i] : 0);
		return out;
	}

	private void checkState(double[] u) {
		if (u.length != d) throw new IllegalArgumentException("Expected a state of dimension " + d + ", got " + u.length);
	}

	/** Activations of every layer for one input (the last entry is the network output). */
	private double[][] forwardDouble(double[] u, double p) {
		int layers = wd.length;
		double[][] hs = new double[layers][];
		double[] in = Arrays.copyOf(u, in0);
		if (!controlAffine) in[d] = p;
		for (int l = 0; l < layers; l++) {
			double[][] wl = wd[l];
			double[] out = bd[l].clone();
			for (int i = 0; i < in.length; i++) {
				double x = in[i];
				if (x == 0) continue;
				double[] row = wl[i];
				for (int j = 0; j < out.length; j++)
					out[j] += x * row[j];
			}
			if (l + 1 < layers)
				for (int j = 0; j < out.length; j++)
					out[j] = act.apply(out[j]);
			hs[l] = out;
			in = out;
		}
		return hs;
	}

	/** See {@link NeuralMap#jacobian(double[], double)}. */
	double[][] jacobian(double[] u, double p) {
		checkState(u);
		int layers = wd.length;
		double[][] hs = forwardDouble(u, p);
		// rows: input direction i; forward-mode through the layers
		double[][] jt = new double[d][];
		for (int i = 0; i < d; i++) {
			double[] t = wd[0][i].clone();
			for (int l = 1; l < layers; l++) {
				double[] h = hs[l - 1];
				for (int j = 0; j < t.length; j++)
					t[j] *= act.derivativeFromOutput(h[j]);
				double[][] wl = wd[l];
				double[] next = new double[wl[0].length];
				for (int a = 0; a < t.length; a++) {
					double x = t[a];
					if (x == 0) continue;
					double[] row = wl[a];
					for (int j = 0; j < next.length; j++)
						next[j] += x * row[j];
				}
				t = next;
			}
			jt[i] = t;
		}
		double[][] jac = new double[d][d];
		for (int r = 0; r < d; r++)
			for (int c = 0; c < d; c++)
				jac[r][c] = jt[c][r] + (controlAffine ? p * jt[c][d + r] : 0) + (increment && r == c ? 1 : 0);
		return jac;
	}
}
