package org.neurodynamics.core.fit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.CorticalCurrent;
import org.neurodynamics.core.cable.SimulationUnstableException;

/**
 * Which extra currents a recorded cell needs: the cortical cell with every candidate set
 * ({@link CorticalCurrent#candidates()}) fitted by the step-family fit to the chosen sweeps,
 * and the set whose model predicts the other, held-out sweeps best ({@link HeldOutSweeps})
 * kept. Sets differ most in what the fitted sweeps do not pin down (where a cell stops
 * firing, how it sags), so the held-out sweeps decide. Having chosen the set, they are no
 * longer an independent test of it.
 */
public final class CurrentSetChoice {

	/** One candidate set, fitted and judged. */
	public static final class Trial {
		public final Set<CorticalCurrent> currents;
		public final CableModel model;
		public final double[] initial;
		/** The parameters fitted (indices into the model's). */
		public final int[] fitted;
		public final FitResult result;
		/** Every sweep simulated with the fitted values; null where the model could not be simulated. */
		public final List<float[]> simulated;
		public final HeldOutSweeps heldOut;
		/** Fitted values on a bound of their range, each as a sentence. */
		public final List<String> onBound;
		public final double seconds;

		Trial(Set<CorticalCurrent> currents, CableModel model, double[] initial, int[] fitted, FitResult result,
			List<float[]> simulated, HeldOutSweeps heldOut, List<String> onBound, double seconds)
		{
			this.currents = currents;
			this.model = model;
			this.initial = initial;
			this.fitted = fitted;
			this.result = result;
			this.simulated = simulated;
			this.heldOut = heldOut;
			this.onBound = onBound;
			this.seconds = seconds;
		}

		/** "NaP+H", "none". */
		public String label() {
			return CorticalCurrent.label(currents);
		}
	}

	public final List<Trial> trials;
	public final Trial best;

	private CurrentSetChoice(List<Trial> trials, Trial best) {
		this.trials = Collections.unmodifiableList(trials);
		this.best = best;
	}

	/**
	 * Fits every set in turn. {@code initial} and {@code fitted} give each set's model its
	 * start and its fitted parameters; {@code extra} adds terms to the active stage's loss.
	 */
	public static CurrentSetChoice fit(StepFamily family, List<Set<CorticalCurrent>> sets, int[] sweeps, int recordAt,
		Function<CableModel, double[]> initial, Function<CableModel, int[]> fitted, FitOptions options,
		UnaryOperator<FitProblem> extra, Progress progress)
	{
		double rest = family.restingPotential();
		List<Trial> trials = new ArrayList<>();
		Trial best = null;
		for (int k = 0; k < sets.size(); k++) {
			Set<CorticalCurrent> set = sets.get(k);
			CableModel model = CableModels.corticalNeuron(rest, set);
			double[] start = initial.apply(model);
			int[] which = fitted.apply(model);
			long t0 = System.nanoTime();
			FitResult result;
			try {
				result = StepFamilyFit.fit(family, model, start, sweeps, recordAt, which, options, extra, FitListener.NONE,
					progress.part(k, sets.size(), CorticalCurrent.label(set)));
			}
			catch (FitUnstableException e) {
				result = e.best();
			}
			List<float[]> simulated = new ArrayList<>();
			for (int s = 0; s < family.size(); s++) simulated.add(simulateOrNull(family, model, result.theta(), s, recordAt));
			Trial t = new Trial(set, model, start, which, result, simulated, HeldOutSweeps.of(family, simulated, sweeps),
				BoundedParameter.warnings(model, start, result), (System.nanoTime() - t0) * 1e-9);
			trials.add(t);
			if (best == null || t.heldOut.isBetterThan(best.heldOut)) best = t;
		}
		return new CurrentSetChoice(trials, best);
	}

	private static float[] simulateOrNull(StepFamily family, CableModel model, double[] theta, int sweep, int recordAt) {
		try {
			return family.simulate(model, theta, sweep, recordAt);
		}
		catch (SimulationUnstableException e) {
			return null;
		}
	}
}
