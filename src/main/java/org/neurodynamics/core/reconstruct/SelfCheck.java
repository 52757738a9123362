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
import org.neurodynamics.core.trace.Trace;

/**
 * Does the map reproduce what was recorded? At every recorded parameter value the map is
 * started from recovered states of that recording (its first, and states a third and two
 * thirds of the way through it) and iterated; its decoded orbits and the recording are
 * judged by the same spike detector (fixed thresholds taken from the recordings, spikes on a
 * depolarised plateau counted). A trace passes when
 * <ul>
 * <li>from the first state, over the recording's length: the regime class and spikes per
 * burst agree, spike peak and trough lie within {@link #LEVEL_TOLERANCE} of the recorded
 * range, the mean inter-spike interval within {@link #ISI_TOLERANCE};</li>
 * <li>from every start, the spikes over the rest of the recording match the recorded ones
 * within {@link SpikeDetector#COUNT_TOLERANCE} (or one spike; {@link SpikeDetector#countsAgree}), and the map spikes if and only if the
 * recording does: a map that cannot spike never passes a spiking recording, even one whose
 * spiking stops (which the regime classifier calls rest);</li>
 * <li>continued to the horizon the exploration uses ({@link #HORIZON} steps), the map
 * still fires if the recording's last third fires, and is silent if it is silent.</li>
 * </ul>
 * The checks are what a user sees first, and how the reconstruction chooses among its
 * trained maps.
 */
public final class SelfCheck {

	static final double LEVEL_TOLERANCE = 0.10, ISI_TOLERANCE = 0.15;
	/** Longest stretch of a recording compared (map steps). */
	static final int MAX_STEPS = 8000;
	/** Map steps the first orbit is continued to: the exploration's default transient and iterations. */
	static final int HORIZON = 7000;
	/** Starts per recording, evenly spread over its first two thirds. */
	static final int STARTS = 3;

	/** The comparison at one recorded value. */
	public static final class TraceCheck {
		public final String name;
		public final double parameter;
		public final RegimeStats recorded, reconstructed;
		/** Mean spike peak (NaN without spikes) and 5th-percentile level, recorded and map. */
		public final double recordedPeak, mapPeak, recordedTrough, mapTrough;
		/** Spikes per time unit over the recording's length, recorded and map (from the first state); NaN if not counted. */
		public final double recordedRate, mapRate;
		/** Empty when the trace passed, else what differs. */
		public final String failure;
		/** Summed relative deviation of trough, spike peak and mean ISI (ranks maps that pass alike). */
		final double deviation;

		TraceCheck(String name, double parameter, RegimeStats recorded, RegimeStats reconstructed, double recordedPeak,
			double mapPeak, double recordedTrough, double mapTrough, String failure, double deviation)
		{
			this(name, parameter, recorded, reconstructed, recordedPeak, mapPeak, recordedTrough, mapTrough, Double.NaN, Double.NaN,
				failure, deviation);
		}

		TraceCheck(String name, double parameter, RegimeStats recorded, RegimeStats reconstructed, double recordedPeak,
			double mapPeak, double recordedTrough, double mapTrough, double recordedRate, double mapRate, String failure,
			double deviation)
		{
			this.recordedRate = recordedRate;
			this.mapRate = mapRate;
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

	/** As {@link #run(ReconstructedModel, String[], double[], float[][][], float[][], float[][])} with every trace at its constant parameter. */
	public static Result run(ReconstructedModel model, String[] names, double[] parameters, float[][][] states, float[][] recorded) {
		return run(model, names, parameters, states, recorded, null);
	}

	/**
	 * @param model the reconstruction to check (its map, decoder and classifier)
	 * @param names, parameters, states per recorded trace: its name, parameter value and
	 *          recovered states
	 * @param recorded per trace, the recorded (subsampled) samples from the step after its
	 *          first recovered state on (the orbit from state j predicts sample j on)
	 * @param drives per trace, the parameter driving the map's step from each recovered
	 *          state (a command waveform), or null when every trace has its constant
	 *          parameter. A driven trace is judged over its stretch at the nominal parameter
	 *          (the step), reached by the map from the trace's first state through the
	 *          waveform and held at the step's level beyond it.
	 */
	public static Result run(ReconstructedModel model, String[] names, double[] parameters, float[][][] states, float[][] recorded,
		float[][] drives)
	{
		int n = states.length;
		int[][] stretch = new int[n][];
		int firstSteps = 0, laterSteps = 1;
		for (int k = 0; k < n; k++) {
			int len = Math.min(recorded[k].length, states[k].length);
			stretch[k] = drives == null ? new int[] { 0, len } : Trace.longestRunAt(drives[k], parameters[k], len);
			stretch[k][1] = Math.min(stretch[k][1], stretch[k][0] + MAX_STEPS);
			firstSteps = Math.max(firstSteps, stretch[k][0] + Math.max(stretch[k][1] - stretch[k][0], HORIZON));
			laterSteps = Math.max(laterSteps, stretch[k][1] - stretch[k][0]);
		}
		// orbit 0 of each trace runs from its first state to the horizon; the later starts to the end of the stretch
		float[][] firsts = new float[n][], later = new float[n * (STARTS - 1)][];
		float[][] firstDrive = new float[n][], laterDrive = new float[later.length][];
		int[][] offsets = new int[n][STARTS];
		for (int k = 0; k < n; k++) {
			int a = stretch[k][0], b = stretch[k][1];
			firsts[k] = states[k][0];
			firstDrive[k] = drives == null ? new float[] { (float) parameters[k] } : Arrays.copyOf(drives[k], Math.max(1, b));
			for (int j = 1; j < STARTS; j++) {
				int o = a + (int) ((long) (b - a) * j / STARTS);
				offsets[k][j] = o - a;
				later[k * (STARTS - 1) + j - 1] = states[k][Math.min(o, states[k].length - 1)];
				laterDrive[k * (STARTS - 1) + j - 1] = drives == null ? firstDrive[k] : Arrays.copyOfRange(drives[k], o, Math.max(o + 1, b));
			}
		}
		float[][] orbits = DecodedOrbits.driven(model, model.map(), firsts, firstDrive, firstSteps);
		float[][] laterOrbits = STARTS > 1 ? DecodedOrbits.driven(model, model.map(), later, laterDrive, laterSteps) : new float[0][];
		RegimeClassifier classifier = model.classifier();
		double range = recordedRange(model);
		List<TraceCheck> checks = new ArrayList<>();
		double deviation = 0;
		for (int k = 0; k < n; k++) {
			int a = stretch[k][0], b = stretch[k][1];
			float[][] from = new float[STARTS][];
			from[0] = Arrays.copyOfRange(orbits[k], a, a + Math.max(b - a, HORIZON));
			for (int j = 1; j < STARTS; j++) from[j] = laterOrbits[k * (STARTS - 1) + j - 1];
			TraceCheck c = judge(names[k], parameters[k], Arrays.copyOfRange(recorded[k], a, b), from, offsets[k], model.dt(), classifier, range);
			checks.add(c);
			deviation += c.deviation;
		}
		return new Result(checks, deviation);
	}

	/**
	 * Judges one recording against the map's orbits: {@code orbits[j]} starts at recorded
	 * sample {@code offsets[j]} ({@code offsets[0]} = 0, that orbit continued past the
	 * recording towards the horizon).
	 */
	static TraceCheck judge(String name, double parameter, float[] recorded, float[][] orbits, int[] offsets, double dt,
		RegimeClassifier classifier, double range)
	{
		int len = recorded.length;
		SpikeDetector detector = classifier.detector();
		TraceCheck c = compare(name, parameter, toDouble(recorded, 0, len), toDouble(orbits[0], 0, len), dt, classifier, range);
		List<String> why = new ArrayList<>();
		if (!c.failure.isEmpty()) why.add(c.failure);
		double recordedRate = Double.NaN, mapRate = Double.NaN, extra = 0;
		for (int j = 0; j < orbits.length; j++) {
			int from = offsets[j];
			if (len - from < 2) continue;
			// the first start's spikes are those compare() classified
			int rec = j == 0 ? c.recorded.spikeCount() : detector.detect(toDouble(recorded, from, len)).count();
			int rep = j == 0 ? c.reconstructed.spikeCount() : detector.detect(toDouble(orbits[j], 0, len - from)).count();
			if (j == 0) {
				recordedRate = rec / (len * dt);
				mapRate = rep / (len * dt);
			}
			if (!SpikeDetector.countsAgree(rec, rep)) {
				why.add(String.format("%d spikes instead of %d from %s", rep, rec, j == 0 ? "the first state" : "step " + from));
				extra++;
				break;
			}
		}
		String continuation = continuation(detector, recorded, len, orbits[0]);
		if (!continuation.isEmpty()) {
			why.add(continuation);
			extra++;
		}
		return new TraceCheck(c.name, c.parameter, c.recorded, c.reconstructed, c.recordedPeak, c.mapPeak, c.recordedTrough,
			c.mapTrough, recordedRate, mapRate, String.join("; ", why), c.deviation + extra);
	}

	/**
	 * Whether the orbit, continued past the recording to the horizon, keeps doing what the
	 * recording's last third does (firing or silent); empty when it does.
	 */
	static String continuation(SpikeDetector detector, float[] recorded, int len, float[] orbit) {
		if (orbit.length - len < len / 3 || len < 6) return "";
		boolean recordedFires = detector.detect(toDouble(recorded, len - len / 3, len)).count() > 0;
		boolean mapFires = detector.detect(toDouble(orbit, len, orbit.length)).count() > 0;
		if (recordedFires == mapFires) return "";
		return recordedFires ? "stops firing after the recording's length" : "fires after the recording's length where the recording ends silent";
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


	private static double[] toDouble(float[] x, int from, int to) {
		double[] d = new double[to - from];
		for (int i = from; i < to; i++) d[i - from] = x[i];
		return d;
	}
}
