package org.neurodynamics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.Pointer;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.model.HindmarshRose;
import org.neurodynamics.core.model.ModelSimulator;
import org.neurodynamics.core.nn.NetworkThreads;
import org.neurodynamics.core.reconstruct.Explorer;
import org.neurodynamics.core.reconstruct.Reconstruction;
import org.neurodynamics.core.reconstruct.ReconstructionSettings;
import org.neurodynamics.core.trace.Trace;

/**
 * Speed and memory of the reconstruction pipeline on the Hindmarsh-Rose demo: training
 * throughput, the time of a 200-value x 5000-step bifurcation diagram, and the peak heap
 * while reconstructing from a trace of a million samples. Writes a dated markdown file.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) org.neurodynamics.bench.PipelineBenchmark
 * </pre>
 * Run it with -Xmx1g: the million-sample case must fit in that heap.
 */
public final class PipelineBenchmark {

	public static void main(String[] args) throws Exception {
		Path out = Paths.get(args.length > 0 ? args[0] : "bench/results/pipeline-" + LocalDate.now() + ".md");
		List<String> rows = new ArrayList<>();
		NetworkThreads.ensureConfigured();
		String threads = NetworkThreads.describe();
		ModelSimulator sim = new ModelSimulator(new HindmarshRose());

		long t0 = System.nanoTime();
		List<Trace> traces = new ArrayList<>();
		for (double i : new double[] { 1.5, 2.25, 3.0, 3.75 }) traces.add(sim.trace(0, i, 4000, 1000, 0.5, 0, 1, Progress.NONE));
		double simulate = seconds(t0);
		t0 = System.nanoTime();
		Reconstruction.Result r = Reconstruction.run(traces, new ReconstructionSettings(), Progress.NONE);
		double reconstruct = seconds(t0);
		rows.add(row("Simulate 4 traces of 8000 samples", simulate, "s"));
		rows.add(row("Reconstruct with default settings (" + r.embedding + ")", reconstruct, "s"));
		rows.add(row("Autoencoder training throughput", r.autoencoderHistory.samplesPerSecond(), "samples/s"));
		rows.add(row("Map training throughput", r.mapHistory.samplesPerSecond(), "windows/s"));

		Explorer.Settings diagram = new Explorer.Settings();
		diagram.grid = grid(1.3, 4.0, 200);
		diagram.iterations = 5000;
		diagram.transientSteps = 0;
		diagram.initialStates = 1;
		diagram.lyapunovSteps = 0;
		diagram.fixedPointValues = 0;
		t0 = System.nanoTime();
		Explorer.explore(r.model, diagram, Progress.NONE);
		rows.add(row("Bifurcation diagram, 200 values x 5000 steps (iterate, decode, maxima, regimes)", seconds(t0), "s"));

		Explorer.Settings demo = new Explorer.Settings();
		demo.grid = grid(1.3, 4.0, 91);
		demo.iterations = 3000;
		demo.transientSteps = 2000;
		demo.initialStates = 2;
		t0 = System.nanoTime();
		Explorer.explore(r.model, demo, Progress.NONE);
		rows.add(row("Demo exploration, 91 values x 2 initial states x 5000 steps, Lyapunov exponents, fixed points", seconds(t0), "s"));

		// A million samples: the embedding streams batches and never holds the N x De matrix.
		Trace big = sim.trace(0, 2.5, 500_000, 1000, 0.5, 0, 1, Progress.NONE);
		traces = null;
		r = null;
		System.gc();
		resetPeaks();
		ReconstructionSettings s = new ReconstructionSettings();
		s.autoencoderEpochs = 2;
		s.mapEpochs = 2;
		s.samplesPerEpoch = 20000;
		t0 = System.nanoTime();
		Reconstruction.Result million = Reconstruction.run(List.of(big), s, Progress.NONE);
		rows.add(row("Reconstruct from 1,000,000 samples (2+2 epochs of 20,000 rows; De " + million.embedding.dimension + ")", seconds(t0), "s"));
		rows.add(row("Peak Java heap during it (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB)", peakHeapMb(), "MB"));
		rows.add(row("Process resident set after it", Pointer.physicalBytes() / 1e6, "MB"));

		StringBuilder md = new StringBuilder();
		md.append("# Reconstruction pipeline speed and memory, ").append(LocalDate.now()).append("\n\n");
		md.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ").append(System.getProperty("java.version"))
			.append(", ").append(threads).append(".\n\n");
		md.append("Reproduce: `mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test && ")
			.append("java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) org.neurodynamics.bench.PipelineBenchmark`\n\n");
		md.append("Targets: whole demo under 3 minutes; bifurcation diagram under 10 s; peak heap under 1 GB for the million-sample trace.\n\n");
		md.append("| measurement | value | unit |\n|---|---:|---|\n");
		for (String row : rows) md.append(row).append('\n');
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, md.toString());
		System.out.print(md);
	}

	private static double[] grid(double from, double to, int n) {
		double[] g = new double[n];
		for (int i = 0; i < n; i++) g[i] = from + i * (to - from) / (n - 1);
		return g;
	}

	private static double seconds(long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}

	private static String row(String what, double value, String unit) {
		return String.format("| %s | %,.1f | %s |", what, value, unit);
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
			if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
	}

	private static double peakHeapMb() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
			if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
		return peak / 1e6;
	}
}
