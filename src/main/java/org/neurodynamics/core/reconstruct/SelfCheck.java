package org.neurodynamics.core.reconstruct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.analysis.Percentiles;
import org.neurodynamics.core.analysis.RegimeClassifier;
import org.neurodynamics.core.analysis.RegimeStats;
import org.neurodynamics.core.analysis.RegimeStats.Regime;
import org.neurodynamics.core.analysis.SpikeDetector;
import org.neurodynamics.core.analysis.SpikeThresholds;

/**
 * Does the map reproduce what was recorded? At every recorded parameter value the map is
 * started from the first recovered state of that recording and iterated as long as the
 * recording lasts; its decoded orbit and the recording are then judged by the same
 * classifier (fixed spike thresholds taken from the recordings). A trace passes when the
 * regime class and spikes per burst agree, spike peak and trough lie within
 * {@link #LEVEL_TOLERANCE} of the recorded range, and the mean inter-spike interval within
 * {@link #ISI_TOLERANCE}. The checks are what a user sees first, and how the
 * reconstruction chooses among its trained maps.
 */
public final class SelfCheck {

	static final double LEVEL_TOLERANCE = 0.10, ISI_TOLERANCE = 0.15;
	/** Longest orbit compared per trace (map steps). */
	static final int MAX_STEPS = 8000;

	/** The comparison at one recorded value. */
	public static final class TraceCheck {
		public final String name;
		public final double parameter;
		public final RegimeStats recorded, reconstructed;
		/** Mean spike peak (NaN without spikes) and 5th-percentile level, recorded and map. */
		public final double recordedPeak, mapPeak, recordedTrough, mapTrough;
		/** Empty when the trace passed, else what differs. */
		public final String failure;
		/** Summed relative deviation of trough, spike peak and mean ISI (ranks maps that pass alike). */
		final double deviation;

		TraceCheck(String name, double parameter, RegimeStats recorded, RegimeStats reconstructed, double recordedPeak,
			double mapPeak, double recordedTrough, double mapTrough, String failure, double deviation)
		{
			this.deviation = deviation;
			this.name = name;
			this.parameter = parameter;
			this.recorded = recorded;
			this.reconstructed = reconstructed;
			this.recordedPeak = recordedPeak;
			this.mapPeak = mapPeak;
			this.recordedTrough = recordedTrough;
			this.mapTrough = mapTrough;
			this.failure = failure;
		}

		public boolean passed() { return failure.isEmpty(); }

		/** Whether map and recording are in the same regime class (rest, tonic, bursting, irregular), whatever the details. */
		public boolean sameRegime() {
			return reconstructed != null && recorded.regime() == reconstructed.regime();
		}
	}

	/** The checks of all recorded values. */
	public static final class Result {
		private final List<TraceCheck> traces;
		/** Sum of relative deviations, to rank maps that pass equally many traces. */
		final double deviation;

		Result(List<TraceCheck> traces, double deviation) {
			this.traces = Collections.unmodifiableList(traces);
			this.deviation = deviation;
		}

		public List<TraceCheck> traces() { return traces; }

		public int passed() { return (int) traces.stream().filter(TraceCheck::passed).count(); }

		/** The recorded values at which the map is in the recording's regime class. */
		public int sameRegime() { return (int) traces.stream().filter(TraceCheck::sameRegime).count(); }

		/**
		 * True when {@code this} is a better reconstruction than {@code other}: first the
		 * recorded values whose regime class it reproduces (a map that bursts with two spikes
		 * where the recording has three is closer than one that rests), then the traces it
		 * reproduces in every detail, then the smaller deviation.
		 */
		boolean betterThan(Result other) {
			if (other == null) return true;
			if (sameRegime() != other.sameRegime()) return sameRegime() > other.sameRegime();
			if (passed() != other.passed()) return passed() > other.passed();
			return deviation < other.deviation;
		}

		public String summary() {
			return passed() + " of " + traces.size() + " recorded traces reproduced (regime class right at " + sameRegime() + ")";
		}
	}

	private SelfCheck() {}

	/**
	 * @param model the reconstruction to check (its map, decoder and classifier)
	 * @param names, parameters, starts per recorded trace: its name, parameter value and
	 *          first recovered state
	 * @param recorded per trace, the recorded (subsampled) samples from the step after its
	 *          first recovered state on (the orbit's first sample is one map step later)
	 */
	public static Result run(ReconstructedModel model, String[] names, double[] parameters, float[][] starts, float[][] recorded) {
		int n = starts.length;
		int steps = 0;
		for (float[] r : recorded) steps = Math.max(steps, Math.min(MAX_STEPS, r.length));
		float[] pv = new float[n];
		for (int k = 0; k < n; k++) pv[k] = (float) parameters[k];
		float[][] orbits = DecodedOrbits.of(model, model.map(), starts, pv, 0, steps,
			Progress.NONE);
		RegimeClassifier classifier = model.classifier();
		double range = recordedRange(model);
		List<TraceCheck> checks = new ArrayList<>();
		double deviation = 0;
		for (int k = 0; k < n; k++) {
			int len = Math.min(steps, recorded[k].length);
			double[] truth = toDouble(recorded[k], len), map = toDouble(orbits[k], len);
			TraceCheck c = compare(names[k], parameters[k], truth, map, model.dt(), classifier, range);
			checks.add(c);
			deviation += c.deviation;
		}
		return new Result(checks, deviation);
	}

	/**
	 * The range the tolerances are fractions of: from the recordings' spike troughs to their
	 * spike peaks (as the classifier's thresholds), or, without spikes, two standard
	 * deviations of all recordings together; never the single trace's own range, which is
	 * zero for a resting recording.
	 */
	static double recordedRange(ReconstructedModel model) {
		SpikeThresholds t = model.spikeThresholds();
		return t != null ? t.range() : 2 * model.normalisation().sd();
	}

	/** Compares map and recording; tolerances are fractions of {@code range} (or of the trace's own range if larger). */
	static TraceCheck compare(String name, double parameter, double[] truth, double[] map, double dt, RegimeClassifier classifier,
		double range)
	{
		RegimeStats rec = classifier.classify(truth, dt), rep = classifier.classify(map, dt);
		SpikeDetector detector = classifier.detector();
		double recPeak = meanPeak(detector, truth), mapPeak = meanPeak(detector, map);
		double recTrough = Percentiles.rank(truth, 5), mapTrough = Percentiles.rank(map, 5);
		range = Math.max(range, Math.max(1e-12, Percentiles.rank(truth, 99.5) - recTrough));
		List<String> why = new ArrayList<>();
		if (rec.regime() != rep.regime() || rec.spikesPerBurst() != rep.spikesPerBurst())
			why.add(rep.label() + " instead of " + rec.label());
		if (rec.regime() != Regime.REST && rep.regime() != Regime.REST) {
			if (Math.abs(mapPeak - recPeak) > LEVEL_TOLERANCE * range) why.add(String.format("spike peak %.3g instead of %.3g", mapPeak, recPeak));
			if (Math.abs(rep.meanIsi() - rec.meanIsi()) > ISI_TOLERANCE * rec.meanIsi())
				why.add(String.format("mean ISI %.3g instead of %.3g", rep.meanIsi(), rec.meanIsi()));
		}
		if (Math.abs(mapTrough - recTrough) > LEVEL_TOLERANCE * range) why.add(String.format("trough %.3g instead of %.3g", mapTrough, recTrough));
		// the same range as the tolerances; a spike seen on one side only counts as a whole range
		double deviation = Math.abs(mapTrough - recTrough) / range;
		if (Double.isFinite(recPeak) && Double.isFinite(mapPeak)) deviation += Math.abs(mapPeak - recPeak) / range;
		else if (Double.isFinite(recPeak) != Double.isFinite(mapPeak)) deviation += 1;
		if (Double.isFinite(rec.meanIsi()) && Double.isFinite(rep.meanIsi())) deviation += Math.abs(rep.meanIsi() - rec.meanIsi()) / rec.meanIsi();
		return new TraceCheck(name, parameter, rec, rep, recPeak, mapPeak, recTrough, mapTrough, String.join("; ", why), deviation);
	}

	private static double meanPeak(SpikeDetector detector, double[] x) {
		double[] peaks = detector.detect(x).peaks();
		return peaks.length == 0 ? Double.NaN : Arrays.stream(peaks).average().getAsDouble();
	}


	private static double[] toDouble(float[] x, int n) {
		double[] d = new double[n];
		for (int i = 0; i < n; i++) d[i] = x[i];
		return d;
	}
}
