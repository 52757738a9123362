package org.neurodynamics.core.cable;

import java.util.Arrays;
import java.util.List;

import org.neurodynamics.core.UserInputException;

/**
 * One running simulation of a {@link CableModel}, advanced one time step at a time, with
 * optional forward sensitivities of every state with respect to chosen parameters.
 *
 * <p>Step n -> n+1 (h = dt for backward Euler, dt/2 for Crank-Nicolson):
 * <ol>
 * <li>voltage: {@code cm (V' - V)/h = -I(V', s) + coupling(V') + I_ext}, exact because I is
 * affine in V; one tree system solved in Hines order;</li>
 * <li>states: each state updated implicitly in itself with V at the new time and the other
 * states at the old time (see {@link Channel}).</li>
 * </ol>
 * The sensitivities W = dV/dtheta_k and S = ds/dtheta_k are the exact derivatives of this
 * discrete map: each column solves the same tree system (factorised once per step) with its
 * own right-hand side, so they equal finite differences of the simulator up to round-off.
 *
 * <p>Units: t ms, V mV, injected current nA (converted to uA/cm^2 by the compartment area).
 */
public final class CableSimulation {

	/** nA / um^2 to uA/cm^2; also uS / um^2 to mS/cm^2. */
	static final double PER_AREA = 1e5;

	private final CableModel model;
	private final double dt;
	private final TimeScheme scheme;
	private final double[] theta;
	private final int n;
	private final int[] parent;
	private final double[] area, cm, axial, axialDiagonal;
	private final TreeMatrix matrix;

	private final Channel[] channel;
	private final int[] where, stateOffset;
	private final double[][] local;
	private final int[][] localColumn;
	private final Kinetics[] kinetics;
	private final double[][] dIds, dIdp;

	private final int[] injectionCompartment;
	private final Stimulus[] injectionStimulus;

	private final double[] v, vHalf, rhs, s;

	private final int[] sensitivityParameters;
	private final int[] columnOf;
	private final int[] capacitanceColumn, axialColumn;
	private final int columns;
	private double[][] w, sens, sensNext;
	private final double[][] rhsW;

	private long steps;

	/**
	 * @param theta parameter vector aligned with {@code model.parameters()} (copied)
	 * @param sensitivityParameters indices into theta whose sensitivities are carried along
	 */
	public CableSimulation(CableModel model, double[] theta, List<Injection> injections, double dt,
		TimeScheme scheme, int... sensitivityParameters)
	{
		if (theta.length != model.parameters().size()) throw new IllegalArgumentException("theta has " +
			theta.length + " entries, the model " + model.parameters().size());
		if (!(dt > 0) || Double.isInfinite(dt)) throw new UserInputException("The time step is " + dt +
			" ms; it must be a positive number (0.025 ms is usual).");
		this.model = model;
		this.dt = dt;
		this.scheme = scheme;
		this.theta = theta.clone();
		n = model.compartmentCount();
		parent = new int[n];
		area = new double[n];
		cm = new double[n];
		axial = new double[n];
		axialDiagonal = new double[n];
		for (int i = 0; i < n; i++) {
			parent[i] = model.compartment(i).parent;
			area[i] = model.compartment(i).area;
		}
		matrix = new TreeMatrix(parent);

		List<CableModel.Placement> placements = model.placements();
		int m = placements.size();
		channel = new Channel[m];
		where = new int[m];
		stateOffset = new int[m];
		local = new double[m][];
		localColumn = new int[m][];
		kinetics = new Kinetics[m];
		dIds = new double[m][];
		dIdp = new double[m][];
		int states = 0;
		for (int j = 0; j < m; j++) {
			CableModel.Placement pl = placements.get(j);
			channel[j] = pl.channel;
			where[j] = pl.compartment;
			stateOffset[j] = states;
			int ns = pl.channel.stateCount(), np = pl.parameters.length;
			states += ns;
			local[j] = new double[np];
			localColumn[j] = new int[np];
			kinetics[j] = new Kinetics(ns, np);
			dIds[j] = new double[ns];
			dIdp[j] = new double[np];
		}

		injectionCompartment = new int[injections.size()];
		injectionStimulus = new Stimulus[injections.size()];
		for (int i = 0; i < injections.size(); i++) {
			Injection inj = injections.get(i);
			if (inj.compartment < 0 || inj.compartment >= n) throw new UserInputException("A stimulus targets compartment " +
				inj.compartment + " but the model has compartments 0.." + (n - 1) + ".");
			injectionCompartment[i] = inj.compartment;
			injectionStimulus[i] = inj.stimulus;
		}

		this.sensitivityParameters = sensitivityParameters.clone();
		columns = sensitivityParameters.length;
		columnOf = new int[theta.length];
		Arrays.fill(columnOf, -1);
		for (int k = 0; k < columns; k++) {
			int p = sensitivityParameters[k];
			if (p < 0 || p >= theta.length || columnOf[p] >= 0)
				throw new IllegalArgumentException("bad or repeated sensitivity parameter " + p);
			columnOf[p] = k;
		}
		capacitanceColumn = new int[n];
		axialColumn = new int[n];
		for (int i = 0; i < n; i++) {
			Compartment c = model.compartment(i);
			capacitanceColumn[i] = columnOf[c.capacitanceParameter];
			axialColumn[i] = c.parent < 0 ? -1 : columnOf[c.axialParameter];
		}
		for (int j = 0; j < m; j++)
			for (int l = 0; l < local[j].length; l++) localColumn[j][l] = columnOf[placements.get(j).parameters[l]];

		v = new double[n];
		vHalf = new double[n];
		rhs = new double[n];
		s = new double[states];
		w = new double[columns][n];
		rhsW = new double[columns][n];
		sens = new double[columns][states];
		sensNext = new double[columns][states];

		applyParameters();
		Arrays.fill(v, model.restingPotential());
		for (int j = 0; j < m; j++) channel[j].initialState(v[where[j]], s, stateOffset[j]);
	}

	/** Recomputes everything derived from theta (capacitances, axial coupling, channel parameters). */
	private void applyParameters() {
		for (int i = 0; i < theta.length; i++) if (!Double.isFinite(theta[i])) throw new UserInputException("Parameter " +
			model.parameters().get(i).name() + " is " + theta[i] + "; give a finite value.");
		Arrays.fill(axialDiagonal, 0);
		for (int i = 0; i < n; i++) {
			Compartment c = model.compartment(i);
			cm[i] = theta[c.capacitanceParameter];
			axial[i] = c.axialConductance(theta);
			if (c.parent >= 0) {
				double toSelf = PER_AREA * axial[i] / area[i], toParent = PER_AREA * axial[i] / area[c.parent];
				matrix.lower[i] = -toSelf;
				matrix.upper[i] = -toParent;
				axialDiagonal[i] += toSelf;
				axialDiagonal[c.parent] += toParent;
			}
		}
		List<CableModel.Placement> placements = model.placements();
		for (int j = 0; j < local.length; j++)
			for (int l = 0; l < local[j].length; l++) local[j][l] = theta[placements.get(j).parameters[l]];
	}

	/** Changes one parameter from the next step on (online tuning); sensitivities carry on. */
	public void setParameter(int index, double value) {
		theta[index] = value;
		applyParameters();
	}

	public double parameter(int index) { return theta[index]; }
	public double[] parameters() { return theta.clone(); }

	/** Multiplies every sensitivity by {@code factor}: the forgetting term of online learning. */
	public void scaleSensitivities(double factor) {
		for (int k = 0; k < columns; k++) {
			double[] wk = w[k], sk = sens[k];
			for (int i = 0; i < wk.length; i++) wk[i] *= factor;
			for (int i = 0; i < sk.length; i++) sk[i] *= factor;
		}
	}

	public CableModel model() { return model; }
	public double dt() { return dt; }
	public double time() { return steps * dt; }
	public long stepCount() { return steps; }
	public int compartmentCount() { return n; }
	public int sensitivityCount() { return columns; }
	public int sensitivityParameter(int k) { return sensitivityParameters[k]; }

	/** Membrane potential (mV) of compartment c. */
	public double voltage(int c) { return v[c]; }

	/** dV_c / dtheta_{sensitivityParameter(k)} in mV per parameter unit. */
	public double sensitivity(int k, int c) { return w[k][c]; }

	/** Advances one time step. */
	public void step() {
		double h = scheme == TimeScheme.CRANK_NICOLSON ? dt / 2 : dt;
		double tInput = time() + h;
		double[] d = matrix.diagonal;
		for (int i = 0; i < n; i++) {
			d[i] = cm[i] / h + axialDiagonal[i];
			rhs[i] = cm[i] / h * v[i];
		}
		for (int i = 0; i < injectionCompartment.length; i++) {
			int c = injectionCompartment[i];
			rhs[c] += PER_AREA * injectionStimulus[i].current(tInput) / area[c];
		}
		for (int j = 0; j < channel.length; j++) {
			int c = where[j];
			double g = channel[j].conductance(v[c], s, stateOffset[j], local[j]);
			d[c] += g;
			rhs[c] += g * v[c] - channel[j].current(v[c], s, stateOffset[j], local[j]);
		}
		matrix.factor();
		matrix.solve(rhs);
		System.arraycopy(rhs, 0, vHalf, 0, n);
		if (columns > 0) sensitivityVoltageStep(h);
		boolean extrapolate = scheme == TimeScheme.CRANK_NICOLSON;
		for (int i = 0; i < n; i++) {
			double x = extrapolate ? 2 * vHalf[i] - v[i] : vHalf[i];
			if (!(Math.abs(x) < 1e4)) throw new SimulationUnstableException(time() + dt, i, x);
			v[i] = x;
		}
		advanceStates();
		steps++;
	}

	/** Right-hand sides of the differentiated voltage step, solved with the step's factorisation. */
	private void sensitivityVoltageStep(double h) {
		for (int k = 0; k < columns; k++) {
			double[] r = rhsW[k], wk = w[k];
			for (int i = 0; i < n; i++) r[i] = cm[i] / h * wk[i];
		}
		for (int i = 0; i < n; i++) {
			int k = capacitanceColumn[i];
			if (k >= 0) rhsW[k][i] -= (vHalf[i] - v[i]) / h;
		}
		for (int j = 0; j < channel.length; j++) {
			int c = where[j], so = stateOffset[j];
			double[] gs = dIds[j], gp = dIdp[j];
			channel[j].currentDerivatives(vHalf[c], s, so, local[j], gs, gp);
			for (int k = 0; k < columns; k++) {
				double[] sk = sens[k];
				double sum = 0;
				for (int q = 0; q < gs.length; q++) sum += gs[q] * sk[so + q];
				rhsW[k][c] -= sum;
			}
			int[] lc = localColumn[j];
			for (int l = 0; l < lc.length; l++) if (lc[l] >= 0) rhsW[lc[l]][c] -= gp[l];
		}
		for (int i = 1; i < n; i++) {
			int k = axialColumn[i];
			if (k < 0) continue;
			Compartment c = model.compartment(i);
			int p = parent[i];
			double dg = c.axialPower == 1 ? axial[i] / theta[c.axialParameter] : -axial[i] / theta[c.axialParameter];
			rhsW[k][i] += PER_AREA * dg / area[i] * (vHalf[p] - vHalf[i]);
			rhsW[k][p] += PER_AREA * dg / area[p] * (vHalf[i] - vHalf[p]);
		}
		boolean extrapolate = scheme == TimeScheme.CRANK_NICOLSON;
		for (int k = 0; k < columns; k++) {
			double[] r = rhsW[k], wk = w[k];
			matrix.solve(r);
			for (int i = 0; i < n; i++) wk[i] = extrapolate ? 2 * r[i] - wk[i] : r[i];
		}
	}

	/** Implicit-in-self update of every state with the new voltage, and of its sensitivities. */
	private void advanceStates() {
		boolean crank = scheme == TimeScheme.CRANK_NICOLSON;
		for (int j = 0; j < channel.length; j++) {
			Kinetics kin = kinetics[j];
			int ns = kin.n;
			if (ns == 0) continue;
			int c = where[j], so = stateOffset[j], np = kin.np;
			if (columns > 0) {
				kin.clear();
				channel[j].kineticsDerivatives(v[c], s, so, local[j], kin);
			}
			else channel[j].kinetics(v[c], s, so, local[j], kin);
			for (int q = 0; q < ns; q++) {
				double a = kin.a[q], b = kin.b[q], old = s[so + q];
				double next, factor, self, mid;
				if (channel[j].isInstantaneous(q)) {
					next = a / b;
					factor = 1 / b;
					self = 0;
					mid = next;
				}
				else if (crank) {
					double denom = 1 + dt * b / 2;
					next = (old * (1 - dt * b / 2) + dt * a) / denom;
					factor = dt / denom;
					self = (1 - dt * b / 2) / denom;
					mid = (old + next) / 2;
				}
				else {
					double denom = 1 + dt * b;
					next = (old + dt * a) / denom;
					factor = dt / denom;
					self = 1 / denom;
					mid = next;
				}
				s[so + q] = next;
				if (columns == 0) continue;
				double dv = factor * (kin.dAdv[q] - mid * kin.dBdv[q]);
				for (int k = 0; k < columns; k++) {
					double[] sk = sens[k];
					double x = dv * w[k][c] + self * sk[so + q];
					for (int r = 0; r < ns; r++) {
						if (r == q) continue;
						double cross = kin.dAds[q * ns + r] - mid * kin.dBds[q * ns + r];
						if (cross != 0) x += factor * cross * sk[so + r];
					}
					sensNext[k][so + q] = x;
				}
				int[] lc = localColumn[j];
				for (int l = 0; l < np; l++)
					if (lc[l] >= 0) sensNext[lc[l]][so + q] += factor * (kin.dAdp[q * np + l] - mid * kin.dBdp[q * np + l]);
			}
		}
		double[][] t = sens;
		sens = sensNext;
		sensNext = t;
	}
}
