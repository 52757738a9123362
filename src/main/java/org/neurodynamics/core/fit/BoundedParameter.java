package org.neurodynamics.core.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.Parameter;

/**
 * The physical range of a fitted parameter and the unbounded coordinate the optimisers move
 * in. Positive quantities (conductance densities, capacitance, resistivity) stay within
 * 0.1..10 times their start; reversal potentials stay within the range stated for their ion
 * ({@link #reversalRange}). With z = ln(theta) for positive quantities and z = theta for
 * potentials, {@code z = lo + (hi - lo) sigma(u)} (logistic sigma), so every value of the
 * coordinate is a physical parameter and the exact gradient only gains the factor
 * d theta / d phi. The coordinate phi is shifted and scaled so that phi = 0 is the start and
 * d theta / d phi = |start| there: near the start one unit of phi is one relative change, as
 * it is for a log-multiplier, so learning rates and search widths keep their meaning.
 */
public final class BoundedParameter {

	/** Positive parameters stay within start / FACTOR .. start * FACTOR. */
	public static final double FACTOR = 10;
	/** A fitted value this close (relative to the bound) to a bound is reported as on it. */
	public static final double NEAR = 0.01;

	private final String name, unit;
	private final double start, lower, upper;
	private final boolean logarithmic;
	/** Bounds in z, the logistic coordinate at the start, and du/dphi. */
	private final double a, b, u0, scale;

	private BoundedParameter(String name, String unit, double start, double lower, double upper, boolean logarithmic) {
		this.name = name;
		this.unit = unit;
		this.start = start;
		this.lower = lower;
		this.upper = upper;
		this.logarithmic = logarithmic;
		a = logarithmic ? Math.log(lower) : lower;
		b = logarithmic ? Math.log(upper) : upper;
		double s = ((logarithmic ? Math.log(start) : start) - a) / (b - a);
		u0 = Math.log(s / (1 - s));
		double dzdu = (b - a) * s * (1 - s), dthetadz = logarithmic ? start : 1;
		scale = Math.abs(start) / (dthetadz * dzdu);
	}

	/**
	 * The range of a model parameter fitted from {@code start}: a reversal potential (unit mV)
	 * within {@link #reversalRange}, anything else positive within 0.1..10 times its start.
	 */
	public static BoundedParameter of(Parameter p, double start) {
		String name = p.name(), unit = p.unit();
		if ("mV".equals(unit)) {
			double[] r = reversalRange(name, start);
			if (!(start > r[0] && start < r[1])) throw new UserInputException("The initial " + name + " (" + number(start) +
				" mV) lies outside its physical range " + number(r[0]) + ".." + number(r[1]) + " mV; start it inside that " +
				"range (Initial values).");
			return new BoundedParameter(name, unit, start, r[0], r[1], false);
		}
		if (!(start > 0) || Double.isInfinite(start)) throw new UserInputException(String.format(Locale.ROOT, "The initial " +
			"%s is %.4g %s; a %s is fitted as a positive value, so give it a positive start.", name, start, unit,
			"uF/cm^2".equals(unit) ? "capacitance" : "S/cm^2".equals(unit) ? "conductance" : "parameter in " + unit));
		return new BoundedParameter(name, unit, start, start / FACTOR, start * FACTOR, true);
	}

	/**
	 * Physical range (mV) of a reversal potential, by ion: leak -90..-50, K -110..-60,
	 * Na +20..+90, Ca +50..+150, h (mixed cation) -50..-10; another potential within 30 mV of
	 * its start. A region suffix such as "eL(soma)" is ignored.
	 */
	static double[] reversalRange(String name, double start) {
		String base = name.contains("(") ? name.substring(0, name.indexOf('(')) : name;
		switch (base) {
			case "eL": return new double[] { -90, -50 };
			case "eK": return new double[] { -110, -60 };
			case "eNa": return new double[] { 20, 90 };
			case "eCa": return new double[] { 50, 150 };
			case "eh": case "eH": return new double[] { -50, -10 };
			default: return new double[] { start - 30, start + 30 };
		}
	}

	public String name() { return name; }
	public double lower() { return lower; }
	public double upper() { return upper; }

	/** The parameter at coordinate phi (the start itself at 0). */
	public double value(double phi) {
		if (phi == 0) return start;
		double z = a + (b - a) * sigmoid(u0 + phi * scale);
		return Math.max(lower, Math.min(upper, logarithmic ? Math.exp(z) : z));
	}

	/** d value / d phi. */
	public double derivative(double phi) {
		double s = sigmoid(u0 + phi * scale), dz = (b - a) * s * (1 - s) * scale;
		return logarithmic ? value(phi) * dz : dz;
	}

	/** The coordinate of a value, a value on or past a bound taken as just inside it. */
	public double coordinate(double value) {
		if (value == start) return 0;
		double z = logarithmic ? Math.log(Math.max(value, Double.MIN_NORMAL)) : value;
		double s = Math.max(1e-12, Math.min(1 - 1e-12, (z - a) / (b - a)));
		return (Math.log(s / (1 - s)) - u0) / scale;
	}

	/**
	 * "lower" or "upper" when {@code value} lies within {@link #NEAR} of that bound (relative
	 * to the bound), else "".
	 */
	public String bound(double value) {
		if (Math.abs(value - lower) <= NEAR * Math.abs(lower)) return "lower";
		if (Math.abs(value - upper) <= NEAR * Math.abs(upper)) return "upper";
		return "";
	}

	/** "gL = 0.0003 S/cm^2 is at its lower bound (0.1x its start)" for a value on a bound, else "". */
	public String warning(double value) {
		String side = bound(value);
		if (side.isEmpty()) return "";
		double limit = side.equals("lower") ? lower : upper;
		String range = logarithmic ? number(Math.round(limit / start * 1000) / 1000.0) + "x its start" : number(limit) + " " +
			unit;
		return name + " = " + number(value) + " " + unit + " is at its " + side + " bound (" + range + "): the data push " +
			"it out of its physical range, so the model lacks something the recording shows, or the parameter is not " +
			"identifiable.";
	}

	/** A warning for every fitted value of {@code r} that ended on (within 1% of) a bound of its physical range. */
	public static List<String> warnings(CableModel model, double[] start, FitResult r) {
		List<String> out = new ArrayList<>();
		double[] theta = r.theta();
		for (String name : r.parameterNames()) {
			int i = model.parameterNames().indexOf(name);
			String w = of(model.parameters().get(i), start[i]).warning(theta[i]);
			if (!w.isEmpty()) out.add(w);
		}
		return out;
	}

	/** A number with up to 6 significant digits and no trailing zeros. */
	private static String number(double x) {
		if (!Double.isFinite(x)) return String.valueOf(x);
		return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", x)).stripTrailingZeros().toPlainString();
	}

	private static double sigmoid(double u) {
		return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
	}
}
