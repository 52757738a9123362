package org.neurodynamics.service;

import java.util.ArrayList;
import java.util.List;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CurrentStep;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.OrnsteinUhlenbeckNoise;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.PulseTrain;
import org.neurodynamics.core.cable.RecordedWaveform;
import org.neurodynamics.core.cable.Stimulus;
import org.neurodynamics.core.trace.Trace;

/**
 * The stimulus of a {@link StimulusRequest} as a protocol, and the checks that it fits a
 * target trace. A recorded waveform is read from its ABF file once, by {@link #waveform}, and
 * passed to the others.
 */
final class Stimuli {

	private Stimuli() {}

	/** The command waveform a request plays, in nA; null for the other kinds of stimulus. */
	static CommandWaveform waveform(StimulusRequest s) {
		return s.kind == StimulusKind.WAVEFORM ? CommandWaveform.of(s) : null;
	}

	/** The stimulus injected into the model for {@code duration} ms with time step {@code dt}. */
	static Protocol protocol(CableModel model, StimulusRequest s, CommandWaveform w, double dt, double duration) {
		if (!(dt > 0) || !(duration > 0)) throw new UserInputException("Time step " + dt + " ms and total time " + duration +
			" ms must both be positive.");
		if (duration / dt > 5e7) throw new UserInputException("Total time " + duration + " ms at time step " + dt +
			" ms needs " + Math.round(duration / dt) + " steps; use a larger time step or a shorter time.");
		Stimulus stimulus = stimulus(s, w, dt, duration);
		List<Injection> injections = new ArrayList<>();
		if (stimulus != null) {
			int[] at = CableModelSetup.compartments(model, s.injectAt);
			if (at.length != 1) throw new UserInputException("Inject the stimulus into one compartment, not '" + s.injectAt + "'.");
			injections.add(new Injection(at[0], stimulus));
		}
		return new Protocol(injections, dt, duration);
	}

	/** The stimulus of a request, null for none. */
	private static Stimulus stimulus(StimulusRequest s, CommandWaveform w, double dt, double duration) {
		switch (s.kind) {
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
				return new RecordedWaveform(w.samples, w.dt, 0);
			default:
				throw new IllegalArgumentException("No stimulus for " + s.kind);
		}
	}

	/** Fine enough for the noise's correlation time, coarse enough to keep long runs small. */
	static double noiseSampleInterval(double tau, double dt) {
		return Math.max(dt, Math.min(0.1, tau / 20));
	}

	/** The stimulus must fit the target's time base: a recorded waveform as long as the target, pulses within it. */
	static void check(StimulusRequest s, CommandWaveform w, Trace t, double length) {
		if (s.kind == StimulusKind.WAVEFORM) {
			if (Math.abs(w.duration() - length) > Math.max(w.dt, t.dt()) + 1e-9) throw new UserInputException("The target " +
				"trace and the stimulus do not match: the target '" + t.name() + "' has " + samples(t) + ", the stimulus " +
				"waveform (" + w.source + ") " + w.samples.length + " samples every " + CableModelSetup.number(w.dt) + " ms (" +
				CableModelSetup.number(w.duration()) + " ms). Use the command waveform of the target's own sweep, or a " +
				"target sampled as the recording was.");
		}
		else if (s.kind.hasStart() && s.start >= length) throw new UserInputException(
			"The stimulus starts at " + CableModelSetup.number(s.start) + " ms, after the end of the target trace '" + t.name() +
			"' (" + samples(t) + "): the target's sampling interval or the stimulus timing is wrong.");
	}

	/** "4001 samples every 0.025 ms = 100 ms" */
	static String samples(Trace t) {
		return t.length() + " samples every " + CableModelSetup.number(t.dt()) + " ms = " +
			CableModelSetup.number((t.length() - 1) * t.dt()) + " ms";
	}
}
