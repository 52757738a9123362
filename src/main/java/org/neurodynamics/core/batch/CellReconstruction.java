package org.neurodynamics.core.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.reconstruct.Explorer;
import org.neurodynamics.core.reconstruct.HeldOutCheck;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;
import org.neurodynamics.core.reconstruct.SelfCheck;
import org.neurodynamics.core.io.AtomicFiles;

/**
 * The reconstruct job: Reconstruct Dynamics on the stepped part of every sweep (each at its
 * step current; with hold_out on every other sweep, the others predicted), the model file
 * model.ndmodel, then Explore Reconstructed Model over the recorded range of the parameter;
 * saves the regimes (regimes.csv) and the recorded and map firing rate per sweep (rates.csv),
 * and reports the state dimension, how many of the trained sweeps the map reproduces
 * (self-check), how many held-out sweeps it predicts, and the regime at each value.
 */
final class CellReconstruction {

	static final String MODEL_FILE = "model.ndmodel", REGIMES_FILE = "regimes.csv", RATES_FILE = "rates.csv";
	/** Values of the explored grid, spread evenly over the recorded range. */
	static final int GRID = 9;

	private CellReconstruction() {}

	static Map<String, Object> run(CellRecording r, BatchSettings s, Path folder) throws IOException {
		ReconstructionSettings settings = new ReconstructionSettings();
		if (s.quick) {
			settings.autoencoderEpochs = 60;
			settings.mapEpochs = 30;
			settings.mapCandidates = 2;
		}
		settings.holdOutEveryOther = s.holdOut;
		Reconstruction.Result result = Reconstruction.run(r.stepTraces(), settings, Progress.NONE);
		result.model.save(folder.resolve(MODEL_FILE));
		Explorer.Settings explore = new Explorer.Settings();
		explore.grid = grid(r.parameters);
		List<Explorer.Point> points = Explorer.explore(result.model, explore, Progress.NONE);
		StringBuilder csv = new StringBuilder("parameter,regime,ensemble_regime,maps_agreeing,maps\n"), regimes = new StringBuilder();
		for (Explorer.Point p : points) {
			csv.append(p.parameter).append(',').append(CellRow.quote(p.label())).append(',').append(CellRow.quote(p.ensembleLabel())).append(',')
				.append(p.membersAgreeing()).append(',')
				.append(p.memberLabels.length).append('\n');
			regimes.append(regimes.length() == 0 ? "" : "; ").append(p.parameter).append(": ").append(p.label());
		}
		AtomicFiles.writeString(folder.resolve(REGIMES_FILE), csv.toString());
		Map<String, Object> row = new HashMap<>();
		row.put(BatchColumns.SWEEPS, (long) r.size());
		row.put("state_dimension", (long) result.active.length);
		row.put("self_check_passed", (long) result.selfCheck.passed());
		row.put("self_check_traces", (long) result.selfCheck.traces().size());
		if (result.heldOut != null) {
			row.put("held_out_agreeing", (long) result.heldOut.agreeing());
			row.put("held_out_traces", (long) result.heldOut.predictions().size());
		}
		AtomicFiles.writeString(folder.resolve(RATES_FILE), rates(result));
		row.put("regimes", regimes.toString());
		return row;
	}

	/** parameter, recorded and map spike rate (per second for ms recordings), trained (1) or held out (0), per sweep. */
	static String rates(Reconstruction.Result result) {
		double scale = HeldOutCheck.perSecond(result.model.timeUnit());
		StringBuilder csv = new StringBuilder("parameter,recorded_rate,map_rate,trained\n");
		for (SelfCheck.TraceCheck c : result.selfCheck.traces())
			csv.append(c.parameter).append(',').append(c.recordedRate * scale).append(',').append(c.mapRate * scale).append(",1\n");
		if (result.heldOut != null) for (HeldOutCheck.Prediction p : result.heldOut.predictions())
			csv.append(p.parameter).append(',').append(p.recordedRate * scale).append(',').append(p.predictedRate * scale).append(",0\n");
		return csv.toString();
	}

	static double[] grid(double[] recorded) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (double p : recorded) {
			lo = Math.min(lo, p);
			hi = Math.max(hi, p);
		}
		if (hi == lo) return new double[] { lo };
		double[] g = new double[GRID];
		for (int i = 0; i < GRID; i++) g[i] = lo + (hi - lo) * i / (GRID - 1);
		return g;
	}
}
