package org.neurodynamics.core.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.reconstruct.Explorer;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;
import org.neurodynamics.core.io.AtomicFiles;

/**
 * The reconstruct job: Reconstruct Dynamics on the stepped part of every sweep (each at its
 * step current), the model file model.ndmodel, then Explore Reconstructed Model over the
 * recorded range of the parameter; saves the regimes (regimes.csv) and reports the state
 * dimension, the recorded sweeps the map reproduces (self-check) and the regime at each value.
 */
final class CellReconstruction {

	static final String MODEL_FILE = "model.ndmodel", REGIMES_FILE = "regimes.csv";
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
		Reconstruction.Result result = Reconstruction.run(r.stepTraces(), settings, Progress.NONE);
		result.model.save(folder.resolve(MODEL_FILE));
		Explorer.Settings explore = new Explorer.Settings();
		explore.grid = grid(r.parameters);
		List<Explorer.Point> points = Explorer.explore(result.model, explore, Progress.NONE);
		StringBuilder csv = new StringBuilder("parameter,regime,maps_agreeing,maps\n"), regimes = new StringBuilder();
		for (Explorer.Point p : points) {
			csv.append(p.parameter).append(',').append(CellRow.quote(p.label())).append(',').append(p.membersAgreeing()).append(',')
				.append(p.memberLabels.length).append('\n');
			regimes.append(regimes.length() == 0 ? "" : "; ").append(p.parameter).append(": ").append(p.label());
		}
		AtomicFiles.writeString(folder.resolve(REGIMES_FILE), csv.toString());
		Map<String, Object> row = new HashMap<>();
		row.put(BatchColumns.SWEEPS, (long) r.size());
		row.put("state_dimension", (long) result.active.length);
		row.put("self_check_passed", (long) result.selfCheck.passed());
		row.put("regimes", regimes.toString());
		return row;
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
