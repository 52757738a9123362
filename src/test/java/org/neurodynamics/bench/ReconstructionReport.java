package org.neurodynamics.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.hipparchus.complex.Complex;

/**
 * What the {@link ReconstructionBenchmark} writes: its sections of the results file, the
 * traces it dumps, and the number formats and summaries of its tables.
 */
final class ReconstructionReport {

	private ReconstructionReport() {}

	static void writeSection(Path out, String name, String body) throws IOException {
		String begin = "<!-- case " + name + " -->", end = "<!-- end " + name + " -->";
		String text = Files.exists(out) ? new String(Files.readAllBytes(out), StandardCharsets.UTF_8)
			: "# Reconstruction benchmark, 2026-12-02\n\nProduced by `org.neurodynamics.bench.ReconstructionBenchmark` (see its class comment for the command). "
				+ "Each case below is replaced when the case is re-run.\n\n";
		String section = begin + "\n" + body.trim() + "\n" + end + "\n";
		int a = text.indexOf(begin), b = text.indexOf(end);
		if (a >= 0 && b > a) text = text.substring(0, a) + section + text.substring(b + end.length() + 1 > text.length() ? text.length() : b + end.length() + 1);
		else text = text + "\n" + section;
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.write(out, text.getBytes(StandardCharsets.UTF_8));
	}

	/** The decoded and true trace at one grid value, as CSV in {@code dump}. */
	static void dumpTraces(Path dump, double p, double[] truth, float[] map) {
		try {
			Files.createDirectories(dump);
			StringBuilder sb = new StringBuilder("true,map\n");
			for (int i = 0; i < Math.max(truth.length, map.length); i++)
				sb.append(i < truth.length ? String.valueOf((float) truth[i]) : "").append(',').append(i < map.length ? String.valueOf(map[i]) : "").append('\n');
			Files.write(dump.resolve(String.format(Locale.ROOT, "p%.4f.csv", p)), sb.toString().getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static double[] toDouble(float[] x) {
		double[] d = new double[x.length];
		for (int i = 0; i < x.length; i++) d[i] = x[i];
		return d;
	}

	static String fmt(double v) {
		return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3g", v);
	}

	static String cfmt(Complex c) {
		return String.format(Locale.ROOT, "%.3g%+.3gi", c.getReal(), c.getImaginary());
	}

	static String pct(double[] v) {
		StringBuilder sb = new StringBuilder("[");
		for (double x : v) sb.append(sb.length() == 1 ? "" : ", ").append(Double.isNaN(x) ? "n/a" : Math.round(100 * x) + "%");
		return sb.append(']').toString();
	}

	static double min(double[] v) { return Arrays.stream(v).min().orElse(Double.NaN); }
	static double max(double[] v) { return Arrays.stream(v).max().orElse(Double.NaN); }
	static double mean(double[] v) { return Arrays.stream(v).average().orElse(Double.NaN); }
}
