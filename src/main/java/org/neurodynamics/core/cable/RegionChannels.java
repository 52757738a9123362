package org.neurodynamics.core.cable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which channels, with which default parameter values, go into each region. A channel's
 * parameters are named per region ("gNa(soma)") so that each region is tuned on its own,
 * or shared ("gNa") so that one value holds wherever the channel is.
 */
public final class RegionChannels {

	/** One channel assigned to a region, with the theta names and defaults of its local parameters. */
	public static final class Assignment {
		public final Region region;
		public final Channel channel;
		final String[] names;
		final double[] values;

		Assignment(Region region, Channel channel, String[] names, double[] values) {
			this.region = region;
			this.channel = channel;
			this.names = names;
			this.values = values;
		}
	}

	private final List<Assignment> assignments = new ArrayList<>();

	/** Per-region parameters, named e.g. "gNa(axon)"; values in the channel's parameter units. */
	public RegionChannels insert(Region region, Channel channel, double... values) {
		String[] local = channel.parameterNames();
		String[] names = new String[local.length];
		for (int i = 0; i < local.length; i++) names[i] = local[i] + "(" + region.label() + ")";
		return add(region, channel, names, values);
	}

	/** Parameters shared by every region that uses the same names, e.g. "gNa". */
	public RegionChannels insertShared(Region region, Channel channel, double... values) {
		return add(region, channel, channel.parameterNames(), values);
	}

	private RegionChannels add(Region region, Channel channel, String[] names, double[] values) {
		if (values.length != names.length) throw new IllegalArgumentException(channel.name() + " needs " + names.length +
			" values " + java.util.Arrays.toString(channel.parameterNames()));
		assignments.add(new Assignment(region, channel, names, values.clone()));
		return this;
	}

	public List<Assignment> assignments() {
		return Collections.unmodifiableList(assignments);
	}

	/** Places the channels of region {@code region} in compartment {@code c}. */
	void insertInto(CableModel.Builder builder, int c, Region region) {
		for (Assignment a : assignments) {
			if (a.region != region) continue;
			String[] unitNames = a.channel.parameterUnits();
			int[] idx = new int[a.names.length];
			for (int i = 0; i < idx.length; i++) idx[i] = builder.parameter(a.names[i], a.values[i], unitNames[i]);
			builder.insert(c, a.channel, idx);
		}
	}

	/** HH Na, K and leak everywhere, with the given densities (S/cm^2) per region. */
	public static RegionChannels hodgkinHuxley(boolean perRegion, Region... regions) {
		RegionChannels rc = new RegionChannels();
		for (Region r : regions) {
			if (perRegion) {
				rc.insert(r, HodgkinHuxley.sodium(), HodgkinHuxley.G_NA);
				rc.insert(r, HodgkinHuxley.potassium(), HodgkinHuxley.G_K);
				rc.insert(r, new Leak(), HodgkinHuxley.G_L, HodgkinHuxley.E_L);
			}
			else {
				rc.insertShared(r, HodgkinHuxley.sodium(), HodgkinHuxley.G_NA);
				rc.insertShared(r, HodgkinHuxley.potassium(), HodgkinHuxley.G_K);
				rc.insertShared(r, new Leak(), HodgkinHuxley.G_L, HodgkinHuxley.E_L);
			}
		}
		return rc;
	}
}
