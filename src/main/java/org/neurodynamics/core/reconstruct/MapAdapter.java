package org.neurodynamics.core.reconstruct;

import org.neurodynamics.core.analysis.DifferentiableMap;
import org.neurodynamics.core.nn.NeuralMap;

/** A trained neural-network map seen as a {@link DifferentiableMap}, for Lyapunov exponents and fixed points. */
final class MapAdapter implements DifferentiableMap {

	private final NeuralMap map;

	MapAdapter(NeuralMap map) {
		this.map = map;
	}

	@Override
	public int dimension() {
		return map.stateSize();
	}

	@Override
	public void apply(double[] u, double p, double[] out) {
		System.arraycopy(map.step(u, p), 0, out, 0, out.length);
	}

	@Override
	public double[][] jacobian(double[] u, double p) {
		return map.jacobian(u, p);
	}
}
