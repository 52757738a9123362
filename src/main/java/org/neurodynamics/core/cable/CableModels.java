package org.neurodynamics.core.cable;

/**
 * The built-in models. Parameters: densities in S/cm^2, reversal potentials in mV, "cm" in
 * uF/cm^2, "Ra" in ohm cm, "gc" in S/cm^2. Current injected in nA.
 */
public final class CableModels {

	/** Membrane area (um^2) of the lumped models: 1 nA is then 10 uA/cm^2. */
	public static final double LUMPED_AREA = 1e4;

	private CableModels() {}

	/** A single HH compartment of {@link #LUMPED_AREA}; parameters gNa, gK, gL, eL, cm. Rest -65 mV. */
	public static CableModel hodgkinHuxleyCompartment() {
		CableModel.Builder b = CableModel.builder();
		int cm = b.parameter("cm", 1, "uF/cm^2");
		int soma = b.compartment(new Compartment("soma", Region.SOMA, LUMPED_AREA, -1, 0, cm, 1, cm));
		RegionChannels.hodgkinHuxley(false, Region.SOMA).insertInto(b, soma, Region.SOMA);
		return b.restingPotential(-65).build();
	}

	/**
	 * A single-compartment regular-spiking cortical cell (see {@link CorticalNeuron}) for fits
	 * to current-clamp recordings: parameters cm, gNa, gK, gM, gL, eL; rest at eL. Its area is
	 * that of the paper's soma; a recorded cell of another size gives other densities and cm
	 * (only their products with the area matter).
	 */
	public static CableModel corticalNeuron() {
		return corticalNeuron(CorticalNeuron.E_L);
	}

	/**
	 * As {@link #corticalNeuron()} with the initial voltage at {@code restMv} (a recorded cell's
	 * rest) and eL there too, but within -88..-52 mV: inside the leak reversal's physical range
	 * that fits keep to, so that a cell resting more depolarised (needing currents this model
	 * lacks) still gives a start, and the fit shows the lack by eL ending on its bound.
	 */
	public static CableModel corticalNeuron(double restMv) {
		return corticalNeuron(restMv, java.util.EnumSet.noneOf(CorticalCurrent.class));
	}

	/**
	 * As {@link #corticalNeuron(double)} with extra currents (see {@link CorticalCurrent}),
	 * their parameters after the cell's own: gNaP, gKv3, gA, gH and eH, gCa, gKC and gKAHP.
	 */
	public static CableModel corticalNeuron(double restMv, java.util.Set<CorticalCurrent> extra) {
		CableModel.Builder b = CableModel.builder();
		int cm = b.parameter("cm", 1, "uF/cm^2");
		double area = Math.PI * CorticalNeuron.DIAMETER * CorticalNeuron.DIAMETER;
		int soma = b.compartment(new Compartment("soma", Region.SOMA, area, -1, 0, cm, 1, cm));
		RegionChannels rc = new RegionChannels()
			.insertShared(Region.SOMA, CorticalNeuron.sodium(), CorticalNeuron.G_NA)
			.insertShared(Region.SOMA, CorticalNeuron.potassium(), CorticalNeuron.G_K)
			.insertShared(Region.SOMA, CorticalNeuron.mCurrent(), CorticalNeuron.G_M)
			.insertShared(Region.SOMA, new Leak(), CorticalNeuron.G_L, Math.max(-88, Math.min(-52, restMv)));
		for (CorticalCurrent c : CorticalCurrent.values()) if (extra.contains(c)) c.insertInto(rc);
		rc.insertInto(b, soma, Region.SOMA);
		return b.restingPotential(restMv).build();
	}

	/**
	 * The Gradient Diffusion paper's HH axon: a soma cylinder (r 10 um, L 20 um) and 10 axon
	 * compartments (r 0.5 um, L 40 um each); cm 1 uF/cm^2, Ra 100 ohm cm, rest -68.5 mV.
	 * With {@code perRegion} the densities are "gNa(soma)", "gNa(axon)", ...; otherwise one
	 * shared gNa, gK, gL, eL.
	 */
	public static CableModel hodgkinHuxleyAxon(boolean perRegion) {
		return hodgkinHuxleyAxon(RegionChannels.hodgkinHuxley(perRegion, Region.SOMA, Region.AXON), 10);
	}

	public static CableModel hodgkinHuxleyAxon(RegionChannels channels, int axonSegments) {
		CableModel.Builder b = CableModel.builder();
		int cm = b.parameter("cm", 1, "uF/cm^2");
		int ra = b.parameter("Ra", 100, "ohm cm");
		int soma = b.compartment(new Compartment("soma", Region.SOMA, cylinderArea(10, 20), -1, 0, ra, -1, cm));
		channels.insertInto(b, soma, Region.SOMA);
		int previous = soma;
		double prevHalf = halfResistance(10, 20);
		for (int i = 0; i < axonSegments; i++) {
			double half = halfResistance(0.5, 40);
			int c = b.compartment(new Compartment("axon[" + i + "]", Region.AXON, cylinderArea(0.5, 40), previous,
				axialFactor(prevHalf + half), ra, -1, cm));
			channels.insertInto(b, c, Region.AXON);
			previous = c;
			prevHalf = half;
		}
		return b.restingPotential(-68.5).build();
	}

	/**
	 * Pinsky-Rinzel two-compartment cell (see {@link PinskyRinzel}): soma area p A, dendrite
	 * (1 - p) A with A = {@link #LUMPED_AREA}, coupled by gc. Parameters gNa, gKDR, gCa, gKC,
	 * gKAHP, gL, eL, gc, cm. Somatic current Is (uA/cm^2 of the whole cell) = 10 x nA.
	 */
	public static CableModel pinskyRinzel() {
		CableModel.Builder b = CableModel.builder();
		int cm = b.parameter("cm", PinskyRinzel.CM, "uF/cm^2");
		int gc = b.parameter("gc", PinskyRinzel.G_C, "S/cm^2");
		double p = PinskyRinzel.P, area = LUMPED_AREA;
		int soma = b.compartment(new Compartment("soma", Region.SOMA, p * area, -1, 0, gc, 1, cm));
		// g(uS) = gc(S/cm^2) * A(um^2) * 1e-8 cm^2/um^2 * 1e6 uS/S
		int dend = b.compartment(new Compartment("dendrite", Region.DENDRITE, (1 - p) * area, soma, area * 1e-2, gc, 1, cm));
		RegionChannels rc = new RegionChannels()
			.insertShared(Region.SOMA, PinskyRinzel.sodium(), PinskyRinzel.G_NA)
			.insertShared(Region.SOMA, PinskyRinzel.delayedRectifier(), PinskyRinzel.G_KDR)
			.insertShared(Region.SOMA, new Leak(), PinskyRinzel.G_L, PinskyRinzel.E_L)
			.insertShared(Region.DENDRITE, new PinskyRinzelCalcium(), PinskyRinzel.G_CA, PinskyRinzel.G_KC,
				PinskyRinzel.G_KAHP)
			.insertShared(Region.DENDRITE, new Leak(), PinskyRinzel.G_L, PinskyRinzel.E_L);
		rc.insertInto(b, soma, Region.SOMA);
		rc.insertInto(b, dend, Region.DENDRITE);
		return b.restingPotential(PinskyRinzel.E_L).build();
	}

	/**
	 * A reconstructed cell: compartments from {@link Discretisation} (d_lambda rule at 100 Hz
	 * with the default cm and Ra), channels per region from {@code channels}. Parameters "cm"
	 * and "Ra" plus those of the channels; rest at {@code restingPotential} mV.
	 */
	public static CableModel fromMorphology(Morphology morphology, RegionChannels channels, double cm, double ra,
		double restingPotential, double dLambda)
	{
		return fromDiscretisation(Discretisation.of(morphology, dLambda, 100, ra, cm), channels, cm, ra, restingPotential);
	}

	public static CableModel fromDiscretisation(Discretisation d, RegionChannels channels, double cm, double ra,
		double restingPotential)
	{
		CableModel.Builder b = CableModel.builder();
		int cmIndex = b.parameter("cm", cm, "uF/cm^2");
		int raIndex = b.parameter("Ra", ra, "ohm cm");
		for (Discretisation.Segment s : d.segments()) {
			int c = b.compartment(new Compartment(s.label, s.region, s.area, s.parent,
				s.parent < 0 ? 0 : axialFactor(s.resistance), raIndex, -1, cmIndex));
			channels.insertInto(b, c, s.region);
		}
		return b.restingPotential(restingPotential).build();
	}

	static double cylinderArea(double radius, double length) {
		return 2 * Math.PI * radius * length;
	}

	/** Integral of dx / (pi r^2) over half a cylinder, in 1/um. */
	static double halfResistance(double radius, double length) {
		return length / 2 / (Math.PI * radius * radius);
	}

	/** g(uS) = factor / Ra(ohm cm) for a path with sum of dx/(pi r^2) = {@code resistance} (1/um). */
	static double axialFactor(double resistance) {
		// R = Ra * resistance[1/um] * 1e4 ohm = 1e-2 Ra resistance MOhm
		return 100 / resistance;
	}
}
