package org.neurodynamics.service;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.CurrentStep;
import org.neurodynamics.core.cable.HodgkinHuxley;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Leak;
import org.neurodynamics.core.cable.OrnsteinUhlenbeckNoise;
import org.neurodynamics.core.cable.Parameter;
import org.neurodynamics.core.cable.PinskyRinzel;
import org.neurodynamics.core.cable.PinskyRinzelCalcium;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.PulseTrain;
import org.neurodynamics.core.cable.RecordedWaveform;
import org.neurodynamics.core.cable.Region;
import org.neurodynamics.core.cable.RegionChannels;
import org.neurodynamics.core.cable.SimulationResult;
import org.neurodynamics.core.cable.SimulationUnstableException;
import org.neurodynamics.core.cable.Simulator;
import org.neurodynamics.core.cable.Stimulus;
import org.neurodynamics.core.cable.SwcReader;
import org.neurodynamics.core.fit.FitListener;
import org.neurodynamics.core.fit.FitOptions;
import org.neurodynamics.core.fit.FitProblem;
import org.neurodynamics.core.fit.FitResult;
import org.neurodynamics.core.fit.FitUnstableException;
import org.neurodynamics.core.fit.Fitter;
import org.neurodynamics.core.fit.HomeostasisResult;
import org.neurodynamics.core.fit.HomeostaticControl;
import org.neurodynamics.core.trace.Trace;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;

@Plugin(type = Service.class)
public class DefaultGradientTuningService extends AbstractService implements GradientTuningService {

	/** Compartment size rule of reconstructed cells (NEURON's usual d_lambda), cm, Ra and rest. */
	static final double D_LAMBDA = 0.1, SWC_CM = 1, SWC_RA = 100, SWC_REST = -65;

	private static final String CONDUCTANCE_UNIT = "S/cm^2";

	@Override
	public CableModel model(ModelRequest request) {
		String choice = request.model == null ? "" : request.model;
		switch (choice) {
			case HH_AXON:
				return CableModels.hodgkinHuxleyAxon(false);
			case PINSKY_RINZEL:
				return CableModels.pinskyRinzel();
			case HH_COMPARTMENT:
				return CableModels.hodgkinHuxleyCompartment();
			case CORTICAL:
				return CableModels.corticalNeuron();
			case SWC:
				return fromSwc(request);
			default:
				throw new UserInputException("Unknown model '" + choice + "'; choose one of " + Arrays.toString(MODELS) + ".");
		}
	}

	private static CableModel fromSwc(ModelRequest request) {
		File file = request.swc;
		if (file == null || file.getPath().isEmpty()) throw new UserInputException("The model '" + SWC +
			"' needs an SWC file; choose the morphology (for instance one saved by SNT).");
		if (!file.isFile()) throw new UserInputException("The SWC file '" + file + "' does not exist.");
		RegionChannels channels = new RegionChannels();
		addChannels(channels, Region.SOMA, request.soma);
		addChannels(channels, Region.AXON, request.axon);
		addChannels(channels, Region.DENDRITE, request.dendrite);
		try {
			return CableModels.fromMorphology(SwcReader.read(file.toPath()), channels, SWC_CM, SWC_RA, SWC_REST, D_LAMBDA);
		}
		catch (IOException e) {
			throw new UserInputException("Could not read the SWC file '" + file + "': " + e.getMessage(), e);
		}
	}

	/** Per-region parameters ("gNa(soma)") so that each region is tuned on its own. */
	static void addChannels(RegionChannels rc, Region region, String set) {
		String s = set == null ? "" : set;
		switch (s) {
			case HH_CHANNELS:
				rc.insert(region, HodgkinHuxley.sodium(), HodgkinHuxley.G_NA);
				rc.insert(region, HodgkinHuxley.potassium(), HodgkinHuxley.G_K);
				rc.insert(region, new Leak(), HodgkinHuxley.G_L, HodgkinHuxley.E_L);
				break;
			case PASSIVE:
				rc.insert(region, new Leak(), HodgkinHuxley.G_L, HodgkinHuxley.E_L);
				break;
			case PR_SOMA:
				rc.insert(region, PinskyRinzel.sodium(), PinskyRinzel.G_NA);
				rc.insert(region, PinskyRinzel.delayedRectifier(), PinskyRinzel.G_KDR);
				rc.insert(region, new Leak(), PinskyRinzel.G_L, PinskyRinzel.E_L);
				break;
			case PR_DENDRITE:
				rc.insert(region, new PinskyRinzelCalcium(), PinskyRinzel.G_CA, PinskyRinzel.G_KC, PinskyRinzel.G_KAHP);
				rc.insert(region, new Leak(), PinskyRinzel.G_L, PinskyRinzel.E_L);
				break;
			default:
				throw new UserInputException("Unknown channel set '" + s + "' for the " + region.label() + "; choose one of " +
					Arrays.toString(CHANNEL_SETS) + ".");
		}
	}

	@Override
	public double[] parameterValues(CableModel model, String values) {
		double[] theta = model.defaults();
		if (values == null || values.isBlank()) return theta;
		for (String token : values.split("[,;]")) {
			String t = token.trim();
			if (t.isEmpty()) continue;
			int eq = t.indexOf('='), times = t.lastIndexOf('*');
			int at = eq >= 0 ? eq : times;
			if (at <= 0) throw new UserInputException("Cannot read '" + t + "' in the parameter values. Write name=value " +
				"(e.g. gNa=0.15) or name*factor (e.g. gK*0.8), separated by commas. The model's parameters are: " +
				model.parameterNames() + ".");
			int k = parameterIndex(model, t.substring(0, at).trim());
			double x;
			try {
				x = Double.parseDouble(t.substring(at + 1).trim());
			}
			catch (NumberFormatException e) {
				throw new UserInputException("Cannot read the number in '" + t + "' of the parameter values.");
			}
			if (!Double.isFinite(x)) throw new UserInputException("'" + t + "' in the parameter values is not a finite number.");
			theta[k] = eq >= 0 ? x : model.defaults()[k] * x;
		}
		return theta;
	}

	/** Exact name first, then a unique case-insensitive match; otherwise a message listing the names. */
	static int parameterIndex(CableModel model, String name) {
		List<String> names = model.parameterNames();
		int exact = names.indexOf(name);
		if (exact >= 0) return exact;
		int found = -1;
		for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(name)) {
			if (found >= 0) return model.parameterIndex(name);
			found = i;
		}
		return found >= 0 ? found : model.parameterIndex(name);
	}

	@Override
	public int[] parameters(CableModel model, String names) {
		List<Integer> indices = new ArrayList<>();
		if (names == null || names.isBlank() || names.trim().equalsIgnoreCase("conductances")) {
			List<Parameter> ps = model.parameters();
			for (int i = 0; i < ps.size(); i++) if (CONDUCTANCE_UNIT.equals(ps.get(i).unit())) indices.add(i);
		}
		else for (String token : names.split("[,;]")) {
			if (token.isBlank()) continue;
			int k = parameterIndex(model, token.trim());
			if (indices.contains(k)) throw new UserInputException("Parameter " + model.parameterNames().get(k) +
				" is listed twice.");
			indices.add(k);
		}
		if (indices.isEmpty()) throw new UserInputException("Choose at least one parameter; the model's parameters are: " +
			model.parameterNames() + ".");
		return indices.stream().mapToInt(Integer::intValue).toArray();
	}

	@Override
	public int[] compartments(CableModel model, String spec) {
		int n = model.compartmentCount();
		if (spec == null || spec.isBlank()) return new int[] { 0 };
		if (spec.trim().equalsIgnoreCase("all")) {
			int[] all = new int[n];
			for (int i = 0; i < n; i++) all[i] = i;
			return all;
		}
		List<Integer> indices = new ArrayList<>();
		for (String token : spec.split("[,;]")) {
			String t = token.trim();
			if (!t.isEmpty()) indices.add(compartmentIndex(model, t));
		}
		return indices.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int compartmentIndex(CableModel model, String t) {
		int i = model.compartmentIndex(t);
		if (i >= 0) return i;
		if (t.matches("\\d+")) {
			int k = Integer.parseInt(t);
			if (k < model.compartmentCount()) return k;
		}
		for (int c = 0; c < model.compartmentCount(); c++) {
			String label = model.compartment(c).label;
			// "axon[2]" names the middle segment "axon[2](0.5)" of a section, as NEURON users write it
			if (label.equalsIgnoreCase(t) || label.startsWith(t + "(0.5")) return c;
		}
		for (int c = 0; c < model.compartmentCount(); c++) if (model.compartment(c).label.startsWith(t + "(")) return c;
		StringBuilder labels = new StringBuilder();
		int shown = Math.min(12, model.compartmentCount());
		for (int c = 0; c < shown; c++) labels.append(c > 0 ? ", " : "").append(model.compartment(c).label);
		if (shown < model.compartmentCount()) labels.append(", ...");
		throw new UserInputException("The model has no compartment '" + t + "'. Give a label (" + labels + ") or an index 0.." +
			(model.compartmentCount() - 1) + ", comma-separated.");
	}

	@Override
	public Protocol protocol(CableModel model, StimulusRequest s, double dt, double duration) {
		if (!(dt > 0) || !(duration > 0)) throw new UserInputException("Time step " + dt + " ms and total time " + duration +
			" ms must both be positive.");
		if (duration / dt > 5e7) throw new UserInputException("Total time " + duration + " ms at time step " + dt +
			" ms needs " + Math.round(duration / dt) + " steps; use a larger time step or a shorter time.");
		Stimulus stimulus = stimulus(s, dt, duration);
		List<Injection> injections = new ArrayList<>();
		if (stimulus != null) {
			int[] at = compartments(model, s.injectAt);
			if (at.length != 1) throw new UserInputException("Inject the stimulus into one compartment, not '" + s.injectAt + "'.");
			injections.add(new Injection(at[0], stimulus));
		}
		return new Protocol(injections, dt, duration);
	}

	/** The stimulus of a request, null for none. */
	static Stimulus stimulus(StimulusRequest s, double dt, double duration) {
		String kind = s.kind == null ? "" : s.kind;
		switch (kind) {
			case NONE:
				return null;
			case STEP:
				if (!(s.duration > 0)) throw new UserInputException("The current step lasts " + s.duration + " ms; give a positive duration.");
				return new CurrentStep(s.start, s.duration, s.amplitude);
			case PULSES:
				return new PulseTrain(s.start, s.width, s.period, s.amplitude);
			case NOISE:
				return new OrnsteinUhlenbeckNoise(s.amplitude, s.sd, s.tau, duration, noiseSampleInterval(s.tau, dt), s.seed);
			case WAVEFORM:
				CommandWaveform w = CommandWaveform.of(s);
				return new RecordedWaveform(w.samples, w.dt, 0);
			default:
				throw new UserInputException("Unknown stimulus '" + kind + "'; choose one of " + Arrays.toString(STIMULI) + ".");
		}
	}

	/** Fine enough for the noise's correlation time, coarse enough to keep long runs small. */
	static double noiseSampleInterval(double tau, double dt) {
		return Math.max(dt, Math.min(0.1, tau / 20));
	}

	@Override
	public SimulationResult simulate(CableModel model, double[] theta, Protocol protocol, int[] record, int[] sensitivities,
		Progress progress)
	{
		try {
			return Simulator.simulate(model, theta, protocol, record, sensitivities, progress);
		}
		catch (SimulationUnstableException e) {
			throw new UserInputException(e.getMessage() + " Parameters: " + describe(model, theta) + ". Use a smaller time " +
				"step or other parameter values.", e);
		}
	}

	/** "gNa = 0.12, gK = 0.036, ..." of the whole parameter vector. */
	static String describe(CableModel model, double[] theta) {
		StringBuilder sb = new StringBuilder();
		for (int k = 0; k < theta.length; k++) sb.append(k > 0 ? ", " : "").append(model.parameters().get(k).name())
			.append(" = ").append(number(theta[k]));
		return sb.toString();
	}

	@Override
	public List<Trace> voltageTraces(SimulationResult result) {
		List<Trace> traces = new ArrayList<>();
		for (int r = 0; r < result.recordedCompartments().length; r++) traces.add(result.voltageTrace(r));
		return traces;
	}

	@Override
	public List<Trace> sensitivityTraces(SimulationResult result) {
		List<Trace> traces = new ArrayList<>();
		for (int r = 0; r < result.recordedCompartments().length; r++)
			for (int k = 0; k < result.sensitivityParameters().length; k++) traces.add(result.sensitivityTrace(r, k));
		return traces;
	}

	@Override
	public Trace targetInMillivolts(Trace target, double duration) {
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
	public FitResult fit(CableModel model, double[] start, StimulusRequest stimulus, double dt, double duration, int recordAt,
		Trace target, int[] fitted, FitOptions options, FitListener listener, Progress progress)
	{
		Trace t = targetInMillivolts(target, 0);
		double length = (t.length() - 1) * t.dt();
		if (duration > length + 1e-9) throw new UserInputException("The total time (" + number(duration) + " ms) is longer " +
			"than the target trace '" + t.name() + "' (" + samples(t) + "). Give a total time of at most " + number(length) +
			" ms, or 0 to fit the whole trace; check the target's time calibration.");
		double fitDuration = duration > 0 ? duration : length;
		checkStimulus(stimulus, t, length);
		Protocol protocol = protocol(model, stimulus, dt, fitDuration);
		return fit(new FitProblem(model, protocol, recordAt, t.samples(), t.dt(), fitted, start), options, listener, progress);
	}

	@Override
	public FitResult fit(FitProblem problem, FitOptions options, FitListener listener, Progress progress) {
		try {
			return Fitter.fit(problem, options, listener, progress);
		}
		catch (FitUnstableException e) {
			return e.best();
		}
	}

	/** The stimulus must fit the target's time base: a recorded waveform as long as the target, pulses within it. */
	private static void checkStimulus(StimulusRequest s, Trace t, double length) {
		if (WAVEFORM.equals(s.kind)) {
			CommandWaveform w = CommandWaveform.of(s);
			if (Math.abs(w.duration() - length) > Math.max(w.dt, t.dt()) + 1e-9) throw new UserInputException("The target " +
				"trace and the stimulus do not match: the target '" + t.name() + "' has " + samples(t) + ", the stimulus " +
				"waveform (" + w.source + ") " + w.samples.length + " samples every " + number(w.dt) + " ms (" +
				number(w.duration()) + " ms). Use the command waveform of the target's own sweep, or a target sampled as " +
				"the recording was.");
		}
		else if ((STEP.equals(s.kind) || PULSES.equals(s.kind)) && s.start >= length) throw new UserInputException(
			"The stimulus starts at " + number(s.start) + " ms, after the end of the target trace '" + t.name() + "' (" +
			samples(t) + "): the target's sampling interval or the stimulus timing is wrong.");
	}

	/** "4001 samples every 0.025 ms = 100 ms" */
	private static String samples(Trace t) {
		return t.length() + " samples every " + number(t.dt()) + " ms = " + number((t.length() - 1) * t.dt()) + " ms";
	}

	/** Six significant digits without trailing zeros. */
	static String number(double x) {
		if (!Double.isFinite(x)) return String.valueOf(x);
		return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", x)).stripTrailingZeros().toPlainString();
	}

	@Override
	public HomeostasisResult homeostasis(CableModel model, double[] theta, HomeostasisRequest r, int[] adapted,
		int compartment, Progress progress)
	{
		if (!(r.targetRate > 0)) throw new UserInputException("The target rate must be positive, got " + r.targetRate + " Hz.");
		if (!(r.alpha >= 0)) throw new UserInputException("The learning rate alpha must be zero or positive, got " + r.alpha + ".");
		if (!(r.forgetting >= 0) || r.forgetting * r.dt >= 1) throw new UserInputException("The forgetting rate lambda must " +
			"be zero or positive and below 1/dt, got " + r.forgetting + " /ms.");
		if (r.duration / r.dt > 2e9) throw new UserInputException("Duration " + r.duration + " ms at time step " + r.dt +
			" ms is too many steps; shorten it or use a larger time step.");
		HomeostaticControl.Options o = new HomeostaticControl.Options().targetRate(r.targetRate).alpha(r.alpha)
			.forgetting(r.forgetting).tauRate(r.tauRate).duration(r.duration).dt(r.dt).sampleInterval(r.interval);
		Stimulus noise = new OrnsteinUhlenbeckNoise(r.mean, r.sd, r.tau, r.duration, noiseSampleInterval(r.tau, r.dt), r.seed);
		try {
			return HomeostaticControl.run(model, theta, List.of(new Injection(compartment, noise)), adapted, compartment, o,
				progress);
		}
		catch (SimulationUnstableException e) {
			throw new UserInputException(e.getMessage() + " Homeostatic control moved the parameters out of range; use a " +
				"smaller learning rate alpha or a longer rate time constant.", e);
		}
	}
}
