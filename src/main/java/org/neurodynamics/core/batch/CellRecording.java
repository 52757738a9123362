package org.neurodynamics.core.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.CurrentStep;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.core.io.AbfFile;
import org.neurodynamics.core.io.AbfReader;
import org.neurodynamics.core.io.DelimitedTableReader;
import org.neurodynamics.core.io.NumericTable;
import org.neurodynamics.core.io.StepLevels;
import org.neurodynamics.core.trace.Trace;

/**
 * One cell's recording as the jobs read it: its sweeps (mV where the recording says so),
 * the step of each sweep and the control parameter of each sweep. An ABF file gives the step
 * current (pA) and the stepped epoch of each sweep; a CSV file holds one sweep per column
 * (a first column named "time..." is left out), its parameter the last "name=value" of the
 * column's header (the step current in pA, "I=100", or with its unit, "I=0.1 nA"), or the
 * column's number when a header has none.
 */
public final class CellRecording {

	/** "... I=100" or "... I=0.1 nA" at the end of a column header: the sweep's control parameter, pA unless a current unit follows. */
	private static final Pattern PARAMETER = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)" +
		"\\s*(pA|nA|uA|\u00b5A)?\\s*$");

	public final String name;
	public final List<float[]> sweeps;
	/** Sampling interval, ms. */
	public final double dt;
	public final String valueUnit;
	public final double[] parameters;
	public final String parameterName;
	/** Per sweep, the samples [from, to) of the step. */
	private final int[][] steps;
	/** True when each sweep's parameter is its step current (pA), false for sweep numbers or other values. */
	private final boolean stepCurrents;
	private final AbfFile abf;
	/** True when each sweep's parameter is known to be its step current in pA: an ABF's, or a CSV header's "I...=" or with a current unit. */
	private boolean currents;
	/** Why the recording is not the membrane voltage of a cell in current clamp, or null when it is. */
	private String notCurrentClamp;

	private CellRecording(String name, List<float[]> sweeps, double dt, String valueUnit, double[] parameters,
		String parameterName, int[][] steps, boolean stepCurrents, AbfFile abf)
	{
		this.stepCurrents = stepCurrents;
		this.name = name;
		this.sweeps = sweeps;
		this.dt = dt;
		this.valueUnit = valueUnit;
		this.parameters = parameters;
		this.parameterName = parameterName;
		this.steps = steps;
		this.abf = abf;
	}

	public int size() { return sweeps.size(); }
	public int stepFrom(int sweep) { return steps[sweep][0]; }
	public int stepTo(int sweep) { return steps[sweep][1]; }
	public boolean inMillivolts() { return "mV".equals(valueUnit); }
	public boolean hasStepCurrents() { return stepCurrents; }

	/** The step current of a sweep in pA, NaN where the recording does not give it. */
	public double currentPa(int sweep) { return currents ? parameters[sweep] : Double.NaN; }

	/** Refuses a recording that is not a membrane voltage in current clamp (voltage clamp, a current channel): spikes need one. */
	public void requireCurrentClamp() {
		if (notCurrentClamp != null) throw new UserInputException(notCurrentClamp + "; spike features need a current-clamp " +
			"recording of the membrane voltage.");
	}

	public static CellRecording read(Path file, BatchSettings s) {
		String n = file.getFileName().toString();
		return n.toLowerCase(Locale.ROOT).endsWith(".abf") ? abf(file, s) : csv(file, s);
	}

	private static CellRecording abf(Path file, BatchSettings s) {
		AbfFile abf = AbfReader.read(file);
		String name = file.getFileName().toString();
		if (s.channel >= abf.channelCount()) throw new UserInputException("'" + name + "' has channels 0.." +
			(abf.channelCount() - 1) + "; there is no channel " + s.channel + ". Set channel to the membrane voltage's channel.");
		double scale = AbfStepFamily.voltageScale(abf.adcUnit(s.channel));
		String unit = Double.isNaN(scale) ? abf.adcUnit(s.channel).trim() : "mV";
		if (Double.isNaN(scale)) scale = 1;
		int dac = abf.stimulusDac(s.channel);
		StepLevels levels = abf.stepLevels(dac);
		double current = levels.isStepped() ? AbfStepFamily.currentScale(levels.unit()) * 1000 : Double.NaN;
		int count = abf.sweepCount();
		List<float[]> sweeps = new ArrayList<>(count);
		double[] parameters = new double[count];
		int[][] steps = new int[count][];
		for (int i = 0; i < count; i++) {
			float[] v = abf.sweep(i, s.channel);
			for (int k = 0; k < v.length; k++) v[k] *= (float) scale;
			sweeps.add(v);
			parameters[i] = Double.isNaN(current) ? i : levels.level(i) * current;
			steps[i] = abf.stepWindow(i, dac);
		}
		CellRecording r = new CellRecording(name, sweeps, abf.sampleIntervalMs(), unit, parameters, Double.isNaN(current) ?
			"sweep" : "I (pA)", steps, !Double.isNaN(current), abf);
		r.notCurrentClamp = abfClampProblem(abf, s.channel, dac);
		r.currents = r.stepCurrents;
		return r;
	}

	/** Why channel {@code channel} of an ABF recording is not a membrane voltage in current clamp, or null. */
	private static String abfClampProblem(AbfFile abf, int channel, int dac) {
		String name = abf.path().getFileName().toString();
		if (Double.isNaN(AbfStepFamily.voltageScale(abf.adcUnit(channel)))) {
			String voltage = "";
			for (int c = 0; c < abf.channelCount() && voltage.isEmpty(); c++)
				if (!Double.isNaN(AbfStepFamily.voltageScale(abf.adcUnit(c)))) voltage = " (channel " + c + " is in " +
					abf.adcUnit(c).trim() + ": set channel=" + c + ")";
			return "Channel " + channel + " of '" + name + "' is in '" + abf.adcUnit(channel).trim() + "', not a membrane " +
				"voltage" + (voltage.isEmpty() ? ", as in voltage clamp" : voltage);
		}
		if (dac >= 0 && !Double.isNaN(AbfStepFamily.voltageScale(abf.dacUnit(dac)))) return "'" + name + "' commands a " +
			"voltage (" + abf.dacUnit(dac).trim() + "): it is a voltage-clamp recording";
		return null;
	}

	private static CellRecording csv(Path file, BatchSettings s) {
		NumericTable table = DelimitedTableReader.readColumns(file);
		String name = file.getFileName().toString();
		int first = table.columnCount() > 1 && table.name(0).trim().toLowerCase(Locale.ROOT).startsWith("time") ? 1 : 0;
		if (table.columnCount() <= first) throw new UserInputException("'" + name + "' holds no sweep columns, only time; " +
			"save one column per sweep.");
		List<float[]> sweeps = new ArrayList<>();
		List<String> names = new ArrayList<>();
		double[] parameters = new double[table.columnCount() - first];
		String parameterName = null;
		boolean named = true, withUnit = false;
		for (int c = first; c < table.columnCount(); c++) {
			double[] x = table.column(c);
			float[] v = new float[x.length];
			for (int i = 0; i < x.length; i++) {
				if (!Double.isFinite(x[i])) throw new UserInputException("Column '" + table.name(c) + "' of '" + name + "' has no " +
					"number in row " + (i + 1) + "; fill in or remove that row.");
				v[i] = (float) x[i];
			}
			if (v.length < 2) throw new UserInputException("Column '" + table.name(c) + "' of '" + name + "' has fewer than 2 samples.");
			sweeps.add(v);
			names.add(table.name(c));
			Matcher m = PARAMETER.matcher(table.name(c));
			if (m.find() && (parameterName == null || parameterName.equals(m.group(1)))) {
				parameterName = m.group(1);
				parameters[c - first] = Double.parseDouble(m.group(2)) * (m.group(3) == null ? 1 :
					AbfStepFamily.currentScale(m.group(3)) * 1000);
				withUnit |= m.group(3) != null;
			}
			else named = false;
		}
		if (!named) for (int i = 0; i < parameters.length; i++) parameters[i] = i;
		int[][] steps = new int[sweeps.size()][];
		for (int i = 0; i < steps.length; i++) {
			int n = sweeps.get(i).length;
			int from = (int) Math.round(s.stepStart / s.interval), to = s.stepEnd > 0 ? (int) Math.round(s.stepEnd / s.interval) : n;
			if (to > n || from >= to) throw new UserInputException("The step (" + s.stepStart + " to " + s.stepEnd + " ms) does " +
				"not lie within column '" + names.get(i) + "' of '" + name + "' (" + n + " samples every " + s.interval + " ms); " +
				"check step_start, step_end and interval.");
			steps[i] = new int[] { from, to };
		}
		CellRecording r = new CellRecording(name, sweeps, s.interval, s.valueUnit.trim(), parameters, named ? parameterName :
			"sweep", steps, named, null);
		r.currents = named && (withUnit || parameterName.startsWith("I"));
		if (!Double.isNaN(AbfStepFamily.currentScale(s.valueUnit))) r.notCurrentClamp = "'" + name + "' holds currents (" +
			"value_unit=" + s.valueUnit.trim() + "), as recorded in voltage clamp";
		return r;
	}

	/** The stepped part of every sweep as a trace with its parameter, for a reconstruction. */
	public List<Trace> stepTraces() {
		List<Trace> out = new ArrayList<>();
		for (int i = 0; i < size(); i++) {
			float[] v = sweeps.get(i);
			float[] part = java.util.Arrays.copyOfRange(v, stepFrom(i), stepTo(i));
			out.add(new Trace(name + " sweep " + i, part, dt, "ms", valueUnit, parameters[i], parameterName));
		}
		return out;
	}

	/**
	 * The step family a fit needs: an ABF recording's own command waveforms, or for a CSV file
	 * current steps of each column's current (pA, from its header) over the step.
	 */
	public StepFamily stepFamily(BatchSettings s) {
		if (abf != null) return AbfStepFamily.read(abf, s.channel, s.dt, s.duration);
		if (!inMillivolts()) throw new UserInputException("'" + name + "' is in '" + valueUnit + "'; a fit needs membrane " +
			"voltages in mV (value_unit=mV).");
		if (!hasStepCurrents()) throw new UserInputException("The columns of '" + name + "' do not name their step currents; " +
			"a fit needs each column's current in pA at the end of its header, as 'I=100'.");
		if (s.stepStart <= 0) throw new UserInputException("A fit of '" + name + "' needs the time the current step starts " +
			"(step_start, ms after the start of each column), with the resting potential recorded before it.");
		double length = (sweeps.get(0).length - 1) * dt;
		double fitted = s.duration > 0 ? Math.min(s.duration, length) : length;
		List<Protocol> protocols = new ArrayList<>();
		List<float[]> voltages = new ArrayList<>();
		double[] currents = new double[size()];
		for (int i = 0; i < size(); i++) {
			currents[i] = parameters[i] * 1e-3;
			double start = stepFrom(i) * dt, end = stepTo(i) * dt;
			protocols.add(new Protocol(List.of(new Injection(0, new CurrentStep(start, end - start, currents[i]))), s.dt, fitted));
			int n = Math.min(sweeps.get(i).length, (int) Math.floor(fitted / dt + 1e-9) + 1);
			voltages.add(java.util.Arrays.copyOf(sweeps.get(i), n));
		}
		return new StepFamily(protocols, voltages, currents, dt, stepFrom(0), Math.min(stepTo(0), voltages.get(0).length));
	}
}
