package org.neurodynamics.core.fit;

/** Keeps the lowest-objective point evaluated on the full window (or the latest, until one is). */
final class BestPoint {

	double[] phi;
	double loss = Double.NaN, objective = Double.POSITIVE_INFINITY;
	boolean fullWindow;

	BestPoint(int size) {
		phi = new double[size];
	}

	void offer(double[] x, double lossValue, double objectiveValue, boolean full) {
		boolean better = full ? !fullWindow || objectiveValue < objective : !fullWindow;
		if (!better) return;
		phi = x.clone();
		loss = lossValue;
		objective = objectiveValue;
		fullWindow |= full;
	}
}
