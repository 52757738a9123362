package org.neurodynamics.core.reconstruct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.analysis.RegimeClassifier;
import org.neurodynamics.core.analysis.RegimeStats;
import org.neurodynamics.core.analysis.SpikeDetector;
import org.neurodynamics.core.trace.Trace;

/**
 * What a user checks first on their own cell: trained on every other trace, what does the
 * map predict at the values it never saw? Each held-out trace is predicted by iterating the
 * map at its parameter value from the first recovered state of the trained trace with the
 * nearest value (nothing of the held-out recording is used), as long as the recording lasts
 * after the delay window; a trace recorded under a command waveform drives the map with
 * that waveform and is judged over its step. Map and recording are judged by the
 * reconstruction's spike detector, and the prediction agrees when the spike counts do as in
 * the {@link SelfCheck} (within 20 % or one spike, silent where the recording is silent).
 */
public final class HeldOutCheck {

	/** The prediction at one held-out trace. */
	public static final class Prediction {
		public final String name;
		public final double parameter;
		/** The trained trace whose first state the prediction starts from. */
		public final String startedFrom;
		public final RegimeStats recorded, predicted;
		/** Spikes per time unit, recorded and predicted, over the same stretch. */
		public final double recordedRate, predictedRate;

		Prediction(String name, double parameter, String startedFrom, RegimeStats recorded, RegimeStats predicted, double recordedRate,
			double predictedRate)
		{
			this.name = name;
			this.parameter = parameter;
			this.startedFrom = startedFrom;
			this.recorded = recorded;
			this.predicted = predicted;
			this.recordedRate = recordedRate;
			this.predictedRate = predictedRate;
		}

		/** Spike counts agree as the self-check requires. */
		public boolean agrees() {
			return SpikeDetector.countsAgree(recorded.spikeCount(), predicted.spikeCount());
		}
	}

	/** The predictions at every held-out trace. */
	public static final class Result {
		private final List<Prediction> predictions;

		Result(List<Prediction> predictions) {
			this.predictions = Collections.unmodifiableList(predictions);
		}

		public List<Prediction> predictions() { return predictions; }

		public int agreeing() { return (int) predictions.stream().filter(Prediction::agrees).count(); }

		public String summary() {
			return agreeing() + " of " + predictions.size() + " held-out traces predicted (spike count within 20% or one spike)";
		}
	}

	private HeldOutCheck() {}

	/**
	 * @param trainedParameters, trainedNames, firstStates per trained trace
	 * @param heldOut the traces left out of training, in input units at the recordings' sampling
	 */
	public static Result run(ReconstructedModel model, double[] trainedParameters, String[] trainedNames, float[][] firstStates,
		List<Trace> heldOut)
	{
		int n = heldOut.size(), span = model.layout().span();
		float[][] recorded = new float[n][], starts = new float[n][], drive = new float[n][];
		float[] p = new float[n];
		int[] from = new int[n];
		int[][] stretch = new int[n][];
		int steps = 1;
		for (int k = 0; k < n; k++) {
			Trace t = heldOut.get(k).subsample(model.subsampling());
			float[] x = t.samples();
			int len = Math.max(0, Math.min(x.length - span - 1, SelfCheck.MAX_STEPS));
			recorded[k] = Arrays.copyOfRange(x, span + 1, span + 1 + len);
			steps = Math.max(steps, len);
			p[k] = (float) (t.hasParameter() ? t.parameter() : 0);
			from[k] = nearest(trainedParameters, p[k]);
			starts[k] = firstStates[from[k]];
			drive[k] = t.hasStimulus() ? Arrays.copyOfRange(t.stimulus(), span, span + Math.max(1, len)) : new float[] { p[k] };
			stretch[k] = t.hasStimulus() ? Trace.longestRunAt(drive[k], p[k], len) : new int[] { 0, len };
		}
		float[][] orbits = DecodedOrbits.driven(model, model.map(), starts, drive, steps);
		RegimeClassifier classifier = model.classifier();
		List<Prediction> out = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			int a = stretch[k][0], b = stretch[k][1];
			double[] truth = toDouble(recorded[k], a, b), map = toDouble(orbits[k], a, b);
			RegimeStats rec = classifier.classify(truth, model.dt()), pred = classifier.classify(map, model.dt());
			double duration = Math.max(1, b - a) * model.dt();
			out.add(new Prediction(heldOut.get(k).name(), p[k], trainedNames[from[k]], rec, pred, rec.spikeCount() / duration,
				pred.spikeCount() / duration));
		}
		return new Result(out);
	}

	/** Factor from spikes per time unit to spikes per second: 1000 for ms, 1 otherwise (s, or a unit that is no time). */
	public static double perSecond(String timeUnit) {
		return "ms".equals(timeUnit) ? 1000 : 1;
	}

	private static int nearest(double[] values, double v) {
		int best = 0;
		for (int i = 1; i < values.length; i++) if (Math.abs(values[i] - v) < Math.abs(values[best] - v)) best = i;
		return best;
	}

	private static double[] toDouble(float[] x, int from, int to) {
		double[] d = new double[to - from];
		for (int i = from; i < to; i++) d[i - from] = x[i];
		return d;
	}
}
