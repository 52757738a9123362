package org.neurodynamics.bench;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.reconstruct.Explorer;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;

/**
 * Validation benchmark of the reconstruction (issue 4): for each case, simulates a model
 * at the training values only, reconstructs with the plugin's pipeline exactly as a user
 * would ({@link Reconstruction#run} and {@link Explorer#explore}, default settings unless
 * the case says otherwise) and compares the map with the true model on a grid of
 * parameter values, most never seen in training.
 * <p>
 * Usage (after {@code mvn -B -q test-compile}):
 *
 * <pre>
 * java -Xmx4g -cp target/classes:target/test-classes:$(cat /tmp/cpq.txt) \
 *     org.neurodynamics.bench.ReconstructionBenchmark [case ...] [--seeds=0,1,2] [--set field=value ...] [--out=file] [--no-write]
 * </pre>
 *
 * Cases: {@code hr} (Hindmarsh-Rose), {@code hr-noise} (1% observation noise), {@code sr}
 * (Sherman-Rinzel), {@code hr4-random}, {@code hr8-random} and {@code sr-random} (training
 * values drawn at random, draws chosen with {@code --draws=0,1,2}), {@code hh} (Hodgkin-Huxley bistability), {@code abf} (real
 * recording), {@code all} (every case; the default). {@code --seeds} runs each case once
 * per seed (default 0). {@code --set} overrides a field of {@link ReconstructionSettings}
 * (for measuring levers; results written with overrides are marked as such). Each case
 * replaces its own section of the results file, so parts can be re-run.
 * <p>
 * The cases are {@link ReconstructionRegimeCases} (regime agreement on Hindmarsh-Rose and
 * Sherman-Rinzel), {@link ReconstructionBistabilityCase} (Hodgkin-Huxley) and
 * {@link ReconstructionRecordingCase} (the ABF recording); {@link ReconstructionReport}
 * writes the results file. This class reads the command line and holds the run's options.
 */
public final class ReconstructionBenchmark {

	static final Path DEFAULT_OUT = Paths.get("bench/results/reconstruction-2026-12-02.md");

	/** Overrides of the reconstruction settings given on the command line. */
	static final Map<String, String> OVERRIDES = new LinkedHashMap<>();
	/** Folder for the decoded and true traces of every grid point (--dump=folder), or null. */
	static Path dump;
	/** Training values replacing those of the Hindmarsh-Rose case {@code hr} (--train=a,b,...), or null. */
	static double[] train;
	/** File to which every run appends one tab-separated summary row (--tsv=file), or null. */
	static Path tsv;
	/** Name of the settings in the summary rows (--label=name). */
	static String label = "default";

	static final Progress LOG = new Progress() {
		long last;

		@Override
		public void report(String stage, double fraction, String message) {
			long now = System.currentTimeMillis();
			if (now - last > 10000 || (fraction >= 1 && message != null && message.startsWith("epoch"))) {
				System.err.printf(Locale.ROOT, "  %s %.0f%% %s%n", stage, 100 * fraction, message == null ? "" : message);
				last = now;
			}
		}

		@Override
		public boolean isCancelled() { return false; }
	};

	private ReconstructionBenchmark() {}

	public static void main(String[] args) throws IOException {
		List<String> cases = new ArrayList<>();
		long[] seeds = { 0 };
		int[] draws = { 0, 1, 2 };
		Path out = DEFAULT_OUT;
		boolean write = true;
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (a.startsWith("--seeds=")) seeds = Arrays.stream(a.substring(8).split(",")).mapToLong(Long::parseLong).toArray();
			else if (a.startsWith("--draws=")) draws = Arrays.stream(a.substring(8).split(",")).mapToInt(Integer::parseInt).toArray();
			else if (a.startsWith("--out=")) out = Paths.get(a.substring(6));
			else if (a.equals("--no-write")) write = false;
			else if (a.startsWith("--dump=")) dump = Paths.get(a.substring(7));
			else if (a.startsWith("--tsv=")) tsv = Paths.get(a.substring(6));
			else if (a.startsWith("--label=")) label = a.substring(8);
			else if (a.startsWith("--train=")) train = Arrays.stream(a.substring(8).split(",")).mapToDouble(Double::parseDouble).toArray();
			else if (a.equals("--set")) {
				String[] kv = args[++i].split("=", 2);
				OVERRIDES.put(kv[0], kv[1]);
			}
			else cases.add(a);
		}
		if (cases.isEmpty() || cases.contains("all")) cases = Arrays.asList("hr", "hr-other", "hr-7", "sr", "hh", "hr-noise", "abf");
		for (String name : cases) {
			long start = System.nanoTime();
			double cpuStart = cpuSeconds();
			StringBuilder md = new StringBuilder();
			switch (name) {
				case "hr": ReconstructionRegimeCases.hindmarshRose(md, seeds, 0, train != null ? train : ReconstructionRegimeCases.HR_TRAIN); break;
				case "hr-other": ReconstructionRegimeCases.hindmarshRose(md, seeds, 0, ReconstructionRegimeCases.HR_TRAIN_OTHER); break;
				case "hr-7": ReconstructionRegimeCases.hindmarshRose(md, seeds, 0, ReconstructionRegimeCases.HR_TRAIN_7); break;
				case "hr-a": ReconstructionRegimeCases.hindmarshRose(md, seeds, 0, ReconstructionRegimeCases.HR_TRAIN_A); break;
				case "hr-even": ReconstructionRegimeCases.hindmarshRose(md, seeds, 0, ReconstructionRegimeCases.stepFamily(0)); break;
				case "hr-odd": ReconstructionRegimeCases.hindmarshRose(md, seeds, 0, ReconstructionRegimeCases.stepFamily(1)); break;
				case "hr-noise": ReconstructionRegimeCases.hindmarshRose(md, seeds, 0.01, ReconstructionRegimeCases.HR_TRAIN); break;
				case "sr": ReconstructionRegimeCases.shermanRinzel(md, seeds); break;
				case "hr4-random": case "hr8-random": case "sr-random":
					for (int k : draws) {
						double[] drawn = ReconstructionRegimeCases.randomDraw(name.equals("hr4-random") ? 4 : name.equals("hr8-random") ? 8 : 5, k);
						md.append("Random draw " + k + ":\n\n");
						if (name.equals("sr-random")) ReconstructionRegimeCases.shermanRinzel(md, seeds, drawn);
						else ReconstructionRegimeCases.hindmarshRose(md, seeds, 0, drawn);
					}
					break;
				case "hh": ReconstructionBistabilityCase.hodgkinHuxley(md, seeds); break;
				case "abf": ReconstructionRecordingCase.abf(md, seeds); break;
				default: throw new IllegalArgumentException("Unknown case '" + name + "'; use hr, hr-other, hr-7, hr-a, hr-even, hr-odd, hr-noise, hr4-random, hr8-random, sr, sr-random, hh, abf or all.");
			}
			md.append(String.format(Locale.ROOT, "%nCase wall time %.0f s, process CPU time %.0f s (%s, %d processors, load average %.1f: other jobs shared the machine, so wall times are upper bounds).%n",
				(System.nanoTime() - start) / 1e9, cpuSeconds() - cpuStart, LocalDateTime.now().withNano(0), Runtime.getRuntime().availableProcessors(),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
			System.out.println(md);
			if (write) ReconstructionReport.writeSection(out, name, md.toString());
		}
	}

	// ------------------------------------------------------------------ options

	static ReconstructionSettings settings(long seed) {
		ReconstructionSettings s = new ReconstructionSettings();
		s.seed = seed;
		for (Map.Entry<String, String> e : OVERRIDES.entrySet()) {
			try {
				Field f = ReconstructionSettings.class.getField(e.getKey());
				Class<?> t = f.getType();
				String v = e.getValue();
				if (t == int.class) f.setInt(s, Integer.parseInt(v));
				else if (t == long.class) f.setLong(s, Long.parseLong(v));
				else if (t == double.class) f.setDouble(s, Double.parseDouble(v));
				else if (t == boolean.class) f.setBoolean(s, Boolean.parseBoolean(v));
				else if (t == int[].class) f.set(s, Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray());
				else throw new IllegalArgumentException("cannot set " + e.getKey());
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalArgumentException("No setting '" + e.getKey() + "'", ex);
			}
		}
		return s;
	}

	static String overridesNote() {
		return OVERRIDES.isEmpty() ? "" : " Settings changed from the defaults: " + OVERRIDES + ".";
	}

	static double cpuSeconds() {
		java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		return os instanceof com.sun.management.OperatingSystemMXBean ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9 : Double.NaN;
	}
}
