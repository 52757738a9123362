package org.neurodynamics.core.fit;

/** Adam (Kingma and Ba 2015) with bias correction; minimises by stepping against the gradient. */
public final class Adam {

	private final double rate, beta1, beta2, epsilon;
	private final double[] m, v;
	private int t;

	public Adam(int size, double rate, double beta1, double beta2, double epsilon) {
		this.rate = rate;
		this.beta1 = beta1;
		this.beta2 = beta2;
		this.epsilon = epsilon;
		m = new double[size];
		v = new double[size];
	}

	/** The paper's settings: rate 1e-2, beta1 0.9, beta2 0.999, epsilon 1e-8. */
	public Adam(int size) {
		this(size, 1e-2, 0.9, 0.999, 1e-8);
	}

	public void step(double[] x, double[] gradient) {
		t++;
		double c1 = 1 - Math.pow(beta1, t), c2 = 1 - Math.pow(beta2, t);
		for (int i = 0; i < x.length; i++) {
			m[i] = beta1 * m[i] + (1 - beta1) * gradient[i];
			v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i];
			x[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
		}
	}
}
