package org.neurodynamics.core.trace;

import java.util.Arrays;
import java.util.Objects;

import org.neurodynamics.core.UserInputException;

/**
 * One recorded (or simulated) scalar time series of one variable of a neuron,
 * sampled at a constant interval, optionally recorded at a value of a control parameter
 * (injected current, a model parameter, a drug concentration): one constant value, or a
 * stimulus that changes along the trace (the command waveform of a current step), one
 * value per sample, with the step's level as the trace's parameter.
 * Immutable: the samples are copied in and out.
 */
public final class Trace {

	private final String name;
	private final float[] samples;
	private final double dt;
	private final String timeUnit;
	private final String valueUnit;
	private final double parameter;
	private final String parameterName;
	/** The control parameter at every sample, or null when it is the constant {@link #parameter}. */
	private final float[] stimulus;

	/**
	 * @param parameter the control-parameter value, or NaN when there is none
	 */
	public Trace(String name, float[] samples, double dt, String timeUnit, String valueUnit,
		double parameter, String parameterName)
	{
		this(name, samples, dt, timeUnit, valueUnit, parameter, parameterName, null);
	}

	private Trace(String name, float[] samples, double dt, String timeUnit, String valueUnit,
		double parameter, String parameterName, float[] stimulus)
	{
		this.stimulus = stimulus;
		this.name = Objects.requireNonNull(name, "name");
		this.samples = samples.clone();
		this.dt = dt;
		this.timeUnit = timeUnit == null ? "" : timeUnit;
		this.valueUnit = valueUnit == null ? "" : valueUnit;
		this.parameter = parameter;
		this.parameterName = parameterName == null ? "" : parameterName;
		if (!(dt > 0) || Double.isInfinite(dt)) throw new UserInputException("Trace '" + name +
			"' has sampling interval " + dt + "; it must be a positive number. Set the time calibration (frame interval or pixel width) of the input.");
	}

	public Trace(String name, float[] samples, double dt, String timeUnit, String valueUnit) {
		this(name, samples, dt, timeUnit, valueUnit, Double.NaN, "");
	}

	public String name() { return name; }
	public int length() { return samples.length; }
	public float sample(int i) { return samples[i]; }
	public float[] samples() { return samples.clone(); }
	public double dt() { return dt; }
	public String timeUnit() { return timeUnit; }
	public String valueUnit() { return valueUnit; }
	public boolean hasParameter() { return !Double.isNaN(parameter); }
	/** The control-parameter value, NaN when there is none. */
	public double parameter() { return parameter; }
	public String parameterName() { return parameterName; }

	/** Whether the control parameter changes along the trace (see {@link #stimulus()}). */
	public boolean hasStimulus() { return stimulus != null; }

	/** The control parameter at every sample (a copy); the constant parameter repeated when there is no stimulus. */
	public float[] stimulus() {
		if (stimulus != null) return stimulus.clone();
		float[] flat = new float[samples.length];
		Arrays.fill(flat, (float) parameter);
		return flat;
	}

	public Trace withParameter(double value, String parameterName) {
		return new Trace(name, samples, dt, timeUnit, valueUnit, value, parameterName, stimulus);
	}

	/**
	 * A copy that was recorded under {@code values} (one per sample, finite), in the units of
	 * the parameter, e.g. the command waveform of a current step; the trace's parameter
	 * stays its nominal value (the step level).
	 */
	public Trace withStimulus(float[] values) {
		if (values.length != samples.length) throw new UserInputException("Trace '" + name + "' has " + samples.length +
			" samples but its stimulus has " + values.length + "; give one stimulus value per sample.");
		for (int i = 0; i < values.length; i++)
			if (!Float.isFinite(values[i])) throw new UserInputException("The stimulus of trace '" + name + "' is not a number at sample " + i + ".");
		return new Trace(name, samples, dt, timeUnit, valueUnit, parameter, parameterName, values.clone());
	}

	/** Samples [from, to) recorded at the nominal parameter: the step of a stimulus, the whole trace without one. */
	public int[] atParameter() {
		return stimulus == null ? new int[] { 0, samples.length } : longestRunAt(stimulus, parameter, samples.length);
	}

	/**
	 * Indices [from, to) of the longest run of {@code drive} (within the first {@code len})
	 * at the level {@code level}: the step of a command waveform, where a trace is at its
	 * nominal parameter; the whole length when the drive never sits at that level.
	 */
	public static int[] longestRunAt(float[] drive, double level, int len) {
		len = Math.min(len, drive.length);
		double scale = Math.abs(level);
		for (int t = 0; t < len; t++) scale = Math.max(scale, Math.abs(drive[t]));
		double tolerance = 1e-4 * Math.max(scale, 1e-12);
		int from = 0, to = 0, run = -1;
		for (int t = 0; t <= len; t++) {
			boolean at = t < len && Math.abs(drive[t] - level) <= tolerance;
			if (at && run < 0) run = t;
			if (!at && run >= 0) {
				if (t - run > to - from) {
					from = run;
					to = t;
				}
				run = -1;
			}
		}
		return to - from < 2 ? new int[] { 0, len } : new int[] { from, to };
	}

	public Trace withName(String newName) {
		return new Trace(newName, samples, dt, timeUnit, valueUnit, parameter, parameterName, stimulus);
	}

	/**
	 * A copy keeping every {@code step}-th sample, with the sampling interval scaled; the
	 * stimulus of kept sample i is the mean over the interval it starts (samples i..i+step-1),
	 * what acts between it and the next kept sample.
	 */
	public Trace subsample(int step) {
		if (step < 1) throw new UserInputException("Subsampling step must be at least 1, got " + step + ".");
		if (step == 1) return this;
		float[] out = new float[(samples.length + step - 1) / step];
		for (int i = 0; i < out.length; i++) out[i] = samples[i * step];
		float[] drive = null;
		if (stimulus != null) {
			drive = new float[out.length];
			for (int i = 0; i < out.length; i++) {
				int to = Math.min(stimulus.length, (i + 1) * step);
				double sum = 0;
				for (int j = i * step; j < to; j++) sum += stimulus[j];
				drive[i] = (float) (sum / (to - i * step));
			}
		}
		return new Trace(name, out, dt * step, timeUnit, valueUnit, parameter, parameterName, drive);
	}

	/** Samples [from, to) as a new trace. */
	public Trace slice(int from, int to) {
		return new Trace(name, Arrays.copyOfRange(samples, from, to), dt, timeUnit, valueUnit, parameter, parameterName,
			stimulus == null ? null : Arrays.copyOfRange(stimulus, from, to));
	}

	/**
	 * Checks that the trace can be analysed: at least {@code minLength} samples, all
	 * finite, not constant. Throws a {@link UserInputException} naming the trace.
	 */
	public Trace requireUsable(int minLength) {
		if (samples.length < Math.max(2, minLength)) throw new UserInputException("Trace '" + name + "' has " +
			samples.length + " sample(s); at least " + Math.max(2, minLength) + " are needed. Use a longer recording.");
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < samples.length; i++) {
			float v = samples[i];
			if (!Float.isFinite(v)) throw new UserInputException("Trace '" + name + "' has " +
				(Float.isNaN(v) ? "a NaN" : "an infinite") + " sample at index " + i + " (time " + (i * dt) + " " + timeUnit +
				"). Remove or interpolate missing samples before using it.");
			if (v < min) min = v;
			if (v > max) max = v;
		}
		if (min == max) throw new UserInputException("Trace '" + name + "' is constant (every sample is " + min +
			"); there are no dynamics to analyse.");
		return this;
	}

	@Override
	public String toString() {
		return "Trace[" + name + ", " + samples.length + " samples, dt=" + dt + " " + timeUnit +
			(hasParameter() ? ", " + parameterName + "=" + parameter : "") + "]";
	}
}
