package org.neurodynamics.core.cable;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Currents that can be added to the regular-spiking cortical cell ({@link CorticalNeuron})
 * for cells that stop firing under strong current, sag, or adapt more than its M current
 * allows. With each current at its default conductance the cell still fires an adapting
 * train at moderate current, at 0.75 to 1.8 times the default cell's rate at 0.4 nA, so that
 * a fit starts from a recognisable cell.
 */
public enum CorticalCurrent {

	/** Persistent Na with slow inactivation ({@link PersistentSodium}): gNaP. */
	NAP("NaP") {
		@Override void insertInto(RegionChannels rc) {
			rc.insertShared(Region.SOMA, PersistentSodium.channel(CorticalNeuron.E_NA), G_NAP);
		}
	},
	/** Kv3-like fast delayed rectifier ({@link Kv3Potassium}): gKv3. */
	KV3("Kv3") {
		@Override void insertInto(RegionChannels rc) {
			rc.insertShared(Region.SOMA, Kv3Potassium.channel(CorticalNeuron.E_K), G_KV3);
		}
	},
	/** A-type transient K ({@link ATypePotassium}): gA. */
	A("A") {
		@Override void insertInto(RegionChannels rc) {
			rc.insertShared(Region.SOMA, ATypePotassium.channel(CorticalNeuron.E_K), G_A);
		}
	},
	/** Hyperpolarisation-activated cation current ({@link HCurrent}): gH, eH. */
	H("H") {
		@Override void insertInto(RegionChannels rc) {
			rc.insertShared(Region.SOMA, new HCurrent(), G_H, HCurrent.E_H);
		}
	},
	/**
	 * Pinsky-Rinzel's Ca, Ca-dependent K-C and K-AHP with their Ca pool ({@link PinskyRinzelCalcium},
	 * with that model's reversal potentials, Ca +80 and K -75 mV): gCa, gKC, gKAHP.
	 */
	CA_K("CaK") {
		@Override void insertInto(RegionChannels rc) {
			rc.insertShared(Region.SOMA, new PinskyRinzelCalcium(), G_CA, G_KC, G_KAHP);
		}
	};

	/** Default densities, S/cm^2. */
	public static final double G_NAP = 2e-5, G_KV3 = 0.01, G_A = 0.01, G_H = 5e-5, G_CA = 1e-3, G_KC = 1e-3,
		G_KAHP = 1e-4;

	private final String key;

	CorticalCurrent(String key) {
		this.key = key;
	}

	/** The short name users write, e.g. "NaP". */
	public String key() { return key; }

	abstract void insertInto(RegionChannels rc);

	/**
	 * The currents a comma-separated list names ("NaP, H"; case-insensitive; empty or "none"
	 * for none), or a message listing the names.
	 */
	public static Set<CorticalCurrent> parse(String list) {
		Set<CorticalCurrent> set = EnumSet.noneOf(CorticalCurrent.class);
		if (list == null || list.isBlank() || list.trim().equalsIgnoreCase("none")) return set;
		for (String token : list.split("[,;+ ]+")) {
			if (token.isEmpty()) continue;
			CorticalCurrent found = null;
			for (CorticalCurrent c : values()) if (c.key.equalsIgnoreCase(token)) found = c;
			if (found == null) throw new org.neurodynamics.core.UserInputException("No current '" + token +
				"' for the cortical cell; choose from " + keys() + " (comma-separated), or none.");
			set.add(found);
		}
		return set;
	}

	/** The keys of the set in declaration order joined by "+", "none" for none: a label for tables. */
	public static String label(Set<CorticalCurrent> set) {
		if (set.isEmpty()) return "none";
		StringBuilder sb = new StringBuilder();
		for (CorticalCurrent c : values()) if (set.contains(c)) sb.append(sb.length() > 0 ? "+" : "").append(c.key);
		return sb.toString();
	}

	/**
	 * The sets an automatic choice tries, in this order: none, each current alone, and the
	 * h-current with each other one (a sag is independent of what shapes the firing).
	 */
	public static List<Set<CorticalCurrent>> candidates() {
		List<Set<CorticalCurrent>> sets = new ArrayList<>();
		sets.add(EnumSet.noneOf(CorticalCurrent.class));
		for (CorticalCurrent c : values()) sets.add(EnumSet.of(c));
		for (CorticalCurrent c : values()) if (c != H) sets.add(EnumSet.of(H, c));
		return sets;
	}

	/** "NaP, Kv3, A, H, CaK". */
	public static String keys() {
		StringBuilder sb = new StringBuilder();
		for (CorticalCurrent c : values()) sb.append(sb.length() > 0 ? ", " : "").append(c.key);
		return sb.toString();
	}
}
