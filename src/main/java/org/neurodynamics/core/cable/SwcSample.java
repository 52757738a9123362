package org.neurodynamics.core.cable;

/** One SWC sample: id, structure type (1 soma, 2 axon, 3 basal, 4 apical), position and radius in um, parent id (-1 for none). */
public final class SwcSample {

	public final int id, type, parent;
	public final double x, y, z, radius;
	/** 1-based line of the file it came from (0 if not from a file). */
	public final int line;

	public SwcSample(int id, int type, double x, double y, double z, double radius, int parent, int line) {
		this.id = id;
		this.type = type;
		this.x = x;
		this.y = y;
		this.z = z;
		this.radius = radius;
		this.parent = parent;
		this.line = line;
	}

	public double distanceTo(SwcSample o) {
		double dx = x - o.x, dy = y - o.y, dz = z - o.z;
		return Math.sqrt(dx * dx + dy * dy + dz * dz);
	}

	/** The region this sample's type maps to: 1 soma, 2 axon, everything else dendrite. */
	public Region region() {
		return type == 1 ? Region.SOMA : type == 2 ? Region.AXON : Region.DENDRITE;
	}
}
