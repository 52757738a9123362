package org.neurodynamics.core.reconstruct;

import org.neurodynamics.core.nn.MapStepper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.analysis.RegimeClassifier;
import org.neurodynamics.core.analysis.SpikeThresholds;
import org.neurodynamics.core.embed.EmbeddingLayout;
import org.neurodynamics.core.embed.Normalisation;
import org.neurodynamics.core.io.AtomicFiles;
import org.neurodynamics.core.nn.NeuralMap;
import org.neurodynamics.core.nn.VariationalAutoencoder;

/**
 * A trained reconstruction: the autoencoder that turns delay vectors into recovered
 * states (and back), the active latent coordinates, the neural-network map that
 * advances the states at any value of the control parameter, and what is needed to
 * speak the user's units. Saved as one zip file, written atomically.
 */
public final class ReconstructedModel {

	/** Version of the file layout; files of another version are refused with a clear message. */
	public static final int FORMAT_VERSION = 2;
	/** Older layouts this version still reads (format 1: uniform window, no spike thresholds). */
	static final int OLDEST_READABLE_FORMAT = 1;

	final VariationalAutoencoder autoencoder;
	final int[] active;
	final NeuralMap map;
	/**
	 * The other members of the ensemble, each with its own autoencoder (another seed) and map:
	 * the regime at a value is the members' majority, and where they disagree the prediction
	 * is uncertain.
	 */
	final List<Member> others;
	final Normalisation normalisation;
	final EmbeddingLayout layout;
	final int subsampling;
	/** Time between map steps (the subsampled sampling interval). */
	final double dt;
	final String timeUnit, valueUnit, parameterName;
	/** Control-parameter value of every training trace. */
	final double[] trainingParameters;
	/** Local maxima of every training trace (input units), for bifurcation diagrams. */
	final float[][] trainingMaxima;
	/** A few recovered states of the training data, as initial states for exploration. */
	final float[][] initialStates;
	/** The start of every training trace (subsampled, input units), to overlay on reconstructed traces. */
	final float[][] trainingExcerpts;
	/** Spike thresholds taken from the recordings (null when no recording has spikes). */
	final SpikeThresholds spikeThresholds;

	ReconstructedModel(VariationalAutoencoder autoencoder, int[] active, NeuralMap map, Normalisation normalisation,
		EmbeddingLayout layout, int subsampling, double dt, String timeUnit, String valueUnit,
		String parameterName, double[] trainingParameters, float[][] trainingMaxima, float[][] initialStates,
		float[][] trainingExcerpts, SpikeThresholds spikeThresholds)
	{
		this.autoencoder = autoencoder;
		this.active = active.clone();
		this.map = map;
		this.others = new ArrayList<>();
		this.normalisation = normalisation;
		this.layout = layout;
		this.spikeThresholds = spikeThresholds;
		this.subsampling = subsampling;
		this.dt = dt;
		this.timeUnit = timeUnit;
		this.valueUnit = valueUnit;
		this.parameterName = parameterName;
		this.trainingParameters = trainingParameters.clone();
		this.trainingMaxima = trainingMaxima;
		this.initialStates = initialStates;
		this.trainingExcerpts = trainingExcerpts;
	}

	/** One other member of the ensemble: its autoencoder (another seed, or the kept one), its map, and its first initial state. */
	static final class Member {
		final VariationalAutoencoder autoencoder;
		final NeuralMap map;
		final float[] initialState;

		Member(VariationalAutoencoder autoencoder, NeuralMap map, float[] initialState) {
			this.autoencoder = autoencoder;
			this.map = map;
			this.initialState = initialState.clone();
		}
	}

	public int stateDimension() { return active.length; }
	public int[] activeCoordinates() { return active.clone(); }
	public NeuralMap map() { return map; }
	/** Maps in the ensemble, the kept map first. */
	public int ensembleSize() { return 1 + others.size(); }
	/** Map {@code i} of the ensemble; 0 is {@link #map()}. */
	public NeuralMap member(int i) { return i == 0 ? map : others.get(i - 1).map; }

	/**
	 * Member {@code i} of the ensemble as a model of its own (its autoencoder, map and
	 * initial state, everything else shared); 0 is this model.
	 */
	public ReconstructedModel memberModel(int i) {
		if (i == 0) return this;
		Member m = others.get(i - 1);
		return new ReconstructedModel(m.autoencoder, active, m.map, normalisation, layout, subsampling, dt, timeUnit, valueUnit,
			parameterName, trainingParameters, trainingMaxima, new float[][] { m.initialState }, trainingExcerpts, spikeThresholds);
	}

	/** This model with further ensemble members. */
	ReconstructedModel withOtherMembers(List<Member> members) {
		ReconstructedModel m = new ReconstructedModel(autoencoder, active, map, normalisation, layout, subsampling, dt, timeUnit, valueUnit,
			parameterName, trainingParameters, trainingMaxima, initialStates, trainingExcerpts, spikeThresholds);
		m.others.addAll(members);
		return m;
	}
	public VariationalAutoencoder autoencoder() { return autoencoder; }
	public double dt() { return dt; }
	public String timeUnit() { return timeUnit; }
	public String valueUnit() { return valueUnit; }
	public String parameterName() { return parameterName; }
	public double[] trainingParameters() { return trainingParameters.clone(); }
	public float[] trainingMaxima(int trace) { return trainingMaxima[trace].clone(); }
	public float[] trainingExcerpt(int trace) { return trainingExcerpts[trace].clone(); }
	/** Fine samples of a window (De). */
	public int embeddingDimension() { return layout.fine; }
	public int delay() { return layout.delay; }
	public EmbeddingLayout layout() { return layout; }
	/** Spike thresholds taken from the recordings, or null when they had no spikes. */
	public SpikeThresholds spikeThresholds() { return spikeThresholds; }
	/** The regime classifier that judges this model's orbits and its recordings alike. */
	public RegimeClassifier classifier() { return RegimeClassifier.withThresholds(spikeThresholds); }
	public int subsampling() { return subsampling; }
	public Normalisation normalisation() { return normalisation; }
	public int initialStateCount() { return initialStates.length; }
	public float[] initialState(int i) { return initialStates[i].clone(); }

	/** Iterates batches of n states of the kept map (parameter values in the user's units). */
	public MapStepper stepper(int n) {
		return map.stepper(n);
	}

	/** The observed variable, in input units, of the delay vectors decoded from n states u (n x d, row-major). */
	public float[] decodeObserved(float[] u, int n) {
		float[] x = autoencoder.decodeMeanComponent(u, n, active, 0);
		normalisation.invertInPlace(x);
		return x;
	}

	/** The observed variable, in input units, of the delay vectors decoded from states (one per row). */
	public float[] decodeObserved(float[][] states) {
		return decodeObserved(DecodedOrbits.flatten(states), states.length);
	}

	/** True when p lies far outside the recorded values (more than their span beyond either end). */
	public boolean isFarOutside(double p) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (double v : trainingParameters) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		double span = Math.max(hi - lo, 1e-9 + 0.1 * Math.abs(hi));
		return p < lo - span || p > hi + span;
	}

	public void save(Path file) throws IOException {
		Properties meta = new Properties();
		meta.setProperty("format", Integer.toString(FORMAT_VERSION));
		meta.setProperty("active", join(active));
		meta.setProperty("normalisation", join(normalisation.toArray()));
		meta.setProperty("embeddingDimension", Integer.toString(layout.fine));
		meta.setProperty("delay", Integer.toString(layout.delay));
		meta.setProperty("slowBins", Integer.toString(layout.coarseBins));
		meta.setProperty("slowBinWidth", Integer.toString(layout.binWidth));
		if (spikeThresholds != null) {
			meta.setProperty("spikeTrough", Double.toString(spikeThresholds.trough));
			meta.setProperty("spikePeak", Double.toString(spikeThresholds.peak));
		}
		meta.setProperty("subsampling", Integer.toString(subsampling));
		meta.setProperty("dt", Double.toString(dt));
		meta.setProperty("timeUnit", timeUnit);
		meta.setProperty("valueUnit", valueUnit);
		meta.setProperty("parameterName", parameterName);
		meta.setProperty("trainingParameters", join(trainingParameters));
		for (int k = 0; k < trainingMaxima.length; k++) {
			meta.setProperty("trainingMaxima." + k, join(trainingMaxima[k]));
			meta.setProperty("trainingExcerpt." + k, join(trainingExcerpts[k]));
		}
		for (int i = 0; i < initialStates.length; i++) meta.setProperty("initialState." + i, join(initialStates[i]));
		meta.setProperty("initialStates", Integer.toString(initialStates.length));
		for (int i = 0; i < others.size(); i++) meta.setProperty("memberInitialState." + (i + 1), join(others.get(i).initialState));
		meta.setProperty("createdBy", "Neuro Dynamics " + version());
		AtomicFiles.write(file, out -> {
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				zip.putNextEntry(new ZipEntry("model.properties"));
				meta.store(zip, "Neuro Dynamics reconstructed model");
				zip.closeEntry();
				zip.putNextEntry(new ZipEntry("autoencoder.bin"));
				autoencoder.save(zip);
				zip.closeEntry();
				zip.putNextEntry(new ZipEntry("map.bin"));
				map.save(zip);
				zip.closeEntry();
				for (int i = 0; i < others.size(); i++) {
					zip.putNextEntry(new ZipEntry(memberEntry(i + 1)));
					others.get(i).map.save(zip);
					zip.closeEntry();
					if (others.get(i).autoencoder == autoencoder) continue;
					zip.putNextEntry(new ZipEntry(memberAutoencoderEntry(i + 1)));
					others.get(i).autoencoder.save(zip);
					zip.closeEntry();
				}
			}
		});
	}

	public static ReconstructedModel load(Path file) {
		if (!Files.isRegularFile(file)) throw new UserInputException("The model file '" + file + "' does not exist.");
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) entries.put(e.getName(), zip.readAllBytes());
		}
		catch (IOException e) {
			throw corrupt(file, e.getMessage());
		}
		if (!entries.containsKey("model.properties")) throw corrupt(file, "it holds no model.properties");
		Properties meta = new Properties();
		try {
			meta.load(new java.io.InputStreamReader(new ByteArrayInputStream(entries.get("model.properties")), StandardCharsets.ISO_8859_1));
			int format = Integer.parseInt(meta.getProperty("format", "-1"));
			if (format < OLDEST_READABLE_FORMAT || format > FORMAT_VERSION) throw new UserInputException("The model file '" + file.getFileName() + "' has format " + format +
				" (" + meta.getProperty("createdBy", "unknown version") + "); this plugin reads format " + FORMAT_VERSION +
				". Reconstruct the model again with this version.");
			if (!entries.containsKey("autoencoder.bin") || !entries.containsKey("map.bin")) throw corrupt(file, "a network is missing");
			VariationalAutoencoder vae = VariationalAutoencoder.load(new ByteArrayInputStream(entries.get("autoencoder.bin")));
			NeuralMap map = NeuralMap.load(new ByteArrayInputStream(entries.get("map.bin")));
			checkFields(file, meta, vae, map);
			double[] params = doubles(meta.getProperty("trainingParameters"));
			float[][] maxima = new float[params.length][];
			float[][] excerpts = new float[params.length][];
			for (int k = 0; k < params.length; k++) {
				maxima[k] = floats(meta.getProperty("trainingMaxima." + k, ""));
				excerpts[k] = floats(meta.getProperty("trainingExcerpt." + k, ""));
			}
			int n = Integer.parseInt(meta.getProperty("initialStates"));
			float[][] states = new float[n][];
			for (int i = 0; i < n; i++) states[i] = floats(meta.getProperty("initialState." + i));
			double[] act = doubles(meta.getProperty("active"));
			int[] active = new int[act.length];
			for (int i = 0; i < act.length; i++) active[i] = (int) act[i];
			// members written before they had autoencoders of their own share the kept one and its first state
			List<Member> members = new ArrayList<>();
			for (int i = 1; entries.containsKey(memberEntry(i)); i++) {
				NeuralMap member = NeuralMap.load(new ByteArrayInputStream(entries.get(memberEntry(i))));
				if (member.stateSize() != map.stateSize()) throw corrupt(file, memberEntry(i) + " advances " + member.stateSize() + " coordinates, map.bin " + map.stateSize());
				byte[] ae = entries.get(memberAutoencoderEntry(i));
				VariationalAutoencoder memberVae = ae == null ? vae : VariationalAutoencoder.load(new ByteArrayInputStream(ae));
				if (memberVae.latentSize() != vae.latentSize()) throw corrupt(file, memberAutoencoderEntry(i) + " has " + memberVae.latentSize() +
					" latent coordinates, autoencoder.bin " + vae.latentSize());
				String first = "memberInitialState." + i;
				members.add(new Member(memberVae, member, meta.getProperty(first) == null ? states[0] : floats(numbers(file, meta, first, active.length))));
			}
			return new ReconstructedModel(vae, active, map, Normalisation.fromArray(doubles(meta.getProperty("normalisation"))),
				new EmbeddingLayout(Integer.parseInt(meta.getProperty("embeddingDimension")), Integer.parseInt(meta.getProperty("delay")),
					Integer.parseInt(meta.getProperty("slowBins", "0")), Integer.parseInt(meta.getProperty("slowBinWidth", "0"))),
				Integer.parseInt(meta.getProperty("subsampling")), Double.parseDouble(meta.getProperty("dt")),
				meta.getProperty("timeUnit", ""), meta.getProperty("valueUnit", ""), meta.getProperty("parameterName", "p"),
				params, maxima, states, excerpts, thresholds(meta)).withOtherMembers(members);
		}
		catch (UserInputException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw corrupt(file, e.getMessage());
		}
	}

	private static String memberEntry(int i) {
		return "member-" + i + ".bin";
	}

	private static String memberAutoencoderEntry(int i) {
		return "member-" + i + "-autoencoder.bin";
	}

	private static SpikeThresholds thresholds(Properties meta) {
		String trough = meta.getProperty("spikeTrough"), peak = meta.getProperty("spikePeak");
		return trough == null || peak == null ? null : new SpikeThresholds(Double.parseDouble(trough), Double.parseDouble(peak));
	}

	/** Most entries of the arrays and tables read from a model file; bounds what a damaged count can allocate. */
	private static final int MAX_ENTRIES = 1_000_000;

	/**
	 * Every field of model.properties checked against what a reconstruction can write,
	 * before anything is allocated from it: a damaged or hand-edited file is refused with
	 * the field named, instead of an out-of-memory error, NaN results or a wrong model.
	 * New fields of the model file get their check here.
	 */
	private static void checkFields(Path file, Properties meta, VariationalAutoencoder vae, NeuralMap map) {
		intField(file, meta, "embeddingDimension", 1, MAX_ENTRIES);
		intField(file, meta, "delay", 1, MAX_ENTRIES);
		intField(file, meta, "subsampling", 1, MAX_ENTRIES);
		double dt = numbers(file, meta, "dt", 1)[0];
		if (!(dt > 0)) throw badField(file, "dt", meta.getProperty("dt"), "the time between map steps must be positive");
		double[] norm = numbers(file, meta, "normalisation", 2);
		if (!(norm[1] > 0)) throw badField(file, "normalisation", meta.getProperty("normalisation"), "the scale (second value) must be positive");
		double[] act = numbers(file, meta, "active", -1);
		if (act.length != map.stateSize()) throw badField(file, "active", meta.getProperty("active"), "the map advances " +
			map.stateSize() + " coordinate(s)");
		for (int i = 0; i < act.length; i++) {
			if (act[i] != Math.rint(act[i]) || act[i] < 0 || act[i] >= vae.latentSize()) throw badField(file, "active",
				meta.getProperty("active"), "coordinates are whole numbers from 0 to " + (vae.latentSize() - 1));
			for (int j = 0; j < i; j++)
				if (act[j] == act[i]) throw badField(file, "active", meta.getProperty("active"), "a coordinate appears twice");
		}
		int traces = numbers(file, meta, "trainingParameters", -1).length;
		if (traces == 0) throw badField(file, "trainingParameters", "", "a model is trained on at least one trace");
		for (int k = 0; k < traces; k++) {
			if (meta.getProperty("trainingMaxima." + k) != null) numbers(file, meta, "trainingMaxima." + k, -1);
			if (meta.getProperty("trainingExcerpt." + k) != null) numbers(file, meta, "trainingExcerpt." + k, -1);
		}
		int states = intField(file, meta, "initialStates", 1, MAX_ENTRIES);
		for (int i = 0; i < states; i++) numbers(file, meta, "initialState." + i, act.length);
		if (meta.getProperty("slowBins") != null) {
			int bins = intField(file, meta, "slowBins", 0, MAX_ENTRIES);
			intField(file, meta, "slowBinWidth", bins > 0 ? 1 : 0, MAX_ENTRIES);
		}
		if (meta.getProperty("spikeTrough") != null || meta.getProperty("spikePeak") != null) {
			double trough = numbers(file, meta, "spikeTrough", 1)[0], peak = numbers(file, meta, "spikePeak", 1)[0];
			if (!(peak > trough)) throw badField(file, "spikePeak", meta.getProperty("spikePeak"), "the recorded spike peak must lie above the trough " + trough);
		}
	}

	private static int intField(Path file, Properties meta, String name, int min, int max) {
		String text = meta.getProperty(name);
		long v;
		try {
			v = Long.parseLong(text == null ? "" : text.trim());
		}
		catch (NumberFormatException e) {
			throw badField(file, name, text, "it must be a whole number");
		}
		if (v < min || v > max) throw badField(file, name, text, "it must lie between " + min + " and " + max);
		return (int) v;
	}

	/** The finite numbers of a comma-separated field; {@code count} of them, or any number up to MAX_ENTRIES when -1. */
	private static double[] numbers(Path file, Properties meta, String name, int count) {
		String text = meta.getProperty(name);
		if (text == null) throw badField(file, name, null, "it is missing");
		String[] parts = text.isEmpty() ? new String[0] : text.split(",", -1);
		if (count >= 0 && parts.length != count || parts.length > MAX_ENTRIES)
			throw badField(file, name, abbreviated(text), count >= 0 ? "it must hold " + count + " number(s), not " + parts.length :
				"it holds more than " + MAX_ENTRIES + " numbers");
		double[] v = new double[parts.length];
		for (int i = 0; i < v.length; i++) {
			try {
				v[i] = Double.parseDouble(parts[i].trim());
			}
			catch (NumberFormatException e) {
				v[i] = Double.NaN;
			}
			if (!Double.isFinite(v[i])) throw badField(file, name, abbreviated(text), "'" + parts[i] + "' is not a finite number");
		}
		return v;
	}

	private static String abbreviated(String text) {
		return text == null || text.length() <= 60 ? text : text.substring(0, 60) + "...";
	}

	private static UserInputException badField(Path file, String name, String value, String why) {
		return new UserInputException("The model file '" + file.getFileName() + "' is damaged or was edited: " + name +
			(value == null ? "" : " = " + value) + " (" + why + "). Reconstruct the model again or choose another file.");
	}

	private static UserInputException corrupt(Path file, String detail) {
		return new UserInputException("The model file '" + file.getFileName() + "' is not a readable Neuro Dynamics model (" + detail +
			"). It may be truncated or corrupted; reconstruct the model again or choose another file.");
	}

	static String version() {
		String v = ReconstructedModel.class.getPackage().getImplementationVersion();
		return v == null ? "development" : v;
	}

	private static String join(double[] v) {
		StringBuilder sb = new StringBuilder();
		for (double x : v) sb.append(sb.length() == 0 ? "" : ",").append(x);
		return sb.toString();
	}

	private static String join(float[] v) {
		StringBuilder sb = new StringBuilder();
		for (float x : v) sb.append(sb.length() == 0 ? "" : ",").append(x);
		return sb.toString();
	}

	private static String join(int[] v) {
		StringBuilder sb = new StringBuilder();
		for (int x : v) sb.append(sb.length() == 0 ? "" : ",").append(x);
		return sb.toString();
	}

	private static double[] doubles(String s) {
		if (s == null || s.isEmpty()) return new double[0];
		String[] parts = s.split(",");
		double[] v = new double[parts.length];
		for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(parts[i]);
		return v;
	}

	private static float[] floats(String s) {
		return floats(doubles(s));
	}

	private static float[] floats(double[] d) {
		float[] f = new float[d.length];
		for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
		return f;
	}
}
