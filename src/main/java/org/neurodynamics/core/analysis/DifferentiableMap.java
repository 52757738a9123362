package org.neurodynamics.core.analysis;

/** A discrete-time map u(n+1) = F(u(n), p) with its Jacobian dF/du. */
public interface DifferentiableMap {

	/** Dimension of the state u. */
	int dimension();

	/** Writes F(u, p) into {@code out} (length {@link #dimension()}); {@code out} may not alias {@code u}. */
	void apply(double[] u, double p, double[] out);

	/** The Jacobian dF/du at (u, p), {@code dimension() x dimension()}, row i = dF_i/du. */
	double[][] jacobian(double[] u, double p);
}
