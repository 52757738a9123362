package org.neurodynamics.core.reconstruct;

import java.util.List;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.embed.FalseNearestNeighbours;
import org.neurodynamics.core.embed.MutualInformation;
import org.neurodynamics.core.trace.Trace;

/**
 * The classical embedding estimates for one trace: the average mutual information
 * against the delay (suggested delay: its first minimum) and the fraction of false
 * nearest neighbours against the dimension at that delay (suggested minimal dimension).
 */
public final class EmbeddingEstimate {

	static final int BINS = 32;

	public final String traceName;
	/** Mutual information (nats) at lags 0 .. maxLag. */
	public final double[] mutualInformation;
	public final int delay;
	/** Fraction of false nearest neighbours at dimensions 1 .. maxDimension. */
	public final double[] falseNeighbours;
	public final int dimension;

	private EmbeddingEstimate(String traceName, double[] mutualInformation, int delay, double[] falseNeighbours, int dimension) {
		this.traceName = traceName;
		this.mutualInformation = mutualInformation;
		this.delay = delay;
		this.falseNeighbours = falseNeighbours;
		this.dimension = dimension;
	}

	/** Estimates on the longest trace (the estimators need one long stretch of data). */
	public static EmbeddingEstimate of(List<Trace> traces, int maxLag, int maxDimension, Progress progress) {
		if (traces.isEmpty()) throw new UserInputException("No traces were given.");
		if (maxLag < 2 || maxDimension < 2) throw new UserInputException("The largest delay and dimension must be at least 2.");
		Trace trace = traces.stream().max((a, b) -> Integer.compare(a.length(), b.length())).get().requireUsable(4 * maxLag);
		double[] x = new double[trace.length()];
		for (int i = 0; i < x.length; i++) x[i] = trace.sample(i);
		progress.report("Mutual information", 0, trace.name());
		double[] ami = MutualInformation.average(x, maxLag, BINS);
		int delay = Math.max(1, MutualInformation.firstMinimum(ami));
		progress.checkCancelled("Embedding estimate");
		progress.report("False nearest neighbours", 0.5, "delay " + delay);
		FalseNearestNeighbours.Result fnn = new FalseNearestNeighbours().compute(x, delay, maxDimension);
		progress.report("False nearest neighbours", 1, "done");
		return new EmbeddingEstimate(trace.name(), ami, delay, fnn.fractions(), fnn.suggestedDimension());
	}
}
