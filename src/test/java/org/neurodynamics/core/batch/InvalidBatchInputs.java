package org.neurodynamics.core.batch;

import java.util.List;

/**
 * Settings every route of the batch must refuse, each as macro options and as the Spark
 * job's arguments, with the words its message must hold on either route.
 */
public final class InvalidBatchInputs {

	public static final class Case {
		public final String macro;
		public final String[] spark;
		public final List<String> named;

		Case(String macro, String[] spark, String... named) {
			this.macro = macro;
			this.spark = spark;
			this.named = List.of(named);
		}

		@Override
		public String toString() {
			return macro;
		}
	}

	private InvalidBatchInputs() {}

	public static List<Case> cases() {
		return List.of(
			new Case("job=spikes", new String[] { "--job", "spikes" }, "spikes", "choose features, fit or reconstruct"),
			new Case("iterations=0", new String[] { "--iterations", "0" }, "iterations", "at least 1"),
			new Case("iterations=2.5", new String[] { "--iterations", "2.5" }, "iterations", "whole number"),
			new Case("interval=0", new String[] { "--interval", "0" }, "interval", "positive"),
			new Case("dt=-0.01", new String[] { "--dt", "-0.01" }, "dt", "positive"),
			new Case("step_start=50 step_end=20", new String[] { "--step_start", "50", "--step_end", "20" }, "step_end", "step_start"),
			new Case("threads=-2", new String[] { "--threads", "-2" }, "threads", "at least 0"));
	}
}
