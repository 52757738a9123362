package org.neurodynamics.core.reconstruct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.analysis.RegimeStats;
import org.neurodynamics.core.analysis.SpikeThresholds;
import org.neurodynamics.core.data.StateSequence;
import org.neurodynamics.core.embed.DelayEmbedding;
import org.neurodynamics.core.nn.NeuralMap;
import org.neurodynamics.core.nn.VariationalAutoencoder;

/**
 * The ensemble at one state dimension: member m has an autoencoder and a map of its own
 * (seeds seed + m), so that members disagree where the recordings leave the dynamics
 * undetermined and not only where one map's seed does. The member whose iterated orbits
 * best reproduce the recordings (the {@link SelfCheck}) is kept; every member votes on
 * the regime at a value. With the state dimension read off the autoencoder's own KL (one
 * stage), the members share member 0's autoencoder, whose active coordinates define it.
 */
final class Ensemble {

	/** What every member of the ensemble shares: the embedding, the recordings and what the model file keeps of them. */
	static final class Shared {
		final DelayEmbedding embedding;
		final EmbeddingChoice choice;
		final double[] parameters;
		final String[] names;
		final float[][] recorded, drives, maxima, excerpts;
		final SpikeThresholds thresholds;
		final double dt;
		final String timeUnit, valueUnit, parameterName;

		Shared(DelayEmbedding embedding, EmbeddingChoice choice, double[] parameters, String[] names, float[][] recorded, float[][] drives,
			float[][] maxima, float[][] excerpts, SpikeThresholds thresholds, double dt, String timeUnit, String valueUnit, String parameterName)
		{
			this.embedding = embedding;
			this.choice = choice;
			this.parameters = parameters;
			this.names = names;
			this.recorded = recorded;
			this.drives = drives;
			this.maxima = maxima;
			this.excerpts = excerpts;
			this.thresholds = thresholds;
			this.dt = dt;
			this.timeUnit = timeUnit;
			this.valueUnit = valueUnit;
			this.parameterName = parameterName;
		}
	}

	/** One member's recovered states: its autoencoder and its training, every trace's states and map sequence, and initial states. */
	static final class MemberStates {
		final VariationalAutoencoder autoencoder;
		final VariationalAutoencoder.History history;
		final float[][][] recovered;
		final List<StateSequence> sequences = new ArrayList<>();
		final float[][] initial;

		MemberStates(VariationalAutoencoder autoencoder, VariationalAutoencoder.History history, int[] active, Shared shared, long seed,
			Progress progress)
		{
			this.autoencoder = autoencoder;
			this.history = history;
			DelayEmbedding embedding = shared.embedding;
			float[][] states = autoencoder.encodeMean(embedding, active, progress);
			recovered = new float[embedding.traceCount()][][];
			for (int k = 0; k < recovered.length; k++) {
				int from = (int) embedding.firstRow(k);
				recovered[k] = Arrays.copyOfRange(states, from, from + embedding.windows(k));
				sequences.add(new StateSequence(recovered[k], shared.parameters[k], shared.drives == null ? null : shared.drives[k]));
			}
			initial = Reconstruction.sampleStates(states, seed);
		}
	}

	final int[] active;
	final List<MemberStates> members = new ArrayList<>();
	List<MapCandidates.Candidate> candidates;
	int bestIndex;

	private Ensemble(int[] active) {
		this.active = active;
	}

	static Ensemble train(int latent, boolean oneStage, Shared shared, ReconstructionSettings settings, Progress progress) {
		int count = settings.mapCandidates;
		VariationalAutoencoder vae = new VariationalAutoencoder(Reconstruction.autoencoderConfig(shared.choice.dimension, settings).withLatentSize(latent));
		VariationalAutoencoder.History history = vae.train(shared.embedding, progress);
		int[] active = oneStage ? Reconstruction.activeCoordinates(history, settings) : history.activeCoordinates(-1);
		progress.report("Autoencoder", 1, "state dimension " + active.length + " (active coordinates "
			+ Arrays.toString(Arrays.stream(active).map(i -> i + 1).toArray()) + ", counted from 1 as in the summary)");
		Ensemble e = new Ensemble(active);
		e.members.add(new MemberStates(vae, history, active, shared, settings.seed, progress));
		for (int m = 1; m < count; m++) {
			VariationalAutoencoder other = vae;
			VariationalAutoencoder.History otherHistory = history;
			if (!oneStage) {
				progress.report("Autoencoder", 0, "ensemble member " + (m + 1) + " of " + count);
				other = new VariationalAutoencoder(Reconstruction.autoencoderConfig(shared.choice.dimension, settings).withLatentSize(latent)
					.withSeed(settings.seed + m));
				otherHistory = other.train(shared.embedding, progress);
			}
			e.members.add(new MemberStates(other, otherHistory, active, shared, settings.seed + m, progress));
		}
		int rollout = Reconstruction.feasibleRollout(settings, e.members.get(0).sequences);
		e.candidates = MapCandidates.train(count, m -> Reconstruction.mapConfig(settings, active.length, rollout, settings.seed + m),
			m -> e.members.get(m).sequences, new MapCandidates.Judge() {
				@Override
				public ReconstructedModel model(int m, NeuralMap map) {
					return new ReconstructedModel(e.members.get(m).autoencoder, active, map, shared.embedding.normalisation(),
						shared.choice.layout, shared.choice.subsampling, shared.dt, shared.timeUnit, shared.valueUnit, shared.parameterName,
						shared.parameters, shared.maxima, e.members.get(m).initial, shared.excerpts, shared.thresholds);
				}

				@Override
				public SelfCheck.Result check(int m, ReconstructedModel model) {
					return SelfCheck.run(model, shared.names, shared.parameters, e.members.get(m).recovered, shared.recorded, shared.drives);
				}
			}, progress);
		for (int m = 1; m < count; m++) if (e.candidates.get(m).check.betterThan(e.candidates.get(e.bestIndex).check)) e.bestIndex = m;
		return e;
	}

	MapCandidates.Candidate best() { return candidates.get(bestIndex); }

	/** The kept member's recovered states. */
	MemberStates kept() { return members.get(bestIndex); }

	/** Whether the kept map fails at a recording that bursts. */
	boolean failsAtBursting() {
		for (SelfCheck.TraceCheck c : best().check.traces())
			if (c.recorded.regime() == RegimeStats.Regime.BURSTING && !c.passed()) return true;
		return false;
	}

	/**
	 * The kept map fails at more than half of the recordings where the cell fires: a sign of
	 * a slow process (adaptation) that the state leaves out.
	 */
	boolean failsAtMostFiring() {
		int firing = 0, failed = 0;
		for (SelfCheck.TraceCheck c : best().check.traces()) {
			if (c.recorded.regime() == RegimeStats.Regime.REST) continue;
			firing++;
			if (!c.passed()) failed++;
		}
		return 2 * failed > firing;
	}

	/** The kept member's model with every other member in its ensemble. */
	ReconstructedModel model() {
		List<ReconstructedModel.Member> others = new ArrayList<>();
		for (int m = 0; m < candidates.size(); m++)
			if (m != bestIndex) others.add(new ReconstructedModel.Member(members.get(m).autoencoder, candidates.get(m).model.map(), members.get(m).initial[0]));
		return best().model.withOtherMembers(others);
	}
}
