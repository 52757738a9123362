package org.neurodynamics.service;

import java.awt.GraphicsEnvironment;
import java.util.function.BooleanSupplier;

import ij.IJ;

import org.neurodynamics.core.Progress;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * Shows core progress in Fiji's status bar and progress bar, and as log lines when
 * there is no display (at stage changes and at most every few seconds). Cancelled when
 * the command is cancelled or the user presses Esc in ImageJ.
 */
public final class StatusProgress implements Progress {

	private static final long LOG_INTERVAL_MS = 5000;

	private final StatusService status;
	private final LogService log;
	private final BooleanSupplier cancelled;
	private final boolean headless = GraphicsEnvironment.isHeadless();
	private String lastStage = "";
	private long lastLog;

	public StatusProgress(StatusService status, LogService log, BooleanSupplier cancelled) {
		this.status = status;
		this.log = log;
		this.cancelled = cancelled;
	}

	@Override
	public synchronized void report(String stage, double fraction, String message) {
		String text = message == null || message.isEmpty() ? stage : stage + ": " + message;
		if (status != null) {
			status.showStatus(text);
			status.showProgress((int) Math.round(1000 * Math.max(0, Math.min(1, fraction))), 1000);
		}
		long now = System.currentTimeMillis();
		if (log != null && (!stage.equals(lastStage) || now - lastLog >= LOG_INTERVAL_MS || fraction >= 1)) {
			if (headless || !stage.equals(lastStage)) log.info(String.format("%s [%3.0f%%]", text, 100 * fraction));
			lastStage = stage;
			lastLog = now;
		}
	}

	@Override
	public boolean isCancelled() {
		return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted() || (!headless && IJ.escapePressed());
	}
}
