package org.neurodynamics.core.nn;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A trained map with the standardisation folded into the first and last layers: raw
 * (u, p) in, raw next state out. Kept as ND4J arrays for batched steps and as double
 * arrays for single-point evaluation and Jacobians. Immutable.
 */
final class FoldedMap {
	final int d;
	final boolean increment;
	final Activation act;
	final INDArray wU, wP; // first layer: d x H1 and 1 x H1
	final INDArray[] w, b; // w[0] unused (see wU, wP)
	final double[][][] wd; // wd[l][in][out]; wd[0] has d+1 rows (state rows, then parameter row)
	final double[][] bd;

	FoldedMap(Mlp net, MapNormalisation nz, boolean increment) {
		this.d = nz.mean.length;
		this.increment = increment;
		this.act = net.activation;
		int layers = net.layers();
		wd = new double[layers][][];
		bd = new double[layers][];
		for (int l = 0; l < layers; l++) {
			wd[l] = net.w[l].castTo(DataType.DOUBLE).toDoubleMatrix();
			bd[l] = net.b[l].castTo(DataType.DOUBLE).toDoubleVector();
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
			shift += nz.pMean / nz.pStd * w0[d][j];
			w0[d][j] /= nz.pStd;
			bd[0][j] -= shift;
		}
		// last layer: raw = sd * out (+ mean for the direct form)
		int last = layers - 1;
		for (int i = 0; i < wd[last].length; i++)
			for (int j = 0; j < d; j++)
				wd[last][i][j] *= nz.std[j];
		for (int j = 0; j < d; j++)
			bd[last][j] = bd[last][j] * nz.std[j] + (increment ? 0 : nz.mean[j]);
		w = new INDArray[layers];
		b = new INDArray[layers];
		for (int l = 0; l < layers; l++) {
			w[l] = Nd4j.create(wd[l]).castTo(DataType.FLOAT);
			b[l] = Nd4j.create(new double[][] { bd[l] }).castTo(DataType.FLOAT);
		}
		wU = w[0].get(NDArrayIndex.interval(0, d), NDArrayIndex.all()).dup();
		wP = w[0].get(NDArrayIndex.interval(d, d + 1), NDArrayIndex.all()).dup();
	}

	/** See {@link NeuralMap#step(INDArray, INDArray)}. */
	INDArray step(INDArray u, INDArray p) {
		INDArray uf = u.dataType() == DataType.FLOAT ? u : u.castTo(DataType.FLOAT);
		INDArray pf = p.dataType() == DataType.FLOAT ? p : p.castTo(DataType.FLOAT);
		if (uf.rank() != 2 || uf.columns() != d)
			throw new IllegalArgumentException("Expected states of shape n x " + d + ", got " + Arrays.toString(u.shape()));
		long n = uf.rows();
		if (pf.length() != n) throw new IllegalArgumentException("Expected " + n + " parameter values, got " + pf.length());
		if (pf.rank() != 2 || pf.columns() != 1) pf = pf.reshape(n, 1);
		int layers = w.length;
		INDArray h = Nd4j.create(DataType.FLOAT, n, wU.columns());
		Nd4j.gemm(uf, wU, h, false, false, 1.0, 0.0);
		Nd4j.gemm(pf, wP, h, false, false, 1.0, 1.0);
		h.addiRowVector(b[0]);
		for (int l = 1; l < layers; l++) {
			act.applyInPlace(h);
			h = h.mmul(w[l]).addiRowVector(b[l]);
		}
		if (increment) h.addi(uf);
		return h;
	}

	/** See {@link NeuralMap#step(double[], double)}. */
	double[] step(double[] u, double p) {
		checkState(u);
		double[][] hs = forwardDouble(u, p);
		double[] out = hs[hs.length - 1];
		if (increment)
			for (int i = 0; i < d; i++)
				out[i] += u[i];
		return out;
	}

	private void checkState(double[] u) {
		if (u.length != d) throw new IllegalArgumentException("Expected a state of dimension " + d + ", got " + u.length);
	}

	/** Activations of every layer for one input (the last entry is the network output). */
	private double[][] forwardDouble(double[] u, double p) {
		int layers = wd.length;
		double[][] hs = new double[layers][];
		double[] in = Arrays.copyOf(u, d + 1);
		in[d] = p;
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
				jac[r][c] = jt[c][r] + (increment && r == c ? 1 : 0);
		return jac;
	}

	/** See {@link NeuralMap#jacobian(INDArray, INDArray)}. */
	INDArray jacobian(INDArray u, INDArray p) {
		INDArray uf = u.castTo(DataType.FLOAT);
		long n = uf.rows();
		INDArray pf = p.castTo(DataType.FLOAT).reshape(n, 1);
		int layers = w.length;
		INDArray[] g = new INDArray[layers - 1];
		INDArray h = uf.mmul(wU).addi(pf.mmul(wP)).addiRowVector(b[0]);
		for (int l = 1; l < layers; l++) {
			act.applyInPlace(h);
			g[l - 1] = h.ulike();
			act.derivativeFromOutput(h, g[l - 1]);
			if (l + 1 < layers) h = h.mmul(w[l]).addiRowVector(b[l]);
		}
		INDArray jac = Nd4j.create(DataType.FLOAT, n, d, d);
		for (int i = 0; i < d; i++) {
			INDArray t = g[0].mulRowVector(wU.getRow(i));
			for (int l = 1; l < layers; l++) {
				t = t.mmul(w[l]);
				if (l + 1 < layers) t.muli(g[l]);
			}
			if (increment) t.getColumn(i).addi(1.0);
			jac.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(i)).assign(t);
		}
		return jac;
	}
}
