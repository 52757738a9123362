package org.neurodynamics.core.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.io.AtomicFiles;

/**
 * A job over every recording under a folder, on one machine: cells finished by an earlier
 * run are kept, the others run a few at a time ({@link CellRunner}), and the results table
 * (results.csv, one row per cell in the order of their names) is written when the batch ends,
 * also when it was cancelled. Cancelling starts no new cell; those in flight finish.
 */
public final class BatchRun {

	/** What a batch did. */
	public static final class Summary {
		/** One row per finished cell, in the order of the cells' names. */
		public final List<CellRow> rows;
		public final int cells, ran, kept, failed, notRun;
		public final Path table;

		Summary(List<CellRow> rows, int cells, int ran, int kept, int failed, int notRun, Path table) {
			this.rows = rows;
			this.cells = cells;
			this.ran = ran;
			this.kept = kept;
			this.failed = failed;
			this.notRun = notRun;
			this.table = table;
		}

		public boolean cancelled() { return notRun > 0; }

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%d cells: %d run now (%d failed), %d finished earlier%s", cells, ran, failed, kept,
				notRun > 0 ? ", " + notRun + " not run (cancelled)" : "");
		}
	}

	private BatchRun() {}

	/**
	 * Runs the job of {@code settings} on every cell under {@code input} not finished in
	 * {@code output}; reports cells done and failed to {@code progress} and one line per cell
	 * to {@code log}.
	 */
	public static Summary run(Path input, Path output, BatchSettings settings, Progress progress, Consumer<String> log) {
		settings.check();
		Path table = output.resolve(BatchTable.FILE);
		try {
			AtomicFiles.checkWritable(table);
		}
		catch (IOException e) {
			throw new UserInputException("Cannot write the results in the output folder '" + output + "' (" + e.getMessage() +
				"). Choose a folder you can write to.", e);
		}
		List<Cell> cells = CellFiles.find(input, output);
		try (BatchLock lock = OutputFolder.claim(output, settings, log)) {
			return run(cells, input, output, settings, progress, log);
		}
	}

	private static Summary run(List<Cell> cells, Path input, Path output, BatchSettings settings, Progress progress, Consumer<String> log) {
		Path table = output.resolve(BatchTable.FILE);
		CellRow[] rows = new CellRow[cells.size()];
		List<Integer> pending = new ArrayList<>();
		for (int i = 0; i < cells.size(); i++) {
			rows[i] = CellRunner.finished(cells.get(i), output, settings.job);
			if (rows[i] == null) pending.add(i);
		}
		int kept = cells.size() - pending.size();
		if (kept > 0) log.accept(kept + " of " + cells.size() + " cells were finished by an earlier run and are kept.");
		int threads = Math.min(settings.threads(Runtime.getRuntime().availableProcessors()), Math.max(1, pending.size()));
		log.accept(String.format(Locale.ROOT, "Batch (%s) over %d cells in '%s', %d at a time.", settings.job.key(),
			pending.size(), input, threads));
		int ran = 0, failed = 0, notRun = 0;
		BatchClock clock = new BatchClock(pending.size(), threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "batch cell");
			t.setDaemon(true);
			return t;
		});
		try {
			ExecutorCompletionService<Object[]> done = new ExecutorCompletionService<>(pool);
			for (int i : pending) done.submit(() -> {
				// cancelled: cells not yet started stay for the next run
				if (progress.isCancelled()) return new Object[] { i, null, 0L };
				long start = System.nanoTime();
				return new Object[] { i, CellRunner.run(cells.get(i), output, settings), System.nanoTime() - start };
			});
			progress.report("Batch", 0, "0 of " + pending.size() + " cells done");
			for (int k = 0; k < pending.size(); k++) {
				Object[] result = take(done);
				int i = (Integer) result[0];
				CellRow row = (CellRow) result[1];
				if (row == null) {
					notRun++;
					continue;
				}
				rows[i] = row;
				ran++;
				if (row.failed()) failed++;
				clock.cellDone((Long) result[2]);
				log.accept(String.format(Locale.ROOT, "%s: %s (%.1f s); %s", cells.get(i).name, row.failed() ? "failed: " + row.error() :
					"done", (Long) result[2] * 1e-9, clock.progress(failed)));
				progress.report("Batch", (double) (ran + notRun) / pending.size(), clock.progress(failed));
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<CellRow> finished = new ArrayList<>();
		for (CellRow r : rows) if (r != null) finished.add(r);
		try {
			BatchTable.write(table, BatchColumns.of(settings.job), finished);
		}
		catch (IOException e) {
			throw new UserInputException("Could not write the results table '" + table + "' (" + e.getMessage() +
				"). Choose an output folder you can write to.", e);
		}
		return new Summary(finished, cells.size(), ran, kept, failed, notRun, table);
	}

	private static Object[] take(ExecutorCompletionService<Object[]> done) {
		try {
			return done.take().get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new org.neurodynamics.core.CancelledException("The batch");
		}
		catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IllegalStateException(cause);
		}
	}
}
