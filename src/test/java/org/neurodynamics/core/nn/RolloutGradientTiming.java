package org.neurodynamics.core.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The map's rollout loss and its parameter gradient computed two ways on the same
 * weights and data: the hand-written {@link RolloutMapLoss} and ND4J SameDiff automatic
 * differentiation of the same graph (tanh only). Used by the SameDiff benchmark
 * ({@code org.neurodynamics.bench.SameDiffRolloutBenchmark}).
 */
public final class RolloutGradientTiming {

	/** Seconds per loss-and-gradient evaluation (best round) and the agreement of the two. */
	public static final class Result {
		public final double handWrittenSeconds, sameDiffSeconds, lossDifference, maxGradientDifference, maxGradient;

		Result(double hand, double sd, double lossDiff, double gradDiff, double maxGrad) {
			handWrittenSeconds = hand;
			sameDiffSeconds = sd;
			lossDifference = lossDiff;
			maxGradientDifference = gradDiff;
			maxGradient = maxGrad;
		}
	}

	private RolloutGradientTiming() {}

	/**
	 * @param d state dimension; {@code hidden} the hidden layer sizes; n windows of k steps
	 * @param rounds alternating timing rounds of {@code iterations} evaluations each
	 */
	public static Result run(int d, int[] hidden, Activation act, int n, int k, int rounds, int iterations) {
		if (act != Activation.TANH) throw new IllegalArgumentException("The SameDiff graph is written for tanh");
		int[] sizes = new int[hidden.length + 2];
		sizes[0] = d + 1;
		System.arraycopy(hidden, 0, sizes, 1, hidden.length);
		sizes[sizes.length - 1] = d;
		Mlp net = new Mlp(sizes, act);
		net.initialise(new Random(1));
		Nd4j.getRandom().setSeed(2);
		INDArray[] states = new INDArray[k + 1];
		INDArray[] noise = new INDArray[k];
		for (int j = 0; j <= k; j++)
			states[j] = Nd4j.randn(DataType.FLOAT, n, d);
		for (int j = 0; j < k; j++)
			noise[j] = Nd4j.randn(DataType.FLOAT, n, d).muli(j == 0 ? 0.05 : 0.02);
		INDArray p = Nd4j.randn(DataType.FLOAT, n, 1);
		float[][] fs = new float[k + 1][], fn = new float[k][];
		for (int j = 0; j <= k; j++)
			fs[j] = ReferenceMlp.flat(states[j]);
		for (int j = 0; j < k; j++)
			fn[j] = ReferenceMlp.flat(noise[j]);
		MapBatch batch = MapBatch.of(fs, ReferenceMlp.flat(p), fn);
		RolloutMapLoss loss = new RolloutMapLoss(k);

		// SameDiff graph of the same loss (first layer split into state and parameter rows)
		SameDiff sd = SameDiff.create();
		SDVariable[] s = new SDVariable[k + 1], eps = new SDVariable[k];
		for (int j = 0; j <= k; j++)
			s[j] = sd.placeHolder("s" + j, DataType.FLOAT, -1, d);
		for (int j = 0; j < k; j++)
			eps[j] = sd.placeHolder("e" + j, DataType.FLOAT, -1, d);
		SDVariable pv = sd.placeHolder("p", DataType.FLOAT, -1, 1);
		int layers = net.layers();
		List<String> names = new ArrayList<>();
		INDArray w0 = weights(net.w[0], d + 1), gw0 = null;
		SDVariable wU = sd.var("wU", w0.get(NDArrayIndex.interval(0, d), NDArrayIndex.all()).dup());
		SDVariable wP = sd.var("wP", w0.get(NDArrayIndex.interval(d, d + 1), NDArrayIndex.all()).dup());
		names.add("wU");
		names.add("wP");
		SDVariable[] w = new SDVariable[layers], b = new SDVariable[layers];
		for (int l = 0; l < layers; l++) {
			if (l > 0) {
				w[l] = sd.var("w" + l, weights(net.w[l], net.sizes[l]));
				names.add("w" + l);
			}
			b[l] = sd.var("b" + l, weights(net.b[l], 1));
			names.add("b" + l);
		}
		SDVariable state = s[0].add(eps[0]);
		SDVariable sse = null;
		for (int j = 0; j < k; j++) {
			SDVariable h = state.mmul(wU).add(pv.mmul(wP)).add(b[0]);
			for (int l = 1; l < layers; l++) {
				h = sd.math.tanh(h);
				h = h.mmul(w[l]).add(b[l]);
			}
			SDVariable next = state.add(h);
			SDVariable e = next.squaredDifference(s[j + 1]).sum();
			sse = sse == null ? e : sse.add(e);
			if (j + 1 < k) state = next.add(eps[j + 1]);
		}
		SDVariable total = sse.mul(1.0 / ((double) k * n * d)).rename("loss");
		sd.setLossVariables("loss");
		Map<String, INDArray> ph = new HashMap<>();
		for (int j = 0; j <= k; j++)
			ph.put("s" + j, states[j]);
		for (int j = 0; j < k; j++)
			ph.put("e" + j, noise[j]);
		ph.put("p", p);

		// agreement
		net.zeroGradients();
		double handLoss = loss.lossAndGradient(net, batch, true);
		double sdLoss = sd.output(ph, "loss").get("loss").getDouble(0);
		Map<String, INDArray> g = sd.calculateGradients(ph, names);
		double maxDiff = 0, maxG = 0;
		gw0 = weights(net.gw[0], d + 1);
		for (String name : names) {
			INDArray mine;
			if (name.equals("wU")) mine = gw0.get(NDArrayIndex.interval(0, d), NDArrayIndex.all());
			else if (name.equals("wP")) mine = gw0.get(NDArrayIndex.interval(d, d + 1), NDArrayIndex.all());
			else if (name.startsWith("w")) { int l = Integer.parseInt(name.substring(1)); mine = weights(net.gw[l], net.sizes[l]); }
			else mine = weights(net.gb[Integer.parseInt(name.substring(1))], 1);
			INDArray theirs = g.get(name).reshape(mine.shape());
			maxDiff = Math.max(maxDiff, mine.sub(theirs).amaxNumber().doubleValue());
			maxG = Math.max(maxG, mine.amaxNumber().doubleValue());
		}

		// timing: warm up both, then alternate rounds and keep the best of each
		for (int i = 0; i < 5; i++) {
			loss.lossAndGradient(net, batch, true);
			sd.calculateGradients(ph, names);
		}
		double bestHand = Double.MAX_VALUE, bestSd = Double.MAX_VALUE;
		for (int r = 0; r < rounds; r++) {
			long t0 = System.nanoTime();
			for (int i = 0; i < iterations; i++) {
				net.zeroGradients();
				loss.lossAndGradient(net, batch, true);
			}
			bestHand = Math.min(bestHand, (System.nanoTime() - t0) * 1e-9 / iterations);
			t0 = System.nanoTime();
			for (int i = 0; i < iterations; i++)
				sd.calculateGradients(ph, names);
			bestSd = Math.min(bestSd, (System.nanoTime() - t0) * 1e-9 / iterations);
		}
		return new Result(bestHand, bestSd, Math.abs(handLoss - sdLoss), maxDiff, maxG);
	}

	/** A row-major float array of {@code rows} rows as an ND4J float matrix. */
	private static INDArray weights(float[] flat, int rows) {
		return Nd4j.createFromArray(flat.clone()).reshape('c', rows, flat.length / rows);
	}
}
