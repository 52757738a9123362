package org.neurodynamics.core.reconstruct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.embed.DelayEmbedding;
import org.neurodynamics.core.embed.Normalisation;
import org.neurodynamics.core.model.HindmarshRose;
import org.neurodynamics.core.model.ModelSimulator;
import org.neurodynamics.core.nn.VariationalAutoencoder;
import org.neurodynamics.core.trace.Trace;

/**
 * How well does the state autoencoder's decoder draw the observed variable from the
 * recovered states (Hindmarsh-Rose)? For each variant ({@code beta=..;epochs=..;latent=..;slowBins=..;hidden=a,b})
 * prints the reconstruction MSE, and for the first trace the RMSE of the decoded newest
 * sample and its largest value against the recorded spike peak.
 */
public final class AutoencoderExperiment {

	public static void main(String[] args) {
		double[] train = Arrays.stream(args[0].split(",")).mapToDouble(Double::parseDouble).toArray();
		ModelSimulator sim = new ModelSimulator(new HindmarshRose());
		List<Trace> traces = new ArrayList<>();
		for (int k = 0; k < train.length; k++) traces.add(sim.trace(0, train[k], 4000, 1000, 0.5, 0, k, Progress.NONE));
		for (int v = 1; v < args.length; v++) {
			ReconstructionSettings s = new ReconstructionSettings();
			int latent = 3, epochs = s.autoencoderEpochs;
			double beta = s.beta, lr = s.learningRate;
			int[] hidden = s.autoencoderHidden;
			for (String kv : args[v].split(";")) {
				String[] p = kv.split("=");
				switch (p[0]) {
					case "beta": beta = Double.parseDouble(p[1]); break;
					case "lr": lr = Double.parseDouble(p[1]); break;
					case "epochs": epochs = Integer.parseInt(p[1]); break;
					case "latent": latent = Integer.parseInt(p[1]); break;
					case "slowBins": s.slowBins = Integer.parseInt(p[1]); break;
					case "samples": s.samplesPerEpoch = Long.parseLong(p[1]); break;
					case "hidden": hidden = Arrays.stream(p[1].split(",")).mapToInt(Integer::parseInt).toArray(); break;
					default: throw new IllegalArgumentException(p[0]);
				}
			}
			EmbeddingChoice choice = EmbeddingChoice.choose(traces, s);
			DelayEmbedding e = new DelayEmbedding(traces, choice.layout, choice.subsampling, Normalisation.fit(traces));
			long t0 = System.nanoTime();
			VariationalAutoencoder vae = new VariationalAutoencoder(VariationalAutoencoder.Config.of(e.width()).withHidden(hidden)
				.withLatentSize(latent).withBeta(beta).withLearningRate(lr).withEpochs(epochs).withMaxSamplesPerEpoch(s.samplesPerEpoch));
			VariationalAutoencoder.History h = vae.train(e, Progress.NONE);
			double seconds = (System.nanoTime() - t0) / 1e9;
			int[] all = new int[latent];
			for (int i = 0; i < latent; i++) all[i] = i;
			StringBuilder per = new StringBuilder();
			float[][] states = vae.encodeMean(e, all, Progress.NONE);
			for (int k = 0; k < e.traceCount(); k++) {
				int from = (int) e.firstRow(k), n = e.windows(k);
				float[] dec = vae.decodeMeanComponent(DecodedOrbits.flatten(Arrays.copyOfRange(states, from, from + n)), n, all, 0);
				float[] x = e.normalisedSamples(k);
				double se = 0, max = Double.NEGATIVE_INFINITY, truthMax = Double.NEGATIVE_INFINITY;
				for (int w = 0; w < n; w++) {
					double t = x[w + e.span()];
					se += (dec[w] - t) * (dec[w] - t);
					max = Math.max(max, dec[w]);
					truthMax = Math.max(truthMax, t);
				}
				per.append(String.format(Locale.ROOT, " I=%.2f rmse %.3f max %.2f/%.2f;", train[k], Math.sqrt(se / n), max, truthMax));
			}
			System.out.printf(Locale.ROOT, "%s | %s | MSE %.4f, KL %s, %.0f s |%s%n", args[v], choice.layout, h.last().reconstructionMse,
				Arrays.toString(h.last().klPerCoordinate()), seconds, per);
		}
	}
}
