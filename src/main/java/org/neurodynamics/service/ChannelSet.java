package org.neurodynamics.service;

import org.neurodynamics.core.cable.HodgkinHuxley;
import org.neurodynamics.core.cable.Leak;
import org.neurodynamics.core.cable.PinskyRinzel;
import org.neurodynamics.core.cable.PinskyRinzelCalcium;
import org.neurodynamics.core.cable.Region;
import org.neurodynamics.core.cable.RegionChannels;

/** The channels a region of an SWC morphology can have. */
public enum ChannelSet implements MenuChoice {

	HH(Labels.HH) {
		@Override void insertInto(RegionChannels rc, Region region) {
			rc.insert(region, HodgkinHuxley.sodium(), HodgkinHuxley.G_NA);
			rc.insert(region, HodgkinHuxley.potassium(), HodgkinHuxley.G_K);
			rc.insert(region, new Leak(), HodgkinHuxley.G_L, HodgkinHuxley.E_L);
		}
	},
	PASSIVE(Labels.PASSIVE) {
		@Override void insertInto(RegionChannels rc, Region region) {
			rc.insert(region, new Leak(), HodgkinHuxley.G_L, HodgkinHuxley.E_L);
		}
	},
	PR_SOMA(Labels.PR_SOMA) {
		@Override void insertInto(RegionChannels rc, Region region) {
			rc.insert(region, PinskyRinzel.sodium(), PinskyRinzel.G_NA);
			rc.insert(region, PinskyRinzel.delayedRectifier(), PinskyRinzel.G_KDR);
			rc.insert(region, new Leak(), PinskyRinzel.G_L, PinskyRinzel.E_L);
		}
	},
	PR_DENDRITE(Labels.PR_DENDRITE) {
		@Override void insertInto(RegionChannels rc, Region region) {
			rc.insert(region, new PinskyRinzelCalcium(), PinskyRinzel.G_CA, PinskyRinzel.G_KC, PinskyRinzel.G_KAHP);
			rc.insert(region, new Leak(), PinskyRinzel.G_L, PinskyRinzel.E_L);
		}
	};

	/** The labels as constants, for the choices of command parameters. */
	public interface Labels {
		String HH = "Hodgkin-Huxley (Na, K, leak)", PASSIVE = "Passive (leak)", PR_SOMA = "Pinsky-Rinzel soma (Na, KDR, leak)",
			PR_DENDRITE = "Pinsky-Rinzel dendrite (Ca, KC, KAHP, leak)";
	}

	private final String label;

	ChannelSet(String label) { this.label = label; }

	@Override public String label() { return label; }

	/** Inserts the channels with per-region parameters ("gNa(soma)"), so that each region is tuned on its own. */
	abstract void insertInto(RegionChannels rc, Region region);

	/** The channel set a label names; {@code region} goes into the message when there is none. */
	public static ChannelSet of(String label, Region region) {
		return MenuChoice.of(ChannelSet.class, label, "channel set", " for the " + region.label());
	}
}
