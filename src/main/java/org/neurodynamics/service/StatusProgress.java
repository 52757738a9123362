package org.neurodynamics.service;

import java.awt.GraphicsEnvironment;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import ij.IJ;

import org.neurodynamics.core.Progress;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * Shows core progress in the status bar and progress bar (ImageJ 1's own when ImageJ runs,
 * plain or inside Fiji; otherwise SciJava's status service), with the command, the phase
 * and an estimate of the time left in it, and as log lines when there is no display (at
 * stage changes and at most every few seconds). Cancelled when the command is cancelled
 * or the user presses Esc in ImageJ.
 */
public final class StatusProgress implements Progress {

	/** Where the status text and the progress bar go. */
	public interface Sink {
		void status(String text);

		/** 0..1; 1 ends (hides) the progress bar. */
		void progress(double fraction);
	}

	private static final long LOG_INTERVAL_MS = 5000;
	/** The status bar is redrawn at most this often, except at stage changes and at the end of a stage. */
	private static final long STATUS_INTERVAL_MS = 100;
	/** No estimate before a stage has run this long and this far: the first steps are not representative. */
	private static final long ESTIMATE_AFTER_MS = 3000;
	private static final double ESTIMATE_AFTER_FRACTION = 0.02;

	private final String command;
	private final Sink sink;
	private final LogService log;
	private final BooleanSupplier cancelled;
	private final LongSupplier clock;
	private final boolean headless;
	private String lastStage = "";
	private long lastLog;
	private String statusStage;
	private long stageStart;
	private double stageStartFraction;
	private long lastStatus = Long.MIN_VALUE;

	/** Progress of {@code command} (its menu label) for the status bar of the running ImageJ, or {@code status}. */
	public StatusProgress(String command, StatusService status, LogService log, BooleanSupplier cancelled) {
		this(command, imageJSink(status), log, cancelled, System::currentTimeMillis, GraphicsEnvironment.isHeadless());
	}

	/** With a given sink and clock (milliseconds), for tests. */
	public StatusProgress(String command, Sink sink, LogService log, BooleanSupplier cancelled, LongSupplier clock, boolean headless) {
		this.command = command;
		this.sink = sink;
		this.log = log;
		this.cancelled = cancelled;
		this.clock = clock;
		this.headless = headless;
	}

	/**
	 * ImageJ 1's status and progress bars while an ImageJ window exists (plain ImageJ 1 and
	 * Fiji, where SciJava status events would not reach plain ImageJ's bar); otherwise
	 * SciJava's status service (which Fiji's other user interfaces show), or nothing.
	 */
	static Sink imageJSink(StatusService status) {
		return new Sink() {
			@Override
			public void status(String text) {
				if (IJ.getInstance() != null) IJ.showStatus(text);
				else if (status != null) status.showStatus(text);
			}

			@Override
			public void progress(double fraction) {
				if (IJ.getInstance() != null) IJ.showProgress(fraction);
				else if (status != null) status.showProgress((int) Math.round(1000 * fraction), 1000);
			}
		};
	}

	@Override
	public synchronized void report(String stage, double fraction, String message) {
		double f = Math.max(0, Math.min(1, fraction));
		String text = message == null || message.isEmpty() ? stage : stage + ": " + message;
		long now = clock.getAsLong();
		showStatus(stage, f, text, now);
		if (log != null && (!stage.equals(lastStage) || now - lastLog >= LOG_INTERVAL_MS || fraction >= 1)) {
			if (headless || !stage.equals(lastStage)) log.info(String.format("%s [%3.0f%%]", text, 100 * fraction));
			lastStage = stage;
			lastLog = now;
		}
	}

	private void showStatus(String stage, double f, String text, long now) {
		if (sink == null) return;
		boolean newStage = !stage.equals(statusStage) || f < stageStartFraction;
		if (newStage) {
			statusStage = stage;
			stageStart = now;
			stageStartFraction = f;
		}
		if (!newStage && f < 1 && now - lastStatus < STATUS_INTERVAL_MS) return;
		lastStatus = now;
		String left = timeLeft(now - stageStart, f - stageStartFraction, 1 - f);
		sink.status((command == null || command.isEmpty() ? "" : command + ": ") + text + (left.isEmpty() ? "" : " (" + left + ")"));
		// A stage that is done hides the bar rather than leaving it full.
		sink.progress(f >= 1 ? 1 : f);
	}

	/** "about 2 min left", from the time the stage took for the part done so far; empty while too early to tell. */
	static String timeLeft(long elapsedMs, double done, double left) {
		if (elapsedMs < ESTIMATE_AFTER_MS || done < ESTIMATE_AFTER_FRACTION || left <= 0) return "";
		double seconds = elapsedMs / 1000.0 * left / done;
		if (seconds < 60) return String.format(Locale.ROOT, "about %d s left", Math.max(5, Math.round(seconds / 5) * 5));
		if (seconds < 3600) return String.format(Locale.ROOT, "about %d min left", Math.round(seconds / 60));
		return String.format(Locale.ROOT, "about %.1f h left", seconds / 3600);
	}

	/** "12 s", "3 min", "1.5 h": how long a command took, for its final status. */
	public static String duration(long ms) {
		double seconds = ms / 1000.0;
		if (seconds < 60) return String.format(Locale.ROOT, "%.0f s", Math.ceil(seconds));
		if (seconds < 3600) return String.format(Locale.ROOT, "%.1f min", seconds / 60);
		return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
	}

	@Override
	public boolean isCancelled() {
		return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted() || (!headless && IJ.escapePressed());
	}
}
