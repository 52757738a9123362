package org.neurodynamics.core.embed;

import java.util.List;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.trace.Trace;

/**
 * Affine normalisation y = (x - mean) / sd with one mean and one standard deviation over
 * ALL traces together, so differences of level and amplitude between traces recorded at
 * different parameter values survive. Two numbers; persisted by whoever stores the model.
 */
public final class Normalisation {

	private final double mean;
	private final double sd;

	public Normalisation(double mean, double sd) {
		if (!Double.isFinite(mean) || !(sd > 0) || Double.isInfinite(sd))
			throw new IllegalArgumentException("Normalisation needs a finite mean and a positive sd, got " + mean + ", " + sd);
		this.mean = mean;
		this.sd = sd;
	}

	/** Identity normalisation (mean 0, sd 1). */
	public static Normalisation identity() {
		return new Normalisation(0, 1);
	}

	/** Pooled mean and standard deviation of every sample of every trace (two-pass, in double). */
	public static Normalisation fit(List<Trace> traces) {
		if (traces.isEmpty()) throw new UserInputException("No traces were given; select at least one trace.");
		long n = 0;
		double sum = 0;
		for (Trace t : traces) {
			for (int i = 0; i < t.length(); i++) sum += t.sample(i);
			n += t.length();
		}
		if (n == 0) throw new UserInputException("The traces have no samples; use non-empty recordings.");
		double m = sum / n;
		double ss = 0;
		for (Trace t : traces) for (int i = 0; i < t.length(); i++) {
			double d = t.sample(i) - m;
			ss += d * d;
		}
		double s = Math.sqrt(ss / n);
		if (!Double.isFinite(m) || !Double.isFinite(s)) throw new UserInputException(
			"The traces contain NaN or infinite samples; remove or interpolate them before normalising.");
		if (!(s > 0)) throw new UserInputException("Every sample of the traces has the same value (" + m +
			"); there are no dynamics to reconstruct.");
		return new Normalisation(m, s);
	}

	public double mean() { return mean; }
	public double sd() { return sd; }

	public double apply(double x) { return (x - mean) / sd; }
	public double invert(double y) { return y * sd + mean; }

	/** Normalised copy of {@code x}. */
	public float[] apply(float[] x) {
		float[] out = new float[x.length];
		for (int i = 0; i < x.length; i++) out[i] = (float) ((x[i] - mean) / sd);
		return out;
	}

	/** Back to input units, in place. */
	public void invertInPlace(float[] y) {
		for (int i = 0; i < y.length; i++) y[i] = (float) (y[i] * sd + mean);
	}

	/** Back to input units, in place. */
	public void invertInPlace(double[] y) {
		for (int i = 0; i < y.length; i++) y[i] = y[i] * sd + mean;
	}

	/** {mean, sd}, for persistence; the inverse of {@link #fromArray(double[])}. */
	public double[] toArray() {
		return new double[] { mean, sd };
	}

	public static Normalisation fromArray(double[] values) {
		if (values.length != 2) throw new IllegalArgumentException("Expected {mean, sd}");
		return new Normalisation(values[0], values[1]);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Normalisation && ((Normalisation) o).mean == mean && ((Normalisation) o).sd == sd;
	}

	@Override
	public int hashCode() {
		return Double.hashCode(mean) * 31 + Double.hashCode(sd);
	}

	@Override
	public String toString() {
		return "Normalisation[mean=" + mean + ", sd=" + sd + "]";
	}
}
