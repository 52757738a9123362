package org.neurodynamics.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.cable.*;
import org.neurodynamics.core.fit.*;

/**
 * Pinsky-Rinzel recovery from multipliers 1 under variants of the fit settings and of the stimulus
 * protocol (system properties lr, it, f0, ramp, proto, only, stepAmp, trace), for section (c) of the
 * gradient-diffusion benchmark. One fit at a time.
 */
public final class PinskyRinzelRecoveryExploration {
	public static void main(String[] args) {
		double lr = Double.parseDouble(System.getProperty("lr", "0.01"));
		int it = Integer.getInteger("it", 800);
		double f0 = Double.parseDouble(System.getProperty("f0", "0.2"));
		int ramp = Integer.getInteger("ramp", 300);
		String proto = System.getProperty("proto", "pulses");
		String only = System.getProperty("only", "0123");
		CableModel pr = CableModels.pinskyRinzel();
		String[] b = { "gNa", "gKDR", "gCa", "gKC", "gKAHP", "gc" };
		double[][] truths = { { 1.2, 0.8, 1.2, 0.8, 1.2, 0.8 }, { 1.2, 1.2, 0.8, 0.8, 1.2, 1.2 },
			{ 0.8, 0.8, 1.2, 1.2, 0.8, 1.2 }, { 1.2, 0.8, 0.8, 1.2, 0.8, 1.2 }, {0.5,1.5,1.5,0.5,1.5,0.5}, {1.5,0.5,0.5,1.5,0.5,1.5} };
		for (char c : only.toCharArray()) {
			int i = c - '0';
			Protocol p = protocol(proto);
			FitProblem fp = GradientDiffusionBenchmark.problem(pr, p, new int[] { 0, 1 }, b, truths[i]);
			double initial = fp.loss(new double[b.length], fp.steps(), null);
			long t0 = System.nanoTime();
			FitOptions o = new FitOptions().iterations(it).learningRate(lr).curriculum(f0, ramp);
			FitListener l = Boolean.getBoolean("trace") ? x -> { if (x.iteration % 25 == 0) System.out.printf(Locale.ROOT, "  it %d win %.0f loss %.4g %s%n", x.iteration, x.window, x.loss, Arrays.toString(x.multipliers())); } : FitListener.NONE;
			FitResult r = Fitter.fit(fp, o, l, Progress.NONE);
			double[] m = r.multipliers();
			double worst = 0;
			for (int k = 0; k < m.length; k++) worst = Math.max(worst, Math.abs(m[k] / truths[i][k] - 1));
			System.out.printf(Locale.ROOT, "case %d %5.1fs init %.3g final %.3g red %.2g worst %.2f%% %s%n", i,
				(System.nanoTime() - t0) * 1e-9, initial, r.loss(), initial / r.loss(), 100 * worst, Arrays.toString(m));
		}
	}

	static Protocol protocol(String name) {
		switch (name) {
		case "pulses": return GradientDiffusionBenchmark.prProtocol(500, 0.05);
		case "dend": return new Protocol(List.of(new Injection(0, new PulseTrain(10, 5, 100, 3.0)), new Injection(1, new PulseTrain(60, 5, 100, 3.0))), 0.05, 500);
		case "dend2": return new Protocol(List.of(new Injection(0, new PulseTrain(10, 5, 200, 3.0)), new Injection(1, new PulseTrain(110, 5, 200, 3.0))), 0.05, 500);
		case "amps": return new Protocol(List.of(new Injection(0, new PulseTrain(10, 5, 1e9, 1.5)), new Injection(0, new PulseTrain(110, 5, 1e9, 3)), new Injection(0, new PulseTrain(210, 5, 1e9, 4.5)), new Injection(0, new CurrentStep(300, 200, Double.parseDouble(System.getProperty("stepAmp", "0.3"))))), 0.05, 500);
		case "step": return new Protocol(List.of(new Injection(0, new PulseTrain(10, 5, 100, 3.0)), new Injection(0, new CurrentStep(250, 250, Double.parseDouble(System.getProperty("stepAmp", "0.3"))))), 0.05, 500);
		case "graded": { java.util.List<Injection> in = new java.util.ArrayList<>(); double[] amp = {1.0, 2.0, 3.0, 4.0, 6.0}; for (int k = 0; k < amp.length; k++) in.add(new Injection(0, new PulseTrain(10 + 100 * k, 5, 1e9, amp[k]))); return new Protocol(in, 0.05, 500); }
		case "long": return new Protocol(List.of(new Injection(0, new PulseTrain(10, 20, 100, 1.0))), 0.05, 500);
		default: throw new IllegalArgumentException(name);
		}
	}
}
