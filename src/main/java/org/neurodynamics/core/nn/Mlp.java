package org.neurodynamics.core.nn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

/**
 * A fully connected network with an activation on every hidden layer and a linear output
 * layer, in single precision on row-major Java arrays: matrix products by OpenBLAS
 * ({@link Blas}), everything else in plain loops into preallocated buffers, so that a
 * forward or backward pass costs its arithmetic and little more.
 * <p>
 * Weight matrix i has shape (sizes[i] x sizes[i+1]), row-major; {@link #parameters()}
 * lists weights and biases layer by layer, {@link #gradients()} their gradients in the
 * same order.
 * <p>
 * A control-affine network takes one input more than its first layer, a control parameter p
 * that bypasses the layers: they compute [G, H] from the other inputs x, and the network
 * returns G(x) + p H(x). A map of this form stays affine in p at every state, as injected
 * current enters a membrane equation.
 */
final class Mlp {

	final int[] sizes;
	final Activation activation;
	final float[][] w, b, gw, gb;
	/** Whether the last input multiplies the second half of the layers' output (see the class comment). */
	final boolean controlAffine;

	Mlp(int[] sizes, Activation activation) {
		this(sizes, activation, false);
	}

	/**
	 * @param sizes layer sizes; for a control-affine network the first excludes p and the
	 *        last is twice the output size
	 */
	Mlp(int[] sizes, Activation activation, boolean controlAffine) {
		if (sizes.length < 2) throw new IllegalArgumentException("An MLP needs at least an input and an output size");
		for (int s : sizes)
			if (s < 1) throw new IllegalArgumentException("Layer sizes must be positive");
		this.sizes = sizes.clone();
		this.activation = activation;
		this.controlAffine = controlAffine;
		if (controlAffine && sizes[sizes.length - 1] % 2 != 0) throw new IllegalArgumentException("A control-affine network's last layer computes G and H: its size must be even");
		int layers = sizes.length - 1;
		w = new float[layers][];
		b = new float[layers][];
		gw = new float[layers][];
		gb = new float[layers][];
		for (int i = 0; i < layers; i++) {
			w[i] = new float[sizes[i] * sizes[i + 1]];
			gw[i] = new float[w[i].length];
			b[i] = new float[sizes[i + 1]];
			gb[i] = new float[b[i].length];
		}
	}

	/** Glorot-uniform weights and zero biases, drawn from {@code rnd}. */
	void initialise(Random rnd) {
		for (int i = 0; i < w.length; i++) {
			double limit = Math.sqrt(6.0 / (sizes[i] + sizes[i + 1]));
			for (int k = 0; k < w[i].length; k++)
				w[i][k] = (float) ((2 * rnd.nextDouble() - 1) * limit);
			Arrays.fill(b[i], 0f);
		}
	}

	static long parameterCount(int[] sizes) {
		long n = 0;
		for (int i = 0; i + 1 < sizes.length; i++)
			n += (long) sizes[i] * sizes[i + 1] + sizes[i + 1];
		return n;
	}

	int inputSize() { return sizes[0] + (controlAffine ? 1 : 0); }
	int outputSize() { return sizes[sizes.length - 1] / (controlAffine ? 2 : 1); }
	int layers() { return sizes.length - 1; }

	/** Weights and biases, layer by layer (the arrays themselves, not copies). */
	float[][] parameters() { return interleave(w, b); }

	/** The gradients, in the order of {@link #parameters()}. */
	float[][] gradients() { return interleave(gw, gb); }

	private static float[][] interleave(float[][] x, float[][] y) {
		float[][] r = new float[2 * x.length][];
		for (int i = 0; i < x.length; i++) {
			r[2 * i] = x[i];
			r[2 * i + 1] = y[i];
		}
		return r;
	}

	void zeroGradients() {
		for (float[] g : gradients())
			Arrays.fill(g, 0f);
	}

	Mlp copy() {
		Mlp m = new Mlp(sizes, activation, controlAffine);
		m.assign(this);
		return m;
	}

	/** Copies the parameters of a network of the same shape. */
	void assign(Mlp other) {
		float[][] from = other.parameters(), to = parameters();
		for (int i = 0; i < to.length; i++)
			System.arraycopy(from[i], 0, to[i], 0, to[i].length);
	}

	/** Multiplies output j of the network by {@code factor[j]} (the last layer's weights and bias; G and H alike). */
	void scaleOutputs(float[] factor) {
		int last = layers() - 1, out = outputSize(), cols = sizes[last + 1];
		if (factor.length != out) throw new IllegalArgumentException("Expected " + out + " factors, got " + factor.length);
		for (int k = 0; k < w[last].length; k++)
			w[last][k] *= factor[k % cols % out];
		for (int j = 0; j < cols; j++)
			b[last][j] *= factor[j % out];
	}

	/** Preallocated buffers of one forward/backward pass for a batch of {@code n} rows. */
	final class Cache {
		final int n;
		/** a[0]: input (filled by the caller), n x sizes[0]; a[i]: output of layer i (activated if hidden). */
		final float[][] a;
		/** d[i]: gradient with respect to a[i], i < layers. */
		final float[][] d;
		/**
		 * The network's input (n x inputSize), output (n x outputSize), gradient with respect to
		 * the input, and the gradient with respect to the layers' [G, H]: the layers' own
		 * buffers, except for a control-affine network.
		 */
		final float[] in, out, dIn, dLayers;

		Cache(int n) {
			this.n = n;
			int layers = layers();
			a = new float[layers + 1][];
			d = new float[layers][];
			for (int i = 0; i <= layers; i++)
				a[i] = new float[n * sizes[i]];
			for (int i = 0; i < layers; i++)
				d[i] = new float[n * sizes[i]];
			in = controlAffine ? new float[n * inputSize()] : a[0];
			out = controlAffine ? new float[n * outputSize()] : a[layers];
			dIn = controlAffine ? new float[n * inputSize()] : d[0];
			dLayers = controlAffine ? new float[n * sizes[layers]] : null;
		}

		float[] input() { return in; }
		float[] output() { return out; }
		/** The gradient with respect to the input after {@link #backward} asked for it. */
		float[] inputGradient() { return dIn; }
	}

	Cache newCache(int n) {
		return new Cache(n);
	}

	/** Forward pass on {@code c.input()}; returns {@code c.output()}. */
	float[] forward(Cache c) {
		int layers = layers(), x = sizes[0], m = outputSize();
		if (controlAffine)
			for (int r = 0; r < c.n; r++)
				System.arraycopy(c.in, r * (x + 1), c.a[0], r * x, x);
		for (int i = 0; i < layers; i++) {
			affine(c.a[i], c.n, i, c.a[i + 1]);
			if (i + 1 < layers) activation.applyInPlace(c.a[i + 1], c.n * sizes[i + 1]);
		}
		if (controlAffine) {
			float[] gh = c.a[layers];
			for (int r = 0; r < c.n; r++) {
				float p = c.in[r * (x + 1) + x];
				for (int j = 0; j < m; j++)
					c.out[r * m + j] = gh[r * 2 * m + j] + p * gh[r * 2 * m + m + j];
			}
		}
		return c.out;
	}

	/** out (n x sizes[i+1]) = x (n x sizes[i]) w[i] + b[i]. */
	private void affine(float[] x, int n, int i, float[] out) {
		int cols = sizes[i + 1];
		float[] bias = b[i];
		for (int r = 0; r < n; r++)
			System.arraycopy(bias, 0, out, r * cols, cols);
		Blas.gemm(false, false, n, cols, sizes[i], 1f, x, w[i], 1f, out);
	}

	/**
	 * Backward pass after {@link #forward(Cache)}: adds the parameter gradients of a loss
	 * whose gradient with respect to the output is {@code dOut} (n x outputSize) into
	 * {@link #gradients()}, and, if asked, returns the gradient with respect to the input
	 * ({@code c.d[0]}).
	 */
	float[] backward(Cache c, float[] dOut, boolean inputGradient) {
		float[] delta = controlAffine ? controlAffineGradient(c, dOut) : dOut;
		int n = c.n;
		for (int i = layers() - 1; i >= 0; i--) {
			int in = sizes[i], out = sizes[i + 1];
			Blas.gemm(true, false, in, out, n, 1f, c.a[i], delta, 1f, gw[i]);
			float[] g = gb[i];
			for (int r = 0; r < n; r++)
				for (int j = 0, o = r * out; j < out; j++)
					g[j] += delta[o + j];
			if (i == 0 && !inputGradient) return null;
			Blas.gemm(false, true, n, in, out, 1f, delta, w[i], 0f, c.d[i]);
			if (i > 0) activation.multiplyByDerivative(c.d[i], c.a[i], n * in);
			delta = c.d[i];
		}
		if (controlAffine) {
			// d/dx from the layers; d/dp = sum_j dOut_j H_j
			int x = sizes[0], m = outputSize();
			float[] gh = c.a[layers()];
			for (int r = 0; r < n; r++) {
				System.arraycopy(c.d[0], r * x, c.dIn, r * (x + 1), x);
				float dp = 0;
				for (int j = 0; j < m; j++)
					dp += dOut[r * m + j] * gh[r * 2 * m + m + j];
				c.dIn[r * (x + 1) + x] = dp;
			}
		}
		return c.dIn;
	}

	/** The gradient with respect to the layers' [G, H] of a control-affine network: [dOut, p dOut]. */
	private float[] controlAffineGradient(Cache c, float[] dOut) {
		int x = sizes[0], m = outputSize();
		for (int r = 0; r < c.n; r++) {
			float p = c.in[r * (x + 1) + x];
			for (int j = 0; j < m; j++) {
				c.dLayers[r * 2 * m + j] = dOut[r * m + j];
				c.dLayers[r * 2 * m + m + j] = p * dOut[r * m + j];
			}
		}
		return c.dLayers;
	}

	/** Inference on a batch x (n x inputSize, row-major), allocating its outputs. */
	float[] output(float[] x, int n) {
		Cache c = new Cache(n);
		System.arraycopy(x, 0, c.in, 0, n * inputSize());
		return forward(c);
	}

	/** One output column of a batch x (n x inputSize): the last layer's product is taken with that column only. */
	float[] outputColumn(float[] x, int n, int column) {
		if (controlAffine) throw new UnsupportedOperationException("one output column of a control-affine network");
		int last = layers() - 1, h = sizes[last], outs = outputSize();
		Cache c = new Cache(n);
		System.arraycopy(x, 0, c.a[0], 0, n * sizes[0]);
		for (int i = 0; i < last; i++) {
			affine(c.a[i], n, i, c.a[i + 1]);
			activation.applyInPlace(c.a[i + 1], n * sizes[i + 1]);
		}
		float[] wl = w[last], hidden = c.a[last], y = new float[n];
		for (int r = 0; r < n; r++) {
			float v = b[last][column];
			for (int j = 0; j < h; j++)
				v += hidden[r * h + j] * wl[j * outs + column];
			y[r] = v;
		}
		return y;
	}

	void write(DataOutputStream out) throws IOException {
		out.writeInt(sizes.length);
		for (int s : sizes)
			out.writeInt(s);
		out.writeUTF(activation.name());
		for (float[] p : parameters())
			for (float v : p)
				out.writeFloat(v);
	}

	/** Reads what {@link #write} wrote, as a plain network: whether it is control-affine its owner's configuration says. */
	static Mlp read(DataInputStream in) throws IOException {
		int n = in.readInt();
		if (n < 2 || n > 64) throw new IOException("implausible layer count " + n);
		int[] sizes = new int[n];
		for (int i = 0; i < n; i++) {
			sizes[i] = in.readInt();
			if (sizes[i] < 1 || sizes[i] > 1 << 16) throw new IOException("implausible layer size " + sizes[i]);
		}
		Activation act;
		try {
			act = Activation.valueOf(in.readUTF());
		}
		catch (IllegalArgumentException e) {
			throw new IOException("unknown activation");
		}
		long count = parameterCount(sizes);
		if (count > 1L << 28) throw new IOException("implausible parameter count " + count);
		Mlp m = new Mlp(sizes, act);
		for (float[] p : m.parameters())
			for (int i = 0; i < p.length; i++)
				p[i] = in.readFloat();
		return m;
	}
}
