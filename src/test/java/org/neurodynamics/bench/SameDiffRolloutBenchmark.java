package org.neurodynamics.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.neurodynamics.core.nn.Activation;
import org.neurodynamics.core.nn.NetworkThreads;
import org.neurodynamics.core.nn.RolloutGradientTiming;

/**
 * Hand-written backward pass against ND4J SameDiff automatic differentiation on the
 * map's rollout loss: state 3, hidden 128-128-128 tanh, increment form, batch 256,
 * rollout 8, 1 thread; loss and parameter gradient of one minibatch (no optimiser step).
 * Usage: {@code SameDiffRolloutBenchmark [output.md] [rounds] [iterations]}.
 */
public final class SameDiffRolloutBenchmark {

	public static void main(String[] args) throws Exception {
		Path out = args.length > 0 ? Paths.get(args[0]) : null;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		String threads = NetworkThreads.configure(1);
		RolloutGradientTiming.Result r = RolloutGradientTiming.run(3, new int[] { 128, 128, 128 }, Activation.TANH, 256, 8, rounds, iterations);
		String md = String.format("| method | ms per loss + gradient (batch 256, rollout 8) | windows/s |%n|---|---:|---:|%n"
			+ "| hand-written (RolloutMapLoss) | %.2f | %.0f |%n| SameDiff calculateGradients | %.2f | %.0f |%n%n"
			+ "SameDiff / hand-written time: %.2fx. Agreement: |loss difference| %.2g, max |gradient difference| %.2g (max |gradient| %.2g), float32.%n"
			+ "Threads: %s; best of %d alternating rounds of %d evaluations after 5 warm-up evaluations each.%n",
			r.handWrittenSeconds * 1e3, 256 / r.handWrittenSeconds, r.sameDiffSeconds * 1e3, 256 / r.sameDiffSeconds,
			r.sameDiffSeconds / r.handWrittenSeconds, r.lossDifference, r.maxGradientDifference, r.maxGradient, threads, rounds, iterations);
		System.out.println(md);
		if (out != null) {
			Files.createDirectories(out.toAbsolutePath().getParent());
			Files.writeString(out, md);
		}
	}
}
