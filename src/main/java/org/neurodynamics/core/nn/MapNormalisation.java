package org.neurodynamics.core.nn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.data.StateSequence;

/** Standardisation of the map's states and parameter: mean and standard deviation from the training data. */
final class MapNormalisation {
	final double[] mean, std;
	final double pMean, pStd;

	MapNormalisation(double[] mean, double[] std, double pMean, double pStd) {
		this.mean = mean;
		this.std = std;
		this.pMean = pMean;
		this.pStd = pStd;
	}

	/**
	 * Statistics of the first {@code trainLen[s]} states of every sequence s; a constant
	 * coordinate (or parameter) gets standard deviation 1.
	 */
	static MapNormalisation of(List<StateSequence> sequences, int[] trainLen, int d) {
		return of(sequences, trainLen, d, false);
	}

	/**
	 * With {@code byIncrements}, every coordinate is scaled by the standard deviation of its
	 * one-step increments instead of its own (times one common factor, the median ratio of
	 * the two, so that a typical coordinate keeps unit spread). Then every coordinate's
	 * steps weigh alike in the loss and in the network's output: a slow coordinate, whose
	 * drift per step is tiny beside its range, is no longer drowned by the fast ones, and
	 * noise on it is scaled to its own steps.
	 */
	static MapNormalisation of(List<StateSequence> sequences, int[] trainLen, int d, boolean byIncrements) {
		MapNormalisation plain = statistics(sequences, trainLen, d);
		if (!byIncrements) return plain;
		double[] sum2 = new double[d];
		long count = 0;
		for (int s = 0; s < sequences.size(); s++) {
			StateSequence q = sequences.get(s);
			for (int t = 0; t + 1 < trainLen[s]; t++) {
				float[] a = q.state(t), b = q.state(t + 1);
				for (int i = 0; i < d; i++) sum2[i] += (double) (b[i] - a[i]) * (b[i] - a[i]);
				count++;
			}
		}
		if (count == 0) return plain;
		double[] inc = new double[d], ratio = new double[d];
		for (int i = 0; i < d; i++) {
			inc[i] = Math.sqrt(sum2[i] / count);
			if (!(inc[i] > 1e-12 * plain.std[i])) return plain;
			ratio[i] = plain.std[i] / inc[i];
		}
		double[] sorted = ratio.clone();
		java.util.Arrays.sort(sorted);
		double common = sorted[d / 2];
		double[] sd = new double[d];
		for (int i = 0; i < d; i++) sd[i] = inc[i] * common;
		return new MapNormalisation(plain.mean, sd, plain.pMean, plain.pStd);
	}

	private static MapNormalisation statistics(List<StateSequence> sequences, int[] trainLen, int d) {
		double[] sum = new double[d], sum2 = new double[d];
		double ps = 0, ps2 = 0;
		long count = 0;
		for (int s = 0; s < sequences.size(); s++) {
			StateSequence q = sequences.get(s);
			for (int t = 0; t < trainLen[s]; t++) {
				float[] u = q.state(t);
				for (int i = 0; i < d; i++) {
					sum[i] += u[i];
					sum2[i] += (double) u[i] * u[i];
				}
				ps += q.parameter();
				ps2 += q.parameter() * q.parameter();
				count++;
			}
		}
		if (count == 0) throw new UserInputException("There are no training states (all sequences are empty).");
		double[] mean = new double[d], sd = new double[d];
		for (int i = 0; i < d; i++) {
			mean[i] = sum[i] / count;
			double var = sum2[i] / count - mean[i] * mean[i];
			sd[i] = var > 1e-24 * Math.max(1, mean[i] * mean[i]) ? Math.sqrt(var) : 1;
		}
		double pm = ps / count;
		double pv = ps2 / count - pm * pm;
		double psd = pv > 1e-24 * Math.max(1, pm * pm) ? Math.sqrt(pv) : 1;
		return new MapNormalisation(mean, sd, pm, psd);
	}

	/** Writes a presence flag and, if {@code nz} is not null, its statistics. */
	static void write(DataOutputStream o, MapNormalisation nz) throws IOException {
		o.writeBoolean(nz != null);
		if (nz == null) return;
		for (int i = 0; i < nz.mean.length; i++) {
			o.writeDouble(nz.mean[i]);
			o.writeDouble(nz.std[i]);
		}
		o.writeDouble(nz.pMean);
		o.writeDouble(nz.pStd);
	}

	/** Reads what {@link #write} wrote for state dimension {@code d}; null if none was saved. */
	static MapNormalisation read(DataInputStream o, int d) throws IOException {
		if (!o.readBoolean()) return null;
		double[] mean = new double[d], sd = new double[d];
		for (int i = 0; i < d; i++) {
			mean[i] = o.readDouble();
			sd[i] = o.readDouble();
			if (!Double.isFinite(mean[i]) || !(sd[i] > 0) || !Double.isFinite(sd[i])) throw new IOException("invalid normalisation");
		}
		double pm = o.readDouble(), psd = o.readDouble();
		if (!Double.isFinite(pm) || !(psd > 0) || !Double.isFinite(psd)) throw new IOException("invalid normalisation");
		return new MapNormalisation(mean, sd, pm, psd);
	}
}
