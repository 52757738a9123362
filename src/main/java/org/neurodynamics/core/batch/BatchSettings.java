package org.neurodynamics.core.batch;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.neurodynamics.core.UserInputException;

/**
 * How the batch reads each recording and runs its job. The one parser of the batch's
 * settings: the command, the macro and the Spark job's command line all give their values
 * by the same keys to {@link #of} (or {@link #set}), so every route refuses the same input
 * with the same message.
 */
public final class BatchSettings implements Serializable {
	private static final long serialVersionUID = 1L;

	public CellJob job = CellJob.FEATURES;
	/** ABF channel of the membrane voltage. */
	public int channel = 0;
	/** Sampling interval of CSV columns, ms. */
	public double interval = 0.1;
	/** Unit of the values of CSV columns; in mV spikes are crossings of -20 mV, otherwise thresholds come from each cell's sweeps. */
	public String valueUnit = "mV";
	/** The current step of CSV recordings, ms from the start of each column; 0 to 0 for the whole column. */
	public double stepStart = 0, stepEnd = 0;
	/** Fit: Adam steps, each stage; the probe steps (at most 10) and the polish (at most 30) are bounded by it too. */
	public int iterations = 100;
	/** Fit: spread starts of the multi-start search; 1 starts from the model's defaults only. */
	public int starts = 32;
	/**
	 * Fit: simulation time step (ms) and time fitted from the start of each sweep (ms; 0: for an ABF
	 * recording the step and a tenth of its length after it, as its protocol says; whole CSV columns).
	 */
	public double dt = 0.025, duration = 0;
	/** Reconstruct: the quick preset of the journey macros (60 autoencoder epochs, 30 map epochs, 2 maps) instead of the defaults. */
	public boolean quick = false;
	/** Reconstruct: train on every other sweep and predict the others (the held-out columns and rates.csv). */
	public boolean holdOut = false;
	/** Cells in flight at once; 0 for one per core (one at a time for reconstructions, which use every core). */
	public int threads = 0;
	/** Delete what the output folder holds and run every cell again, where a re-run would otherwise be refused or resume. */
	public boolean redo = false;

	/** The settings given by key (as the macro and the command line name them), checked together. */
	public static BatchSettings of(Map<String, String> values) {
		BatchSettings s = new BatchSettings();
		for (Map.Entry<String, String> e : values.entrySet()) s.set(e.getKey(), e.getValue());
		s.check();
		return s;
	}

	/**
	 * The settings that decide what the job writes for a cell, by key: the job, how the
	 * recordings are read, and the job's own settings; not threads or redo. The output
	 * folder records them, so that a re-run with others is not mixed in.
	 */
	public Map<String, String> recorded() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("job", job.key());
		m.put("channel", Integer.toString(channel));
		m.put("interval", Double.toString(interval));
		m.put("value_unit", valueUnit);
		m.put("step_start", Double.toString(stepStart));
		m.put("step_end", Double.toString(stepEnd));
		if (job == CellJob.FIT) {
			m.put("iterations", Integer.toString(iterations));
			m.put("starts", Integer.toString(starts));
			m.put("dt", Double.toString(dt));
			m.put("duration", Double.toString(duration));
		}
		if (job == CellJob.RECONSTRUCT) {
			m.put("quick", Boolean.toString(quick));
			m.put("hold_out", Boolean.toString(holdOut));
		}
		return m;
	}

	/** Sets a key as the macro or the command line names it. */
	public BatchSettings set(String key, String value) {
		String k = key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
		switch (k) {
			case "job": job = CellJob.of(value); break;
			case "channel": channel = whole(k, value, 0); break;
			case "interval": interval = positive(k, value); break;
			case "value_unit": valueUnit = value == null ? "" : value.trim(); break;
			case "step_start": stepStart = atLeastZero(k, value); break;
			case "step_end": stepEnd = atLeastZero(k, value); break;
			case "iterations": iterations = whole(k, value, 1); break;
			case "starts": starts = whole(k, value, 1); break;
			case "dt": dt = positive(k, value); break;
			case "duration": duration = atLeastZero(k, value); break;
			case "quick": quick = yesNo(k, value); break;
			case "hold_out": holdOut = yesNo(k, value); break;
			case "threads": threads = whole(k, value, 0); break;
			case "redo": redo = yesNo(k, value); break;
			default: throw new UserInputException("Unknown setting '" + key + "'; the settings are job, channel, interval, " +
				"value_unit, step_start, step_end, iterations, starts, dt, duration, quick, hold_out, threads and redo.");
		}
		return this;
	}

	/** Cells run at once on {@code cores} cores. */
	public int threads(int cores) {
		if (threads > 0) return threads;
		return job == CellJob.RECONSTRUCT ? 1 : Math.max(1, cores);
	}

	/** Checks the settings that only make sense together. */
	public void check() {
		if (stepEnd != 0 && stepEnd <= stepStart) throw new UserInputException("The step ends (step_end = " + stepEnd +
			" ms) before it starts (step_start = " + stepStart + " ms); give step_end > step_start, or 0 for the end of each column.");
		if (!(interval > 0) || Double.isInfinite(interval)) throw new UserInputException("The CSV sampling interval must be " +
			"positive, got " + interval + " ms.");
		if (!(dt > 0) || Double.isInfinite(dt)) throw new UserInputException("The fit's time step must be positive, got " + dt + " ms.");
		if (!(stepStart >= 0) || !(stepEnd >= 0) || !(duration >= 0)) throw new UserInputException("step_start, step_end and " +
			"duration must be 0 or more (ms), got " + stepStart + ", " + stepEnd + " and " + duration + ".");
		if (iterations < 1 || starts < 1) throw new UserInputException("The fit needs at least 1 iteration and 1 start, got " +
			iterations + " iterations and " + starts + " starts.");
		if (channel < 0 || threads < 0) throw new UserInputException("The channel and the cells at once must be 0 or more, got " +
			channel + " and " + threads + ".");
	}

	private static double number(String key, String value) {
		try {
			return Double.parseDouble(value.trim());
		}
		catch (NumberFormatException | NullPointerException e) {
			throw new UserInputException("The setting " + key + " needs a number, got '" + value + "'.");
		}
	}

	private static boolean yesNo(String key, String value) {
		String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
		if (v.equals("true")) return true;
		if (v.equals("false")) return false;
		throw new UserInputException("The setting " + key + " is true or false, got '" + value + "'.");
	}

	private static double positive(String key, String value) {
		double v = number(key, value);
		if (!(v > 0) || Double.isInfinite(v)) throw new UserInputException("The setting " + key + " must be positive, got " + value + ".");
		return v;
	}

	private static double atLeastZero(String key, String value) {
		double v = number(key, value);
		if (!(v >= 0) || Double.isInfinite(v)) throw new UserInputException("The setting " + key + " must be 0 or more, got " + value + ".");
		return v;
	}

	private static int whole(String key, String value, int min) {
		double v = number(key, value);
		if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) throw new UserInputException("The setting " + key +
			" must be a whole number of at least " + min + ", got " + value + ".");
		return (int) v;
	}
}
