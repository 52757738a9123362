package org.neurodynamics.core.batch;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The precision the batch writes its numbers with: six significant digits, more than a
 * recording's (single precision) values hold, so that tables read 102.05 rather than
 * 102.05000000000001 and a row read back from its CSV is the row written.
 */
final class SignificantDigits {

	static final int DIGITS = 6;
	private static final MathContext CONTEXT = new MathContext(DIGITS);

	private SignificantDigits() {}

	static double round(double v) {
		if (!Double.isFinite(v) || v == 0) return v;
		return new BigDecimal(v).round(CONTEXT).doubleValue();
	}

	/** The value rounded if it is a Double; other values as they are. */
	static Object round(Object v) {
		return v instanceof Double ? (Object) round((double) (Double) v) : v;
	}
}
