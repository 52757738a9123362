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
				double pt = q.parameter(t);
				ps += pt;
				ps2 += pt * pt;
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
