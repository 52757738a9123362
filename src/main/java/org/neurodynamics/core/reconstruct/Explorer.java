package org.neurodynamics.core.reconstruct;

import org.neurodynamics.core.nn.MapStepper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.analysis.FixedPoints;
import org.neurodynamics.core.analysis.LocalMaxima;
import org.neurodynamics.core.analysis.LyapunovExponent;
import org.neurodynamics.core.analysis.RegimeClassifier;
import org.neurodynamics.core.analysis.RegimeStats;
import org.neurodynamics.core.nn.NeuralMap;

/**
 * Iterates a reconstructed map over a grid of control-parameter values, all values and
 * several initial states at once (one batched forward pass per step), decodes the
 * orbits to the observed variable in input units, and characterises each value:
 * local maxima (bifurcation diagram), regime, largest Lyapunov exponent, fixed points.
 */
public final class Explorer {

	/** Orbits whose decoded values leave this many training ranges are called diverged. */
	static final double DIVERGED = 1e3;

	public static final class Settings {
		public double[] grid;
		/** Map steps recorded per orbit, after the transient. */
		public int iterations = 5000;
		public int transientSteps = 2000;
		/** Initial states per parameter value (recovered states of the training data). */
		public int initialStates = 3;
		/** Steps of tangent propagation for the Lyapunov exponent (0 skips it). */
		public int lyapunovSteps = 1000;
		/**
		 * Steps per value of an up and a down sweep (0 = no sweeps): each continues from
		 * where the previous value's orbit ended, half the steps settling, half recorded,
		 * so that hysteresis between coexisting regimes shows.
		 */
		public int sweepSteps = 0;
		/** Fixed points are searched at up to this many grid values, spread evenly (0 skips them). */
		public int fixedPointValues = 25;
		public long seed = 0;
	}

	/** What the map does at one parameter value. */
	public static final class Point {
		public final double parameter;
		/**
		 * Decoded orbit of each initial state after the transient (input units); with
		 * sweeps, the last two orbits are those of the up and the down sweep.
		 */
		public final float[][] orbits;
		/** Regime of each initial state's orbit; null where the orbit diverged. */
		public final RegimeStats[] regimes;
		public final double lyapunov;
		public final List<FixedPoints.FixedPoint> fixedPoints;
		public final boolean farOutside;
		/** Regime label of every ensemble member's orbit from the first initial state (member 0 is the kept map). */
		public final String[] memberLabels;

		Point(double parameter, float[][] orbits, RegimeStats[] regimes, double lyapunov, List<FixedPoints.FixedPoint> fixedPoints,
			boolean farOutside, String[] memberLabels)
		{
			this.memberLabels = memberLabels;
			this.parameter = parameter;
			this.orbits = orbits;
			this.regimes = regimes;
			this.lyapunov = lyapunov;
			this.fixedPoints = fixedPoints;
			this.farOutside = farOutside;
		}

		/** Local maxima of one orbit (input units). */
		public float[] maxima(int orbit) {
			float[] x = orbits[orbit];
			if (regimes[orbit] == null) return new float[0];
			double[] d = new double[x.length];
			for (int i = 0; i < x.length; i++) d[i] = x[i];
			int[] idx = LocalMaxima.indices(d);
			float[] out = new float[idx.length];
			for (int i = 0; i < idx.length; i++) out[i] = x[idx[i]];
			return out;
		}

		/** The regime of the first orbit, "diverged" when it left the state space. */
		public String label() {
			return regimes[0] == null ? "diverged" : regimes[0].label();
		}

		/**
		 * The ensemble's regime: the class (rest, tonic, bursting, irregular, diverged) most
		 * members settle in, the kept map's on a tie; labelled as the first member of that
		 * class labels it (the kept map first).
		 */
		public String ensembleLabel() {
			java.util.Map<String, Integer> votes = new java.util.HashMap<>();
			for (String l : memberLabels) votes.merge(regimeClass(l), 1, Integer::sum);
			String best = regimeClass(memberLabels[0]);
			for (java.util.Map.Entry<String, Integer> e : votes.entrySet()) if (e.getValue() > votes.get(best)) best = e.getKey();
			for (String l : memberLabels) if (regimeClass(l).equals(best)) return l;
			return best;
		}

		/** Ensemble members whose orbit settles in the class of {@link #ensembleLabel()}. */
		public int membersAgreeing() {
			String c = regimeClass(ensembleLabel());
			int n = 0;
			for (String l : memberLabels) if (regimeClass(l).equals(c)) n++;
			return n;
		}

		/** True when fewer than four in five ensemble members settle in the majority's regime class. */
		public boolean uncertain() {
			return membersAgreeing() < Math.ceil(0.8 * memberLabels.length);
		}

		/** True when orbits from different initial states settle in different regimes (coexistence). */
		public boolean coexisting() {
			for (RegimeStats r : regimes)
				if (!(r == null ? "diverged" : r.label()).equals(label())) return true;
			return false;
		}
	}

	private Explorer() {}

	public static List<Point> explore(ReconstructedModel model, Settings settings, Progress progress) {
		check(settings);
		int nP = settings.grid.length, nInit = Math.min(settings.initialStates, model.initialStateCount());
		int batch = nP * nInit, d = model.stateDimension(), steps = settings.iterations;
		Random random = new Random(settings.seed);
		float[][] start = new float[batch][];
		float[] pValues = new float[batch];
		int[] picks = new int[nInit];
		for (int j = 0; j < nInit; j++) picks[j] = j == 0 ? 0 : random.nextInt(model.initialStateCount());
		for (int i = 0; i < nP; i++)
			for (int j = 0; j < nInit; j++) {
				start[i * nInit + j] = model.initialState(picks[j]);
				pValues[i * nInit + j] = (float) settings.grid[i];
			}
		int lyapSteps = Math.min(settings.lyapunovSteps, steps);
		DecodedOrbits.Result iterated = DecodedOrbits.of(model, model.map(), start, pValues, settings.transientSteps, steps, lyapSteps, progress);
		float[][] orbits = iterated.orbits;
		// the first orbit of every value, for its Lyapunov exponent and fixed-point search
		double[][][] lyapStates = new double[nP][lyapSteps][];
		for (int i = 0; i < nP; i++)
			for (int t = 0; t < lyapSteps; t++)
				lyapStates[i][t] = toDouble(Arrays.copyOfRange(iterated.states[i * nInit], t * d, (t + 1) * d));
		if (settings.sweepSteps > 0) orbits = withSweeps(model, settings, orbits, nInit, progress);
		String[][] members = memberLabels(model, settings, progress);
		return characterise(model, settings, orbits, lyapStates, nInit + (settings.sweepSteps > 0 ? 2 : 0), members, progress);
	}

	/** The class of a regime label: "bursting-3" is "bursting". */
	public static String regimeClass(String label) {
		int dash = label.indexOf('-');
		return dash < 0 ? label : label.substring(0, dash);
	}

	/**
	 * Where to record next: the value inside the recorded range, recorded values excluded,
	 * at which the fewest ensemble members share the majority's regime class (of those, the
	 * one farthest from a recorded value); NaN when the members agree everywhere there.
	 */
	public static double suggestNextRecording(ReconstructedModel model, List<Point> points) {
		double[] recorded = model.trainingParameters();
		double lo = Arrays.stream(recorded).min().orElse(0), hi = Arrays.stream(recorded).max().orElse(0);
		double best = Double.NaN, bestShare = 1, bestGap = 0;
		for (Point p : points) {
			double gap = Double.POSITIVE_INFINITY;
			for (double r : recorded) gap = Math.min(gap, Math.abs(p.parameter - r));
			if (p.parameter <= lo || p.parameter >= hi || gap < 1e-9 * Math.max(1, Math.abs(hi))) continue;
			double share = (double) p.membersAgreeing() / p.memberLabels.length;
			if (share < bestShare || share == bestShare && share < 1 && gap > bestGap) {
				best = p.parameter;
				bestShare = share;
				bestGap = gap;
			}
		}
		return best;
	}

	/**
	 * The regime every other ensemble member settles in at each value, iterated in its own
	 * state space from its own first initial state; [value][member], member 0 left for the
	 * kept map.
	 */
	private static String[][] memberLabels(ReconstructedModel model, Settings settings, Progress progress) {
		int nP = settings.grid.length, members = model.ensembleSize();
		String[][] labels = new String[nP][members];
		if (members == 1) return labels;
		float[] pValues = new float[nP];
		for (int i = 0; i < nP; i++) pValues[i] = (float) settings.grid[i];
		RegimeClassifier classifier = model.classifier();
		double scale = range(model);
		for (int m = 1; m < members; m++) {
			ReconstructedModel member = model.memberModel(m);
			float[][] first = new float[nP][];
			for (int i = 0; i < nP; i++) first[i] = member.initialState(0);
			float[][] orbits = DecodedOrbits.of(member, member.map(), first, pValues, settings.transientSteps, settings.iterations, progress);
			for (int i = 0; i < nP; i++)
				labels[i][m] = diverged(orbits[i], model, scale) ? "diverged" : classifier.classify(toDouble(orbits[i]), model.dt()).label();
			progress.report("Iterating the ensemble", (double) m / (members - 1), "map " + (m + 1) + " of " + members);
		}
		return labels;
	}

	/**
	 * Adds an up and a down sweep over the grid to the orbits of every value: the state
	 * carries over from one value to the next, as in an experiment that ramps the current.
	 */
	private static float[][] withSweeps(ReconstructedModel model, Settings settings, float[][] orbits, int nInit, Progress progress) {
		int nP = settings.grid.length, settle = settings.sweepSteps / 2, record = settings.sweepSteps - settle;
		int perValue = nInit + 2;
		float[][] out = new float[nP * perValue][];
		for (int i = 0; i < nP; i++)
			for (int j = 0; j < nInit; j++) out[i * perValue + j] = orbits[i * nInit + j];
		// Up and down sweeps advance together as a batch of two.
		int d = model.stateDimension();
		float[] u = DecodedOrbits.flatten(new float[][] { model.initialState(0), model.initialState(0) });
		float[] recorded = new float[record * 2 * d];
		MapStepper stepper = model.stepper(2);
		for (int k = 0; k < nP; k++) {
			float[] p = { (float) settings.grid[k], (float) settings.grid[nP - 1 - k] };
			for (int t = 0; t < settle; t++) stepper.step(u, p);
			for (int t = 0; t < record; t++) {
				stepper.step(u, p);
				System.arraycopy(u, 0, recorded, t * 2 * d, 2 * d);
			}
			float[] x = model.decodeObserved(recorded, 2 * record);
			float[] up = new float[record], down = new float[record];
			for (int t = 0; t < record; t++) {
				up[t] = x[2 * t];
				down[t] = x[2 * t + 1];
			}
			out[k * perValue + nInit] = up;
			out[(nP - 1 - k) * perValue + nInit + 1] = down;
			progress.checkCancelled("Exploration");
			progress.report("Sweeping the parameter up and down", (double) (k + 1) / nP, "");
		}
		return out;
	}

	private static List<Point> characterise(ReconstructedModel model, Settings settings, float[][] orbits, double[][][] lyapStates,
		int nInit, String[][] members, Progress progress)
	{
		RegimeClassifier classifier = model.classifier();
		MapAdapter adapter = new MapAdapter(model.map());
		FixedPoints finder = new FixedPoints();
		double scale = range(model);
		int nP = settings.grid.length;
		int fpEvery = settings.fixedPointValues <= 0 ? Integer.MAX_VALUE : Math.max(1, (int) Math.ceil((double) nP / settings.fixedPointValues));
		List<Point> points = new ArrayList<>();
		for (int i = 0; i < nP; i++) {
			double pv = settings.grid[i];
			float[][] mine = new float[nInit][];
			RegimeStats[] regimes = new RegimeStats[nInit];
			for (int j = 0; j < nInit; j++) {
				mine[j] = orbits[i * nInit + j];
				regimes[j] = diverged(mine[j], model, scale) ? null : classifier.classify(toDouble(mine[j]), model.dt());
			}
			double lyapunov = Double.NaN;
			if (regimes[0] != null && lyapStates[i].length > 0) lyapunov = lyapunov(adapter, lyapStates[i], pv, model.dt());
			List<FixedPoints.FixedPoint> fixed = new ArrayList<>();
			if (i % fpEvery == 0 || i == nP - 1) {
				List<double[]> starts = new ArrayList<>();
				for (int k = 0; k < Math.min(4, model.initialStateCount()); k++) starts.add(toDouble(model.initialState(k)));
				for (int k = 0; k < lyapStates[i].length; k += Math.max(1, lyapStates[i].length / 4)) starts.add(lyapStates[i][k]);
				fixed = finder.find(adapter, pv, starts);
			}
			members[i][0] = regimes[0] == null ? "diverged" : regimes[0].label();
			points.add(new Point(pv, mine, regimes, lyapunov, fixed, model.isFarOutside(pv), members[i]));
			progress.report("Characterising regimes", (double) (i + 1) / nP, model.parameterName() + " = " + (float) pv);
		}
		return points;
	}

	/**
	 * Largest Lyapunov exponent per time unit along a recorded orbit: a tangent vector is
	 * pushed through the map's Jacobians and renormalised every step.
	 */
	static double lyapunov(MapAdapter map, double[][] orbit, double p, double dt) {
		List<double[][]> jacobians = new ArrayList<>(orbit.length);
		for (double[] u : orbit) {
			if (u == null) break;
			jacobians.add(map.jacobian(u, p));
		}
		LyapunovExponent.Result r = LyapunovExponent.fromJacobians(jacobians, dt);
		return r.diverged() ? Double.NaN : r.perTimeUnit();
	}

	/**
	 * One orbit at parameter {@code p} from training state {@code initial}: the recovered
	 * states (steps x d, e.g. for phase portraits); {@link ReconstructedModel#decodeObserved}
	 * turns them into the observed variable.
	 */
	public static float[][] orbit(ReconstructedModel model, double p, int initial, int steps, int transientSteps) {
		float[] u = model.initialState(Math.min(initial, model.initialStateCount() - 1));
		float[] pp = { (float) p };
		MapStepper stepper = model.stepper(1);
		for (int t = 0; t < transientSteps; t++) stepper.step(u, pp);
		float[][] states = new float[steps][];
		for (int t = 0; t < steps; t++) {
			stepper.step(u, pp);
			states[t] = u.clone();
		}
		return states;
	}

	private static boolean diverged(float[] x, ReconstructedModel model, double scale) {
		double centre = model.normalisation().mean();
		for (float v : x)
			if (!Float.isFinite(v) || Math.abs(v - centre) > DIVERGED * scale) return true;
		return false;
	}

	private static double range(ReconstructedModel model) {
		return Math.max(1e-12, model.normalisation().sd());
	}

	private static void check(Settings s) {
		if (s.grid == null || s.grid.length == 0) throw new UserInputException("Give at least one parameter value to explore.");
		if (s.iterations < 10) throw new UserInputException("Iterate the map at least 10 steps, got " + s.iterations + ".");
		if (s.transientSteps < 0) throw new UserInputException("The transient must be 0 or more steps.");
		if (s.initialStates < 1) throw new UserInputException("Use at least one initial state per parameter value.");
		if ((long) s.grid.length * s.initialStates * s.iterations > 400_000_000L) throw new UserInputException(
			"Exploring " + s.grid.length + " values x " + s.initialStates + " initial states x " + s.iterations +
			" steps is too much to hold at once; use fewer values, initial states or iterations.");
	}

	private static double[] toDouble(float[] x) {
		double[] d = new double[x.length];
		for (int i = 0; i < x.length; i++) d[i] = x[i];
		return d;
	}
}
