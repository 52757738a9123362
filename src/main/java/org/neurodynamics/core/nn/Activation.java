package org.neurodynamics.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SoftSign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/** Activation of the hidden layers of the small MLPs used here. */
public enum Activation {
	/** tanh(x). */
	TANH,
	/** x / (1 + |x|): like tanh, but much cheaper to evaluate in ND4J. */
	SOFTSIGN;

	/** Applies the activation in place. */
	void applyInPlace(INDArray x) {
		if (this == TANH) Nd4j.exec(new Tanh(x, x));
		else Nd4j.exec(new SoftSign(x, x));
	}

	/**
	 * Writes the derivative of the activation into {@code out}, computed from the
	 * activation's output {@code h} (not its input).
	 */
	void derivativeFromOutput(INDArray h, INDArray out) {
		if (this == TANH) {
			// 1 - h^2
			out.assign(h).muli(h).rsubi(1.0);
		}
		else {
			// (1 - |h|)^2
			Nd4j.exec(new org.nd4j.linalg.api.ops.impl.transforms.same.Abs(h, out));
			out.rsubi(1.0);
			out.muli(out);
		}
	}

	double apply(double x) {
		return this == TANH ? Math.tanh(x) : x / (1 + Math.abs(x));
	}

	/** Derivative from the output h = f(x). */
	double derivativeFromOutput(double h) {
		if (this == TANH) return 1 - h * h;
		double a = 1 - Math.abs(h);
		return a * a;
	}
}
