package org.neurodynamics.core.fit;

import java.util.ArrayList;
import java.util.List;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.analysis.SpikeDetector;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.SimulationResult;
import org.neurodynamics.core.cable.Simulator;

/**
 * A recorded current-step family: per sweep the protocol that plays its recorded command
 * waveform, the recorded voltage (mV, sampled every {@code sampleDt} ms), the step current
 * (nA) and the samples [from, to) of the step. Builds fits over chosen sweeps and measures
 * what a step family is read for: spike count and the subthreshold steady-state voltage.
 * Spikes, recorded and simulated alike, are those of the family's own {@link SpikeDetector}
 * (thresholds from its recorded sweeps), so a cell whose troughs stay depolarised has every
 * spike counted.
 */
public final class StepFamily {

	/** The steady state is the mean over the last fraction of the step. */
	public static final double STEADY_FRACTION = 0.2;

	private final List<Protocol> protocols;
	private final List<float[]> voltages;
	private final double[] currents;
	private final double sampleDt;
	private final int from, to;
	private final SpikeDetector detector;

	public StepFamily(List<Protocol> protocols, List<float[]> voltages, double[] currents, double sampleDt, int from, int to) {
		if (protocols.size() != voltages.size() || currents.length != voltages.size()) throw new IllegalArgumentException(
			"one protocol, voltage and current per sweep");
		if (protocols.isEmpty()) throw new UserInputException("The step family has no sweeps.");
		this.protocols = List.copyOf(protocols);
		this.voltages = List.copyOf(voltages);
		this.currents = currents.clone();
		this.sampleDt = sampleDt;
		this.from = from;
		this.to = to;
		this.detector = SpikeDetector.forRecording(this.voltages);
	}

	public int size() { return protocols.size(); }
	public Protocol protocol(int sweep) { return protocols.get(sweep); }
	public float[] voltage(int sweep) { return voltages.get(sweep).clone(); }
	/** Step current of a sweep, nA. */
	public double current(int sweep) { return currents[sweep]; }
	public double sampleDt() { return sampleDt; }
	/** Step start and end, ms. */
	public double stepStart() { return from * sampleDt; }
	public double stepEnd() { return to * sampleDt; }

	/** A fit of the given sweeps together, recorded at compartment {@code recordAt}. */
	public FitProblem problem(CableModel model, int[] sweeps, int recordAt, int[] fitted, double[] start) {
		if (sweeps.length == 0) throw new UserInputException("Choose at least one sweep to fit.");
		List<Protocol> ps = new ArrayList<>();
		List<float[][]> ts = new ArrayList<>();
		for (int s : sweeps) {
			if (s < 0 || s >= size()) throw new UserInputException("There is no sweep " + s + "; the recording has sweeps 0.." +
				(size() - 1) + ".");
			ps.add(protocols.get(s));
			ts.add(new float[][] { voltages.get(s) });
		}
		return new FitProblem(model, ps, new int[] { recordAt }, ts, sampleDt, fitted, start);
	}

	/** The model's voltage at {@code recordAt} for one sweep, resampled to the recording's samples. */
	public float[] simulate(CableModel model, double[] theta, int sweep, int recordAt) {
		Protocol p = protocols.get(sweep);
		SimulationResult r = Simulator.simulate(model, theta, p, recordAt);
		double[] v = r.voltage(0);
		int n = Math.min(voltages.get(sweep).length, (int) Math.floor(p.duration() / sampleDt + 1e-9) + 1);
		float[] out = new float[n];
		for (int i = 0; i < n; i++) {
			double x = Math.min(i * sampleDt / p.dt(), v.length - 1);
			int j = Math.min((int) x, v.length - 2);
			double w = x - j;
			out[i] = (float) (v[j] * (1 - w) + v[j + 1] * w);
		}
		return out;
	}

	/** Mean recorded voltage before the step over all sweeps (mV): the cell's resting potential. */
	public double restingPotential() {
		double sum = 0;
		long n = 0;
		for (float[] v : voltages) for (int i = 0; i < Math.min(from, v.length); i++) {
			sum += v[i];
			n++;
		}
		if (n == 0) throw new UserInputException("The step starts with the sweep; there is no baseline to read the resting " +
			"potential from.");
		return sum / n;
	}

	/** The rule that decides what a spike is in this family's sweeps and in models of them. */
	public SpikeDetector spikeDetector() { return detector; }

	/** Spikes during the step. */
	public int spikes(float[] v) {
		int end = Math.min(to, v.length);
		return end <= from ? 0 : detector.detect(java.util.Arrays.copyOfRange(v, from, end)).count();
	}

	/** Mean voltage over the last {@link #STEADY_FRACTION} of the step (mV). */
	public double steadyState(float[] v) {
		int end = Math.min(to, v.length), begin = Math.max(from, end - (int) Math.round(STEADY_FRACTION * (to - from)));
		double sum = 0;
		for (int i = begin; i < end; i++) sum += v[i];
		return sum / Math.max(1, end - begin);
	}

	/** Spikes per second during the step. */
	public double rate(float[] v) {
		return spikes(v) / ((to - from) * sampleDt / 1000);
	}
}
