package org.neurodynamics.core.cable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Splits a {@link Morphology} into compartments as NEURON does: the soma is one compartment
 * (a sphere for a single soma sample, else the frusta between soma samples); every
 * unbranched stretch of neurite of one type (a section) gets an odd number of equal-length
 * segments from the d_lambda rule, {@code nseg = 2 int((L / (d_lambda lambda_f) + 0.9) / 2) + 1}
 * with {@code lambda_f = 1e5 sqrt(d / (4 pi f Ra cm))} um. Neurites start at the soma surface.
 * Areas are frustum side areas; axial paths are exact integrals of dx / (pi r^2).
 */
public final class Discretisation {

	/** Geometry of one compartment; {@code resistance} is the integral of dx/(pi r^2) (1/um) from the parent's centre. */
	public static final class Segment {
		public final String label;
		public final Region region;
		public final double area, resistance;
		public final int parent;

		Segment(String label, Region region, double area, int parent, double resistance) {
			this.label = label;
			this.region = region;
			this.area = area;
			this.parent = parent;
			this.resistance = resistance;
		}
	}

	private final List<Segment> segments = new ArrayList<>();
	private final Map<Integer, Integer> compartmentOfSample = new HashMap<>();

	public List<Segment> segments() { return Collections.unmodifiableList(segments); }

	/** The compartment that contains SWC sample {@code id}, -1 if unknown. */
	public int compartmentOfSample(int id) {
		return compartmentOfSample.getOrDefault(id, -1);
	}

	/**
	 * @param dLambda fraction of the AC length constant per segment (NEURON's usual 0.1)
	 * @param frequency Hz at which the length constant is taken (100)
	 * @param ra axial resistivity (ohm cm), @param cm specific capacitance (uF/cm^2)
	 */
	public static Discretisation of(Morphology m, double dLambda, double frequency, double ra, double cm) {
		Discretisation d = new Discretisation();
		d.build(m, dLambda, frequency, ra, cm);
		return d;
	}

	private void build(Morphology m, double dLambda, double frequency, double ra, double cm) {
		Map<Integer, List<SwcSample>> neighbours = new HashMap<>();
		for (SwcSample s : m.samples()) neighbours.put(s.id, new ArrayList<>());
		for (SwcSample s : m.samples()) if (s.parent != -1) {
			neighbours.get(s.id).add(m.sample(s.parent));
			neighbours.get(s.parent).add(s);
		}
		// the soma cluster: soma samples connected to the first one through soma samples
		SwcSample root = m.soma();
		Set<Integer> soma = new HashSet<>();
		Deque<SwcSample> todo = new ArrayDeque<>();
		todo.add(root);
		soma.add(root.id);
		double somaArea = 0;
		while (!todo.isEmpty()) {
			SwcSample s = todo.poll();
			for (SwcSample o : neighbours.get(s.id)) if (o.type == 1 && soma.add(o.id)) {
				somaArea += frustumArea(s.radius, o.radius, s.distanceTo(o));
				todo.add(o);
			}
		}
		if (soma.size() == 1) somaArea = 4 * Math.PI * root.radius * root.radius;
		segments.add(new Segment("soma", Region.SOMA, somaArea, -1, 0));
		for (int id : soma) compartmentOfSample.put(id, 0);

		Set<Integer> visited = new HashSet<>(soma);
		Deque<Section> sections = new ArrayDeque<>();
		for (int id : soma) for (SwcSample o : neighbours.get(id))
			if (!visited.contains(o.id)) sections.add(new Section(m.sample(id), o, 0, 0, true));
		Map<Region, Integer> sectionCount = new HashMap<>();
		while (!sections.isEmpty()) {
			Section sec = sections.poll();
			List<SwcSample> points = new ArrayList<>();
			SwcSample s = sec.first;
			while (true) {
				visited.add(s.id);
				points.add(s);
				List<SwcSample> next = new ArrayList<>();
				for (SwcSample o : neighbours.get(s.id)) if (!visited.contains(o.id)) next.add(o);
				if (next.size() != 1 || next.get(0).region() != sec.first.region()) {
					int last = place(sec, points, dLambda, frequency, ra, cm, sectionCount);
					double farHalf = lastFarHalf;
					for (SwcSample o : next) sections.add(new Section(s, o, last, farHalf, false));
					break;
				}
				s = next.get(0);
			}
		}
	}

	private double lastFarHalf;

	/** Discretises one section, returns the index of its last compartment. */
	private int place(Section sec, List<SwcSample> points, double dLambda, double frequency, double ra, double cm,
		Map<Region, Integer> sectionCount)
	{
		int pieces = points.size();
		double[] length = new double[pieces], r0 = new double[pieces], r1 = new double[pieces];
		SwcSample prev = sec.from;
		for (int i = 0; i < pieces; i++) {
			SwcSample p = points.get(i);
			double dist = p.distanceTo(prev);
			if (i == 0 && sec.fromSoma) {
				dist -= prev.radius; // start at the soma surface, with the neurite's own radius
				r0[i] = p.radius;
			}
			else r0[i] = prev.radius;
			r1[i] = p.radius;
			length[i] = Math.max(dist, 0.01);
			prev = p;
		}
		double total = 0, electrotonic = 0;
		for (int i = 0; i < pieces; i++) {
			total += length[i];
			double lambda = 1e5 * Math.sqrt((r0[i] + r1[i]) / (4 * Math.PI * frequency * ra * cm));
			electrotonic += length[i] / lambda;
		}
		int nseg = (int) ((electrotonic / dLambda + 0.9) / 2) * 2 + 1;
		Region region = sec.first.region();
		int number = sectionCount.merge(region, 1, Integer::sum) - 1;
		int parent = sec.parentCompartment;
		double carried = sec.parentFarHalf;
		int first = segments.size();
		for (int j = 0; j < nseg; j++) {
			double a = total * j / nseg, mid = total * (j + 0.5) / nseg, b = total * (j + 1) / nseg;
			double area = integrate(length, r0, r1, a, b, true);
			double left = integrate(length, r0, r1, a, mid, false);
			String label = String.format(Locale.ROOT, "%s[%d](%.3g)", region.label(), number, (j + 0.5) / nseg);
			segments.add(new Segment(label, region, area, parent, carried + left));
			parent = segments.size() - 1;
			carried = integrate(length, r0, r1, mid, b, false);
		}
		lastFarHalf = carried;
		double x = 0;
		for (int i = 0; i < pieces; i++) {
			x += length[i];
			int j = Math.min(nseg - 1, (int) (x / total * nseg));
			compartmentOfSample.put(points.get(i).id, first + j);
		}
		return segments.size() - 1;
	}

	/** Side area (um^2) or axial path integral of dx/(pi r^2) (1/um) over [a, b] of a piecewise-linear cable. */
	private static double integrate(double[] length, double[] r0, double[] r1, double a, double b, boolean area) {
		double sum = 0, start = 0;
		for (int i = 0; i < length.length; i++) {
			double end = start + length[i];
			double lo = Math.max(a, start), hi = Math.min(b, end);
			if (hi > lo) {
				double ra = r0[i] + (r1[i] - r0[i]) * (lo - start) / length[i];
				double rb = r0[i] + (r1[i] - r0[i]) * (hi - start) / length[i];
				sum += area ? frustumArea(ra, rb, hi - lo) : (hi - lo) / (Math.PI * ra * rb);
			}
			start = end;
		}
		return sum;
	}

	private static double frustumArea(double ra, double rb, double length) {
		return Math.PI * (ra + rb) * Math.sqrt(length * length + (ra - rb) * (ra - rb));
	}

	private static final class Section {
		final SwcSample from, first;
		final int parentCompartment;
		final double parentFarHalf;
		final boolean fromSoma;

		Section(SwcSample from, SwcSample first, int parentCompartment, double parentFarHalf, boolean fromSoma) {
			this.from = from;
			this.first = first;
			this.parentCompartment = parentCompartment;
			this.parentFarHalf = parentFarHalf;
			this.fromSoma = fromSoma;
		}
	}
}
