package org.neurodynamics.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.CorticalCurrent;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.OrnsteinUhlenbeckNoise;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.SimulationResult;
import org.neurodynamics.core.cable.SimulationUnstableException;
import org.neurodynamics.core.cable.Simulator;
import org.neurodynamics.core.cable.Stimulus;
import org.neurodynamics.core.fit.CurrentSetChoice;
import org.neurodynamics.core.fit.FitListener;
import org.neurodynamics.core.fit.FitProblem;
import org.neurodynamics.core.fit.FitResult;
import org.neurodynamics.core.fit.FitUnstableException;
import org.neurodynamics.core.fit.Fitter;
import org.neurodynamics.core.fit.HomeostasisResult;
import org.neurodynamics.core.fit.HomeostaticControl;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.core.fit.StepFamilyFit;
import org.neurodynamics.core.fit.Uncertainty;
import org.neurodynamics.core.trace.Trace;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

@Plugin(type = Service.class)
public class DefaultGradientTuningService extends AbstractService implements GradientTuningService {

	/** Time scale (ms) of the spike-time term: a spike this far off costs spikeWeight/2 (see FitProblem.withSpikeTimes). */
	public static final double SPIKE_TAU = 10;

	@Parameter(required = false)
	private LogService log;

	@Override
	public SimulatedCompartments simulate(SimulationRequest r, Progress progress) {
		CableModel m = CableModelSetup.model(r.model);
		double[] theta = CableModelSetup.parameterValues(m, r.model.values);
		int[] recorded = CableModelSetup.compartments(m, r.record);
		int[] sensitive = r.sensitivities == null || r.sensitivities.isBlank() ? new int[0]
			: CableModelSetup.parameters(m, r.sensitivities);
		Protocol protocol = Stimuli.protocol(m, r.stimulus, Stimuli.waveform(r.stimulus), r.dt, r.duration);
		SimulationResult result = simulate(m, theta, protocol, recorded, sensitive, progress);
		List<Trace> voltage = new ArrayList<>(), sensitivities = new ArrayList<>();
		for (int c = 0; c < result.recordedCompartments().length; c++) {
			voltage.add(result.voltageTrace(c));
			for (int k = 0; k < result.sensitivityParameters().length; k++) sensitivities.add(result.sensitivityTrace(c, k));
		}
		return new SimulatedCompartments(voltage, sensitivities);
	}

	private static SimulationResult simulate(CableModel model, double[] theta, Protocol protocol, int[] record,
		int[] sensitivities, Progress progress)
	{
		try {
			return Simulator.simulate(model, theta, protocol, record, sensitivities, progress);
		}
		catch (SimulationUnstableException e) {
			throw new UserInputException(e.getMessage() + " Parameters: " + CableModelSetup.describe(model, theta) +
				". Use a smaller time step or other parameter values.", e);
		}
	}

	/**
	 * The voltage at one compartment, or null when these parameters blow the simulation up
	 * (already reported by the fit; logged). Not cancellable: after a cancelled fit these short
	 * simulations still show the best result so far.
	 */
	private Trace voltageOrNull(CableModel m, double[] theta, Protocol protocol, int compartment) {
		try {
			return simulate(m, theta, protocol, new int[] { compartment }, new int[0], Progress.NONE).voltageTrace(0);
		}
		catch (UserInputException e) {
			if (log != null) log.warn(e.getMessage());
			return null;
		}
	}

	@Override
	public ConductanceFit fit(FitRequest r, Progress progress) {
		// before any fitting: a step family applies the spike term only in its second stage
		FitProblem.checkSpikeTimes(r.spikeWeight, r.spikeThreshold, SPIKE_TAU);
		if (r.model.chooseCurrents && !r.isStepFamily()) throw new UserInputException("Choosing the extra currents ('" +
			ModelRequest.AUTO + "') judges every set on held-out sweeps of an ABF step family; give Sweeps (such as even), or " +
			"name the currents (such as NaP, H).");
		CableModel m = r.model.chooseCurrents ? CableModels.corticalNeuron() : CableModelSetup.model(r.model);
		double[] initial = CableModelSetup.parameterValues(m, r.model.values);
		int recordAt = CableModelSetup.compartment(m, r.record, "The target was recorded at one compartment; 'record' names ");
		int[] fitted = CableModelSetup.parameters(m, r.fitted);
		return r.isStepFamily() ? fitStepFamily(r, m, initial, recordAt, fitted, progress)
			: fitTrace(r, m, initial, recordAt, fitted, progress);
	}

	private ConductanceFit fitTrace(FitRequest r, CableModel m, double[] initial, int recordAt, int[] fitted,
		Progress progress)
	{
		info(String.format(Locale.ROOT, "Fitting %d parameter(s) of %s to '%s' with %s, %d iterations", fitted.length,
			r.model.model.label(), r.target.name(), Optimiser.of(r.options.method()).label(), r.options.iterations()));
		Trace t = targetInMillivolts(r.target, 0);
		double length = (t.length() - 1) * t.dt();
		if (r.duration > length + 1e-9) throw new UserInputException("The total time (" + CableModelSetup.number(r.duration) +
			" ms) is longer than the target trace '" + t.name() + "' (" + Stimuli.samples(t) + "). Give a total time of at " +
			"most " + CableModelSetup.number(length) + " ms, or 0 to fit the whole trace (with a recorded command: its step " +
			"and a margin); check the target's time calibration.");
		CommandWaveform waveform = Stimuli.waveform(r.stimulus);
		// a recorded command's protocol says which part of the trace its step drives
		double fitDuration = r.duration > 0 ? r.duration : waveform != null ? Math.min(length, waveform.protocolDuration)
			: length;
		Stimuli.check(r.stimulus, waveform, t, length);
		Protocol protocol = Stimuli.protocol(m, r.stimulus, waveform, r.dt, fitDuration);
		FitResult result;
		FitProblem plain = new FitProblem(m, protocol, recordAt, t.samples(), t.dt(), fitted, initial);
		warnIfCoarse(r);
		try {
			result = Fitter.fit(withSpikes(plain, r), r.options, FitListener.NONE, progress);
		}
		catch (FitUnstableException e) {
			result = e.best();
		}
		Trace goal = targetInMillivolts(r.target, fitDuration);
		Protocol shown = Stimuli.protocol(m, r.stimulus, waveform, r.dt, (goal.length() - 1) * goal.dt());
		return ConductanceFit.ofTrace(m, initial, result, goal, voltageOrNull(m, initial, shown, recordAt),
			voltageOrNull(m, result.theta(), shown, recordAt), uncertainty(plain, result));
	}

	/** Fits the chosen sweeps of the ABF step family together; every sweep is then simulated. */
	private ConductanceFit fitStepFamily(FitRequest r, CableModel m, double[] initial, int recordAt, int[] fitted,
		Progress progress)
	{
		StepFamily family = StepFamilies.fromAbf(r.abf, r.channel, r.dt, r.duration);
		int[] chosen = StepFamilies.choose(r.sweeps, family.size());
		if (r.model.chooseCurrents) return chooseCurrents(r, family, chosen, recordAt, fitted, progress);
		if (r.model.model == CellModel.CORTICAL && r.model.hasDefaultValues()) {
			m = CableModels.corticalNeuron(family.restingPotential(), r.model.currents);
			initial = m.defaults();
		}
		info(String.format(Locale.ROOT, "Fitting %d parameter(s) of %s to %d of %d sweeps of '%s'", fitted.length,
			r.model.model.label(), chosen.length, family.size(), r.abf.getName()));
		// passive properties first from the sweeps without spikes, then the rest with a smoothed-voltage term (and spike
		// times if asked for)
		FitResult result;
		warnIfCoarse(r);
		try {
			result = StepFamilyFit.fit(family, m, initial, chosen, recordAt, fitted, r.options, q -> withSpikes(q, r),
				FitListener.NONE, progress);
		}
		catch (FitUnstableException e) {
			result = e.best();
		}
		List<float[]> simulated = new ArrayList<>();
		for (int s = 0; s < family.size(); s++) simulated.add(family.simulate(m, result.theta(), s, recordAt));
		return ConductanceFit.ofStepFamily(m, initial, result, family, chosen, simulated,
			familyUncertainty(family, m, initial, chosen, recordAt, fitted, result), null);
	}

	/**
	 * Fits the cortical cell with every candidate set of extra currents and keeps the one that
	 * predicts the held-out sweeps best; the user's initial values and fitted parameters apply
	 * to every set, whose own conductances are fitted as well.
	 */
	private ConductanceFit chooseCurrents(FitRequest r, StepFamily family, int[] chosen, int recordAt, int[] base,
		Progress progress)
	{
		if (chosen.length == family.size()) throw new UserInputException("Choosing the extra currents ('" + ModelRequest.AUTO +
			"') judges every set on the sweeps that are not fitted, and Sweeps '" + r.sweeps + "' fits all " + family.size() +
			" of them. Fit 'even' or 'odd' sweeps, or name the currents.");
		List<Set<CorticalCurrent>> sets = CorticalCurrent.candidates();
		info(String.format(Locale.ROOT, "Choosing the extra currents of the cortical cell for '%s': %d sets, each fitted to %d " +
			"of %d sweeps and judged on the others", r.abf.getName(), sets.size(), chosen.length, family.size()));
		warnIfCoarse(r);
		CurrentSetChoice choice = CurrentSetChoice.fit(family, sets, chosen, recordAt,
			m -> r.model.hasDefaultValues() ? m.defaults() : CableModelSetup.parameterValues(m, r.model.values),
			m -> withOwnConductances(m, base), r.options, q -> withSpikes(q, r), progress);
		for (CurrentSetChoice.Trial t : choice.trials)
			info(String.format(Locale.ROOT, "  %s: loss %.4g mV^2; %s", t.label(), t.result.loss(), t.heldOut.summary()));
		CurrentSetChoice.Trial best = choice.best;
		info("Kept " + best.label() + ": it predicts the held-out sweeps best (" + best.heldOut.summary() + ").");
		// a sweep the kept model could not simulate is simulated again to report why
		List<float[]> simulated = new ArrayList<>(best.simulated);
		for (int s = 0; s < simulated.size(); s++)
			if (simulated.get(s) == null) simulated.set(s, family.simulate(best.model, best.result.theta(), s, recordAt));
		return ConductanceFit.ofStepFamily(best.model, best.initial, best.result, family, chosen, simulated,
			familyUncertainty(family, best.model, best.initial, chosen, recordAt, best.fitted, best.result), choice);
	}

	/**
	 * The parameters {@code base} names in the plain cortical cell (the extended cell lists them
	 * first, at the same indices) and the conductances the extra currents add.
	 */
	private static int[] withOwnConductances(CableModel m, int[] base) {
		int plain = CableModels.corticalNeuron().parameters().size();
		List<Integer> out = new ArrayList<>();
		for (int k : base) out.add(k);
		for (int k = plain; k < m.parameters().size(); k++) if (m.parameters().get(k).unit().equals("S/cm^2")) out.add(k);
		return out.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The uncertainty of a family's fitted values, or null (logged) when the fitted model cannot be simulated. */
	private Uncertainty familyUncertainty(StepFamily family, CableModel m, double[] initial, int[] chosen, int recordAt,
		int[] fitted, FitResult result)
	{
		try {
			return StepFamilyFit.uncertainty(family, m, initial, chosen, recordAt, fitted, result.theta());
		}
		catch (SimulationUnstableException e) {
			if (log != null) log.warn(e.getMessage());
			return null;
		}
	}

	/**
	 * The uncertainty of the fitted values from the voltage residuals alone (the plain loss),
	 * null when the fitted model cannot be simulated (already reported).
	 */
	private Uncertainty uncertainty(FitProblem plain, FitResult result) {
		try {
			return Uncertainty.of(plain, plain.coordinates(result.multipliers()));
		}
		catch (SimulationUnstableException e) {
			if (log != null) log.warn(e.getMessage());
			return null;
		}
	}

	/** The problem with the request's spike-time term, if it has one. */
	private static FitProblem withSpikes(FitProblem p, FitRequest r) {
		return r.spikeWeight == 0 ? p : p.withSpikeTimes(r.spikeWeight, r.spikeThreshold, SPIKE_TAU);
	}

	/** Warns once, before a fit, when the request's time step makes its spike-time term useless. */
	private void warnIfCoarse(FitRequest r) {
		String warning = coarseStepWarning(r.dt, r.spikeWeight);
		if (warning != null && log != null) log.warn(warning);
	}

	/** Largest time step (ms) at which spike times were found smooth in the parameters (the cortical cell). */
	static final double SMOOTH_SPIKE_DT = 0.025;

	/**
	 * Why the spike-time term cannot guide the fit at this step, or null: above
	 * {@value #SMOOTH_SPIKE_DT} ms a model's spike times jitter under parameter changes far below 1 %,
	 * and their exact gradient follows the jitter, not the trend.
	 */
	static String coarseStepWarning(double dt, double spikeWeight) {
		if (spikeWeight == 0 || dt <= SMOOTH_SPIKE_DT * (1 + 1e-9)) return null;
		return String.format(Locale.ROOT, "The spike-time term (spike_weight=%s) is on at a time step of %s ms: above %s ms a model's " +
			"spike times jitter under parameter changes far below 1 %%, and the term's gradient follows that jitter rather than the " +
			"trend (it was 1e7-1e10 times the 1 %% secants at 0.1 ms on a cortical cell). Use dt=%s or less.", CableModelSetup.number(spikeWeight),
			CableModelSetup.number(dt), SMOOTH_SPIKE_DT, SMOOTH_SPIKE_DT);
	}

	/** The target as it is fitted: time in ms, voltage in mV, cut to {@code duration} ms (0: all). */
	static Trace targetInMillivolts(Trace target, double duration) {
		double timeScale = timeScale(target), valueScale = voltageScale(target);
		float[] x = target.samples();
		double dt = target.dt() * timeScale;
		int n = x.length;
		if (duration > 0) n = Math.min(n, (int) Math.floor(duration / dt + 1e-9) + 1);
		float[] y = new float[n];
		for (int i = 0; i < n; i++) y[i] = (float) (x[i] * valueScale);
		return new Trace(target.name(), y, dt, "ms", "mV", target.parameter(), target.parameterName());
	}

	private static double timeScale(Trace t) {
		switch (t.timeUnit().trim()) {
			case "": case "ms": case "msec": return 1;
			case "s": case "sec": return 1000;
			case "us": case "\u00b5s": return 1e-3;
			default: throw new UserInputException("The target trace '" + t.name() + "' is sampled every " + t.dt() + " " +
				t.timeUnit() + "; its time unit must be ms or s. Set the time calibration (or the sampling interval and " +
				"time unit of a table) in ms.");
		}
	}

	private static double voltageScale(Trace t) {
		switch (t.valueUnit().trim()) {
			case "": case "mV": return 1;
			case "V": return 1000;
			case "uV": case "\u00b5V": return 1e-3;
			default: throw new UserInputException("The target trace '" + t.name() + "' is in '" + t.valueUnit() + "'; the fit " +
				"needs a membrane voltage in mV (a current-clamp recording).");
		}
	}

	@Override
	public HomeostasisResult homeostasis(HomeostasisRequest r, Progress progress) {
		CableModel model = CableModelSetup.model(r.model);
		double[] theta = CableModelSetup.parameterValues(model, r.model.values);
		int[] adapted = CableModelSetup.parameters(model, r.adapted);
		int compartment = CableModelSetup.compartment(model, r.record, "Spikes are counted in one compartment; 'record' names ");
		if (!(r.targetRate > 0)) throw new UserInputException("The target rate must be positive, got " + r.targetRate + " Hz.");
		if (!(r.alpha >= 0)) throw new UserInputException("The learning rate alpha must be zero or positive, got " + r.alpha + ".");
		if (!(r.forgetting >= 0) || r.forgetting * r.dt >= 1) throw new UserInputException("The forgetting rate lambda must " +
			"be zero or positive and below 1/dt, got " + r.forgetting + " /ms.");
		if (r.duration / r.dt > 2e9) throw new UserInputException("Duration " + r.duration + " ms at time step " + r.dt +
			" ms is too many steps; shorten it or use a larger time step.");
		HomeostaticControl.Options o = new HomeostaticControl.Options().targetRate(r.targetRate).alpha(r.alpha)
			.forgetting(r.forgetting).tauRate(r.tauRate).duration(r.duration).dt(r.dt).sampleInterval(r.interval);
		Stimulus noise = new OrnsteinUhlenbeckNoise(r.mean, r.sd, r.tau, r.duration, Stimuli.noiseSampleInterval(r.tau, r.dt),
			r.seed);
		try {
			return HomeostaticControl.run(model, theta, List.of(new Injection(compartment, noise)), adapted, compartment, o,
				progress);
		}
		catch (SimulationUnstableException e) {
			throw new UserInputException(e.getMessage() + " Homeostatic control moved the parameters out of range; use a " +
				"smaller learning rate alpha or a longer rate time constant.", e);
		}
	}

	private void info(String message) {
		if (log != null) log.info(message);
	}
}
