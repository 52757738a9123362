package org.neurodynamics.service;

import java.util.List;

import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.fit.CurrentSetChoice;
import org.neurodynamics.core.fit.FitResult;
import org.neurodynamics.core.fit.StepFamily;
import org.neurodynamics.core.fit.Uncertainty;
import org.neurodynamics.core.trace.Trace;

/**
 * The outcome of a {@link FitRequest}: the model as fitted, where the fit started and the
 * fit itself; for one target trace, the target (ms, mV) and the model's voltage before and
 * after (null where the parameters blow the simulation up); for a step family, the family,
 * the fitted sweeps and every sweep simulated with the fitted parameters; for both, the
 * uncertainty of the fitted parameters (null when the fitted model cannot be simulated);
 * when the extra currents were chosen, every candidate set (otherwise null).
 */
public final class ConductanceFit {

	public final CableModel model;
	public final double[] initial;
	public final FitResult result;
	public final Trace target, before, after;
	public final StepFamily family;
	public final int[] chosen;
	public final List<float[]> simulated;
	public final Uncertainty uncertainty;
	public final CurrentSetChoice currentSets;

	private ConductanceFit(CableModel model, double[] initial, FitResult result, Trace target, Trace before, Trace after,
		StepFamily family, int[] chosen, List<float[]> simulated, Uncertainty uncertainty, CurrentSetChoice currentSets)
	{
		this.model = model;
		this.initial = initial;
		this.result = result;
		this.target = target;
		this.before = before;
		this.after = after;
		this.family = family;
		this.chosen = chosen;
		this.simulated = simulated;
		this.uncertainty = uncertainty;
		this.currentSets = currentSets;
	}

	static ConductanceFit ofTrace(CableModel model, double[] initial, FitResult result, Trace target, Trace before,
		Trace after, Uncertainty uncertainty)
	{
		return new ConductanceFit(model, initial, result, target, before, after, null, null, null, uncertainty, null);
	}

	static ConductanceFit ofStepFamily(CableModel model, double[] initial, FitResult result, StepFamily family, int[] chosen,
		List<float[]> simulated, Uncertainty uncertainty, CurrentSetChoice currentSets)
	{
		return new ConductanceFit(model, initial, result, null, null, null, family, chosen, simulated, uncertainty, currentSets);
	}

	public boolean isStepFamily() {
		return family != null;
	}
}
