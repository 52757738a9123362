package org.neurodynamics.service;

import java.io.File;
import java.util.EnumSet;
import java.util.Set;

import org.neurodynamics.core.cable.CorticalCurrent;
import org.neurodynamics.core.cable.Region;

/**
 * Which compartmental model to build and with which parameter values: a {@link CellModel},
 * for {@link CellModel#SWC} the morphology file and a channel set per region, for
 * {@link CellModel#CORTICAL} the currents added to its own (none by default), and changes to
 * the default parameters ("gNa=0.15, gK*0.8"; empty for the defaults).
 */
public final class ModelRequest {

	public CellModel model = CellModel.HH_AXON;
	public File swc;
	public ChannelSet soma = ChannelSet.HH, axon = ChannelSet.HH, dendrite = ChannelSet.PASSIVE;
	public Set<CorticalCurrent> currents = EnumSet.noneOf(CorticalCurrent.class);
	/** For the cortical cell: choose the currents among {@link CorticalCurrent#candidates()} by held-out sweeps. */
	public boolean chooseCurrents;
	public String values = "";

	/** The extra currents that ask for the choice by held-out sweeps. */
	public static final String AUTO = "auto";

	public ModelRequest() {}

	public ModelRequest(CellModel model) {
		this.model = model;
	}

	/**
	 * The request a command's model fields describe, its menu labels read into types; the
	 * channel sets only for a morphology, the one model that uses them.
	 */
	public static ModelRequest of(String model, File swc, String soma, String axon, String dendrite, String values) {
		return of(model, swc, soma, axon, dendrite, "", values);
	}

	/**
	 * As {@link #of(String, File, String, String, String, String)} with the extra currents of
	 * the cortical cell ("NaP, H"; see {@link CorticalCurrent#parse}, or {@link #AUTO}), read
	 * only for that model.
	 */
	public static ModelRequest of(String model, File swc, String soma, String axon, String dendrite, String currents,
		String values)
	{
		ModelRequest r = new ModelRequest(CellModel.of(model));
		r.values = values;
		if (r.model == CellModel.CORTICAL && currents != null && currents.trim().equalsIgnoreCase(AUTO)) r.chooseCurrents = true;
		else if (r.model == CellModel.CORTICAL) r.currents = CorticalCurrent.parse(currents);
		if (!r.model.isMorphology()) return r;
		r.swc = swc;
		r.soma = ChannelSet.of(soma, Region.SOMA);
		r.axon = ChannelSet.of(axon, Region.AXON);
		r.dendrite = ChannelSet.of(dendrite, Region.DENDRITE);
		return r;
	}

	/** True when no parameter is changed from the model's defaults. */
	public boolean hasDefaultValues() {
		return values == null || values.isBlank();
	}
}
