package org.neurodynamics.core.trace;

import java.util.ArrayList;
import java.util.List;

import org.neurodynamics.core.UserInputException;

/**
 * Parses the lists of control-parameter values users type: "1.5, 2.25, 3" (commas,
 * spaces or semicolons) or ranges "start:step:end" (end included), mixed freely.
 */
public final class ParameterList {

	private ParameterList() {}

	public static double[] parse(String text, String what) {
		if (text == null || text.isBlank()) return new double[0];
		List<Double> values = new ArrayList<>();
		for (String token : text.trim().split("[,;\\s]+")) {
			if (token.isEmpty()) continue;
			String[] parts = token.split(":");
			try {
				if (parts.length == 1) values.add(Double.parseDouble(parts[0]));
				else if (parts.length == 3) addRange(values, Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
					Double.parseDouble(parts[2]), token, what);
				else throw new NumberFormatException();
			}
			catch (NumberFormatException e) {
				throw new UserInputException("Cannot read '" + token + "' in the " + what +
					". Give numbers separated by commas (1.5, 2, 3.5) or a range start:step:end (1.5:0.25:4).");
			}
		}
		for (double v : values)
			if (!Double.isFinite(v)) throw new UserInputException("The " + what + " contain a value that is not a finite number.");
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static void addRange(List<Double> values, double start, double step, double end, String token, String what) {
		if (!(step != 0) || Math.signum(end - start) * Math.signum(step) < 0) throw new UserInputException("The range '" +
			token + "' in the " + what + " never reaches its end; use start:step:end with a step that goes from start to end.");
		long n = (long) Math.floor((end - start) / step + 1e-9) + 1;
		if (n > 100000) throw new UserInputException("The range '" + token + "' in the " + what + " has " + n +
			" values; use a larger step.");
		for (long i = 0; i < n; i++) values.add(start + i * step);
	}

	/** Formats values compactly for tables and logs ("1.5, 2.25, 3"). */
	public static String format(double[] values) {
		StringBuilder sb = new StringBuilder();
		for (double v : values) {
			if (sb.length() > 0) sb.append(", ");
			sb.append(v == Math.rint(v) && Math.abs(v) < 1e9 ? String.valueOf((long) v) : String.valueOf((float) v));
		}
		return sb.toString();
	}
}
