package org.neurodynamics.core.nn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A fully connected network with an activation on every hidden layer and a linear output
 * layer, written directly with ND4J matrix products so that one forward or backward pass
 * is a handful of native calls into preallocated buffers.
 * <p>
 * All weights live in one flat parameter vector (and all gradients in one flat gradient
 * vector) so that the optimiser updates them with a single native call. Weight matrix i
 * has shape (sizes[i] x sizes[i+1]), row-major, and is followed by its bias.
 */
final class Mlp {

	final int[] sizes;
	final Activation activation;
	final DataType dtype;
	final INDArray params;
	final INDArray grads;
	final INDArray[] w, b, gw, gb;

	Mlp(int[] sizes, Activation activation, DataType dtype) {
		if (sizes.length < 2) throw new IllegalArgumentException("An MLP needs at least an input and an output size");
		for (int s : sizes)
			if (s < 1) throw new IllegalArgumentException("Layer sizes must be positive");
		this.sizes = sizes.clone();
		this.activation = activation;
		this.dtype = dtype;
		long n = parameterCount(sizes);
		params = Nd4j.create(dtype, 1, n);
		grads = Nd4j.create(dtype, 1, n);
		int layers = sizes.length - 1;
		w = new INDArray[layers];
		b = new INDArray[layers];
		gw = new INDArray[layers];
		gb = new INDArray[layers];
		long off = 0;
		for (int i = 0; i < layers; i++) {
			int in = sizes[i], out = sizes[i + 1];
			w[i] = view(params, off, in, out);
			gw[i] = view(grads, off, in, out);
			off += (long) in * out;
			b[i] = view(params, off, 1, out);
			gb[i] = view(grads, off, 1, out);
			off += out;
		}
	}

	/** Glorot-uniform weights and zero biases, drawn from {@code rnd}. */
	void initialise(Random rnd) {
		float[] all = new float[(int) params.length()];
		int off = 0;
		for (int i = 0; i < w.length; i++) {
			int in = sizes[i], out = sizes[i + 1];
			double limit = Math.sqrt(6.0 / (in + out));
			for (int k = 0; k < in * out; k++)
				all[off++] = (float) ((2 * rnd.nextDouble() - 1) * limit);
			off += out;
		}
		params.assign(Nd4j.createFromArray(all).reshape(1, all.length).castTo(dtype));
	}

	static long parameterCount(int[] sizes) {
		long n = 0;
		for (int i = 0; i + 1 < sizes.length; i++)
			n += (long) sizes[i] * sizes[i + 1] + sizes[i + 1];
		return n;
	}

	private static INDArray view(INDArray flat, long off, int rows, int cols) {
		return flat.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(off, off + (long) rows * cols))
			.reshape('c', rows, cols);
	}

	int inputSize() { return sizes[0]; }
	int outputSize() { return sizes[sizes.length - 1]; }
	int layers() { return sizes.length - 1; }

	Mlp copy() {
		Mlp m = new Mlp(sizes, activation, dtype);
		m.params.assign(params);
		return m;
	}

	/** Preallocated buffers of one forward/backward pass for a batch of {@code n} rows. */
	final class Cache {
		final int n;
		/** a[0]: input (filled by the caller); a[i]: output of layer i (activated if hidden). */
		final INDArray[] a;
		/** d[i]: gradient with respect to a[i], i < layers. */
		final INDArray[] d;
		final INDArray[] scratch;
		final INDArray ones;

		Cache(int n) {
			this.n = n;
			int layers = layers();
			a = new INDArray[layers + 1];
			d = new INDArray[layers];
			scratch = new INDArray[layers];
			for (int i = 0; i <= layers; i++)
				a[i] = Nd4j.create(dtype, n, sizes[i]);
			for (int i = 0; i < layers; i++) {
				d[i] = Nd4j.create(dtype, n, sizes[i]);
				scratch[i] = Nd4j.create(dtype, n, sizes[i]);
			}
			ones = Nd4j.ones(dtype, 1, n);
		}

		INDArray input() { return a[0]; }
		INDArray output() { return a[layers()]; }
	}

	Cache newCache(int n) {
		return new Cache(n);
	}

	/** Forward pass on {@code c.input()}; returns {@code c.output()}. */
	INDArray forward(Cache c) {
		int layers = layers();
		for (int i = 0; i < layers; i++) {
			Nd4j.gemm(c.a[i], w[i], c.a[i + 1], false, false, 1.0, 0.0);
			c.a[i + 1].addiRowVector(b[i]);
			if (i + 1 < layers) activation.applyInPlace(c.a[i + 1]);
		}
		return c.a[layers];
	}

	/**
	 * Backward pass after {@link #forward(Cache)}: adds the parameter gradients of a loss
	 * whose gradient with respect to the output is {@code dOut} into {@link #grads}, and,
	 * if asked, returns the gradient with respect to the input ({@code c.d[0]}).
	 */
	INDArray backward(Cache c, INDArray dOut, boolean inputGradient) {
		INDArray delta = dOut;
		for (int i = layers() - 1; i >= 0; i--) {
			Nd4j.gemm(c.a[i], delta, gw[i], true, false, 1.0, 1.0);
			Nd4j.gemm(c.ones, delta, gb[i], false, false, 1.0, 1.0);
			if (i == 0 && !inputGradient) return null;
			Nd4j.gemm(delta, w[i], c.d[i], false, true, 1.0, 0.0);
			if (i > 0) {
				activation.derivativeFromOutput(c.a[i], c.scratch[i]);
				c.d[i].muli(c.scratch[i]);
			}
			delta = c.d[i];
		}
		return c.d[0];
	}

	/** Inference on a batch (n x inputSize), allocating its outputs. */
	INDArray output(INDArray x) {
		INDArray h = x;
		int layers = layers();
		for (int i = 0; i < layers; i++) {
			h = h.mmul(w[i]).addiRowVector(b[i]);
			if (i + 1 < layers) activation.applyInPlace(h);
		}
		return h;
	}

	/** One output column of a batch: the last layer's product is taken with that column only. */
	INDArray outputColumn(INDArray x, int column) {
		INDArray h = x;
		int last = layers() - 1;
		for (int i = 0; i < last; i++) {
			h = h.mmul(w[i]).addiRowVector(b[i]);
			activation.applyInPlace(h);
		}
		return h.mmul(w[last].getColumn(column, true)).addi(b[last].getDouble(column));
	}

	void write(DataOutputStream out) throws IOException {
		out.writeInt(sizes.length);
		for (int s : sizes)
			out.writeInt(s);
		out.writeUTF(activation.name());
		float[] p = params.castTo(DataType.FLOAT).toFloatVector();
		for (float v : p)
			out.writeFloat(v);
	}

	static Mlp read(DataInputStream in, DataType dtype) throws IOException {
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
		float[] p = new float[(int) count];
		for (int i = 0; i < p.length; i++)
			p[i] = in.readFloat();
		Mlp m = new Mlp(sizes, act, dtype);
		m.params.assign(Nd4j.createFromArray(p).reshape(1, p.length).castTo(dtype));
		return m;
	}

	/** Copies {@code len} floats into a fresh (non-view) array of the same length or more. */
	static void put(INDArray target, float[] src, int len) {
		if (target.dataType() == DataType.FLOAT && !target.isView() && target.offset() == 0) {
			FloatBuffer fb = target.data().asNioFloat();
			fb.position(0);
			fb.put(src, 0, len);
		}
		else {
			float[] copy = len == src.length ? src : java.util.Arrays.copyOf(src, len);
			target.assign(Nd4j.createFromArray(copy).reshape(target.shape()).castTo(target.dataType()));
		}
	}
}
