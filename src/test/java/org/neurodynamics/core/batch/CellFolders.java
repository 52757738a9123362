package org.neurodynamics.core.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.CurrentStep;
import org.neurodynamics.core.cable.Injection;
import org.neurodynamics.core.cable.Protocol;
import org.neurodynamics.core.cable.Simulator;

/**
 * Folders of recordings for batch tests: copies of the test-data ABF and CSV recordings,
 * step families of the cortical neuron model simulated with known conductances (CSV, one
 * column per step current, "I=&lt;pA&gt;"), and damaged files made here.
 */
public final class CellFolders {

	private static final Path DATA = Path.of(System.getProperty("basedir", "."), "test-data");
	/** Settings that read the simulated families: sampled every 0.1 ms, the step from 20 to 120 ms. */
	public static final double INTERVAL = 0.1, STEP_START = 20, STEP_END = 120, LENGTH = 150;
	/** Step currents of the simulated families, pA. */
	public static final double[] CURRENTS = { -50, 50, 100, 200 };

	private CellFolders() {}

	/**
	 * {@code total} cells under {@code dir}, {@code damaged} of them damaged: the four ABF
	 * recordings and three CSV files of test-data (ABFs copied again into subfolders as needed),
	 * {@code simulated} simulated step families, and the damaged files last.
	 */
	public static Path make(Path dir, int total, int simulated, int damaged) throws IOException {
		Files.createDirectories(dir);
		int made = 0;
		for (int i = 0; i < simulated; i++, made++) simulatedFamily(dir.resolve(String.format(Locale.ROOT,
			"simulated/family-%02d.csv", i)), 0.8 + 0.1 * i, 1.2 - 0.1 * i);
		for (int i = 0; i < damaged; i++, made++) damaged(dir, i);
		List<String> abfs = List.of("171116sh_0018.abf", "17o05028_ic_steps.abf", "18425108_abf1.abf", "2020_06_16_0000.abf");
		for (String csv : List.of("hodgkin-huxley.csv", "sherman-rinzel.csv", "hindmarsh-rose.csv")) {
			if (made >= total) break;
			Files.copy(DATA.resolve(csv), dir.resolve(csv));
			made++;
		}
		for (int copy = 0; made < total; copy++)
			for (int a = 0; a < abfs.size() && made < total; a++, made++) {
				Path target = dir.resolve(copy == 0 ? abfs.get(a) : "copies-" + copy + "/" + abfs.get(a));
				Files.createDirectories(target.getParent());
				Files.copy(DATA.resolve("abf").resolve(abfs.get(a)), target);
			}
		return dir;
	}

	/** Settings that read the folders of {@link #make}. */
	public static BatchSettings settings(CellJob job) {
		BatchSettings s = new BatchSettings();
		s.job = job;
		s.interval = INTERVAL;
		s.stepStart = STEP_START;
		s.stepEnd = STEP_END;
		return s;
	}

	/** The cortical neuron with gNa and gK scaled, stepped with {@link #CURRENTS}, saved as CSV. */
	public static void simulatedFamily(Path file, double naFactor, double kFactor) throws IOException {
		CableModel model = CableModels.corticalNeuron();
		double[] theta = model.defaults();
		theta[model.parameterIndex("gNa")] *= naFactor;
		theta[model.parameterIndex("gK")] *= kFactor;
		int samples = (int) Math.round(LENGTH / INTERVAL) + 1;
		double dt = 0.025;
		int stride = (int) Math.round(INTERVAL / dt);
		double[][] v = new double[CURRENTS.length][];
		for (int c = 0; c < CURRENTS.length; c++) {
			Protocol p = new Protocol(List.of(new Injection(0, new CurrentStep(STEP_START, STEP_END - STEP_START,
				CURRENTS[c] * 1e-3))), dt, LENGTH);
			v[c] = Simulator.simulate(model, theta, p, 0).voltage(0);
		}
		StringBuilder sb = new StringBuilder();
		for (int c = 0; c < CURRENTS.length; c++) sb.append(c == 0 ? "" : ",").append("cortical V I=").append((int) CURRENTS[c]);
		sb.append('\n');
		for (int i = 0; i < samples; i++) {
			for (int c = 0; c < CURRENTS.length; c++) sb.append(c == 0 ? "" : ",").append((float) v[c][i * stride]);
			sb.append('\n');
		}
		Files.createDirectories(file.getParent());
		Files.writeString(file, sb.toString());
	}

	/** A damaged recording: a cut ABF file, a file that is not ABF at all, or a CSV of text. */
	static void damaged(Path dir, int which) throws IOException {
		Path target = dir.resolve(String.format(Locale.ROOT, "damaged/damaged-%d.%s", which, which % 3 == 2 ? "csv" : "abf"));
		Files.createDirectories(target.getParent());
		switch (which % 3) {
			case 0:
				byte[] abf = Files.readAllBytes(DATA.resolve("abf/171116sh_0018.abf"));
				Files.write(target, java.util.Arrays.copyOf(abf, abf.length / 3));
				break;
			case 1:
				Files.writeString(target, "this is not a recording\n");
				break;
			default:
				Files.writeString(target, "V,W\nhello,world\n1,2\n");
		}
	}
}
