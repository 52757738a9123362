package org.neurodynamics.core.cable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neurodynamics.core.UserInputException;

/**
 * A checked neuron reconstruction: a single tree of SWC samples with positive radii and at
 * least one soma sample. Construction validates and names the offending sample and line.
 */
public final class Morphology {

	private final String source;
	private final List<SwcSample> samples;
	private final Map<Integer, SwcSample> byId = new HashMap<>();

	public Morphology(String source, List<SwcSample> samples) {
		this.source = source;
		this.samples = Collections.unmodifiableList(new ArrayList<>(samples));
		validate();
	}

	public String source() { return source; }
	public List<SwcSample> samples() { return samples; }
	public SwcSample sample(int id) { return byId.get(id); }

	/** The first soma sample, where the compartment tree is rooted. */
	public SwcSample soma() {
		for (SwcSample s : samples) if (s.type == 1) return s;
		throw new AssertionError();
	}

	private UserInputException bad(SwcSample s, String what) {
		return new UserInputException("SWC file " + source + ", line " + s.line + ", sample " + s.id + ": " + what);
	}

	private void validate() {
		if (samples.isEmpty()) throw new UserInputException("SWC file " + source + " contains no samples. " +
			"Export the reconstruction again (in SNT: File > Save Tracings > SWC).");
		for (SwcSample s : samples) {
			if (byId.put(s.id, s) != null) throw bad(s, "the id " + s.id + " is used twice. Each sample needs its own id.");
			if (!(s.radius > 0) || Double.isInfinite(s.radius)) throw bad(s, "radius " + s.radius +
				" um; radii must be positive. Assign radii to this path (in SNT: fit or set radii) before simulating.");
			if (!Double.isFinite(s.x) || !Double.isFinite(s.y) || !Double.isFinite(s.z)) throw bad(s,
				"the position is not a finite number.");
		}
		List<SwcSample> roots = new ArrayList<>();
		for (SwcSample s : samples) {
			if (s.parent == -1) roots.add(s);
			else if (s.parent == s.id) throw bad(s, "the sample is its own parent. Fix its parent id (last column).");
			else if (!byId.containsKey(s.parent)) throw bad(s, "parent " + s.parent + " does not exist. " +
				"The file may be truncated or edited by hand; give an existing parent id or -1 for the root.");
		}
		checkCycles();
		if (roots.size() != 1) {
			StringBuilder ids = new StringBuilder();
			for (int i = 0; i < Math.min(5, roots.size()); i++) ids.append(i > 0 ? ", " : "").append(roots.get(i).id);
			throw new UserInputException("SWC file " + source + " holds " + roots.size() + " separate trees (roots: samples " +
				ids + (roots.size() > 5 ? ", ..." : "") + "). Connect the paths to the soma, or save one cell per file.");
		}
		boolean soma = false;
		for (SwcSample s : samples) soma |= s.type == 1;
		if (!soma) throw new UserInputException("SWC file " + source + " has no soma sample (type 1). " +
			"Mark the soma (in SNT: tag the soma path as 'soma') so that channels can be assigned by region.");
	}

	/** Follows parent links with a visit mark; a walk that meets its own mark is a cycle. */
	private void checkCycles() {
		Map<Integer, Integer> mark = new HashMap<>();
		int walk = 0;
		for (SwcSample start : samples) {
			walk++;
			SwcSample s = start;
			while (s != null && !mark.containsKey(s.id)) {
				mark.put(s.id, walk);
				s = s.parent == -1 ? null : byId.get(s.parent);
			}
			if (s != null && mark.get(s.id) == walk) throw bad(s, "the parent links form a cycle through this sample. " +
				"Every chain of parents must end at the root (parent -1); fix the parent ids.");
		}
	}
}
