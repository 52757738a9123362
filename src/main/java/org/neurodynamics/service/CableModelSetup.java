package org.neurodynamics.service;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.cable.CableModel;
import org.neurodynamics.core.cable.CableModels;
import org.neurodynamics.core.cable.CorticalNeuron;
import org.neurodynamics.core.cable.Parameter;
import org.neurodynamics.core.cable.Region;
import org.neurodynamics.core.cable.RegionChannels;
import org.neurodynamics.core.cable.SwcReader;

/**
 * Builds the model of a {@link ModelRequest} and reads the names users give: parameter
 * values ("gNa=0.15, gK*0.8"), parameter lists and compartments (labels or indices).
 */
final class CableModelSetup {

	/** Compartment size rule of reconstructed cells (NEURON's usual d_lambda), cm, Ra and rest. */
	static final double D_LAMBDA = 0.1, SWC_CM = 1, SWC_RA = 100, SWC_REST = -65;

	private static final String CONDUCTANCE_UNIT = "S/cm^2";

	private CableModelSetup() {}

	/** The requested model, with its default parameters. */
	static CableModel model(ModelRequest request) {
		if (request.chooseCurrents) throw new UserInputException("Extra currents '" + ModelRequest.AUTO + "' are chosen by " +
			"held-out sweeps, which only Fit Conductances does (with Sweeps such as even); here name the currents (such as " +
			"NaP, H), or leave them empty.");
		if (request.model == CellModel.CORTICAL) return CableModels.corticalNeuron(CorticalNeuron.E_L, request.currents);
		return request.model.isMorphology() ? fromSwc(request) : request.model.builtIn();
	}

	private static CableModel fromSwc(ModelRequest request) {
		File file = request.swc;
		if (file == null || file.getPath().isEmpty()) throw new UserInputException("The model '" + CellModel.SWC.label() +
			"' needs an SWC file; choose the morphology (for instance one saved by SNT).");
		if (!file.isFile()) throw new UserInputException("The SWC file '" + file + "' does not exist.");
		RegionChannels channels = new RegionChannels();
		request.soma.insertInto(channels, Region.SOMA);
		request.axon.insertInto(channels, Region.AXON);
		request.dendrite.insertInto(channels, Region.DENDRITE);
		try {
			return CableModels.fromMorphology(SwcReader.read(file.toPath()), channels, SWC_CM, SWC_RA, SWC_REST, D_LAMBDA);
		}
		catch (IOException e) {
			throw new UserInputException("Could not read the SWC file '" + file + "': " + e.getMessage(), e);
		}
	}

	/**
	 * The model's default parameters changed by {@code values}: comma-separated
	 * "name=value" (in the parameter's unit) or "name*factor" (a multiple of the default),
	 * e.g. "gNa=0.15, gK*0.8". Empty: the defaults.
	 */
	static double[] parameterValues(CableModel model, String values) {
		double[] theta = model.defaults();
		if (values == null || values.isBlank()) return theta;
		for (String token : values.split("[,;]")) {
			String t = token.trim();
			if (t.isEmpty()) continue;
			int eq = t.indexOf('='), times = t.lastIndexOf('*');
			int at = eq >= 0 ? eq : times;
			if (at <= 0) throw new UserInputException("Cannot read '" + t + "' in the parameter values. Write name=value " +
				"(e.g. gNa=0.15) or name*factor (e.g. gK*0.8), separated by commas. The model's parameters are: " +
				model.parameterNames() + ".");
			int k = parameterIndex(model, t.substring(0, at).trim());
			double x;
			try {
				x = Double.parseDouble(t.substring(at + 1).trim());
			}
			catch (NumberFormatException e) {
				throw new UserInputException("Cannot read the number in '" + t + "' of the parameter values.");
			}
			if (!Double.isFinite(x)) throw new UserInputException("'" + t + "' in the parameter values is not a finite number.");
			theta[k] = eq >= 0 ? x : model.defaults()[k] * x;
		}
		return theta;
	}

	/** Exact name first, then a unique case-insensitive match; otherwise a message listing the names. */
	static int parameterIndex(CableModel model, String name) {
		List<String> names = model.parameterNames();
		int exact = names.indexOf(name);
		if (exact >= 0) return exact;
		int found = -1;
		for (int i = 0; i < names.size(); i++) if (names.get(i).equalsIgnoreCase(name)) {
			if (found >= 0) return model.parameterIndex(name);
			found = i;
		}
		return found >= 0 ? found : model.parameterIndex(name);
	}

	static int[] parameters(CableModel model, String names) {
		List<Integer> indices = new ArrayList<>();
		if (names == null || names.isBlank() || names.trim().equalsIgnoreCase("conductances")) {
			List<Parameter> ps = model.parameters();
			for (int i = 0; i < ps.size(); i++) if (CONDUCTANCE_UNIT.equals(ps.get(i).unit())) indices.add(i);
		}
		else for (String token : names.split("[,;]")) {
			if (token.isBlank()) continue;
			int k = parameterIndex(model, token.trim());
			if (indices.contains(k)) throw new UserInputException("Parameter " + model.parameterNames().get(k) +
				" is listed twice.");
			indices.add(k);
		}
		if (indices.isEmpty()) throw new UserInputException("Choose at least one parameter; the model's parameters are: " +
			model.parameterNames() + ".");
		return indices.stream().mapToInt(Integer::intValue).toArray();
	}

	static int[] compartments(CableModel model, String spec) {
		int n = model.compartmentCount();
		if (spec == null || spec.isBlank()) return new int[] { 0 };
		if (spec.trim().equalsIgnoreCase("all")) {
			int[] all = new int[n];
			for (int i = 0; i < n; i++) all[i] = i;
			return all;
		}
		List<Integer> indices = new ArrayList<>();
		for (String token : spec.split("[,;]")) {
			String t = token.trim();
			if (!t.isEmpty()) indices.add(compartmentIndex(model, t));
		}
		return indices.stream().mapToInt(Integer::intValue).toArray();
	}

	private static int compartmentIndex(CableModel model, String t) {
		int i = model.compartmentIndex(t);
		if (i >= 0) return i;
		if (t.matches("\\d+")) {
			int k = Integer.parseInt(t);
			if (k < model.compartmentCount()) return k;
		}
		for (int c = 0; c < model.compartmentCount(); c++) {
			String label = model.compartment(c).label;
			// "axon[2]" names the middle segment "axon[2](0.5)" of a section, as NEURON users write it
			if (label.equalsIgnoreCase(t) || label.startsWith(t + "(0.5")) return c;
		}
		for (int c = 0; c < model.compartmentCount(); c++) if (model.compartment(c).label.startsWith(t + "(")) return c;
		StringBuilder labels = new StringBuilder();
		int shown = Math.min(12, model.compartmentCount());
		for (int c = 0; c < shown; c++) labels.append(c > 0 ? ", " : "").append(model.compartment(c).label);
		if (shown < model.compartmentCount()) labels.append(", ...");
		throw new UserInputException("The model has no compartment '" + t + "'. Give a label (" + labels + ") or an index 0.." +
			(model.compartmentCount() - 1) + ", comma-separated.");
	}

	/** The one compartment {@code spec} names; {@code refusal} followed by how many it names otherwise. */
	static int compartment(CableModel model, String spec, String refusal) {
		int[] at = compartments(model, spec);
		if (at.length != 1) throw new UserInputException(refusal + at.length + ".");
		return at[0];
	}

	/** "gNa = 0.12, gK = 0.036, ..." of the whole parameter vector. */
	static String describe(CableModel model, double[] theta) {
		StringBuilder sb = new StringBuilder();
		for (int k = 0; k < theta.length; k++) sb.append(k > 0 ? ", " : "").append(model.parameters().get(k).name())
			.append(" = ").append(number(theta[k]));
		return sb.toString();
	}

	/** Six significant digits without trailing zeros. */
	static String number(double x) {
		if (!Double.isFinite(x)) return String.valueOf(x);
		return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", x)).stripTrailingZeros().toPlainString();
	}
}
