package org.neurodynamics.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent tasks side by side on a few daemon threads and returns their results
 * in the order of the tasks. The first task's exception (unwrapped) is rethrown; the
 * others are interrupted.
 */
public final class Parallel {

	private Parallel() {}

	/** The number of threads worth using for {@code tasks} tasks: at most one per core. */
	public static int threadsFor(int tasks) {
		return Math.max(1, Math.min(tasks, Runtime.getRuntime().availableProcessors()));
	}

	/**
	 * @param name the threads' name, for thread dumps
	 * @param stage what is running, for the {@link CancelledException} if this thread is interrupted
	 */
	public static <T> List<T> run(String name, String stage, List<Callable<T>> tasks) {
		ExecutorService pool = Executors.newFixedThreadPool(threadsFor(tasks.size()), r -> {
			Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) futures.add(pool.submit(task));
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) results.add(await(f, stage));
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static <T> T await(Future<T> f, String stage) {
		try {
			return f.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CancelledException(stage);
		}
		catch (ExecutionException e) {
			Throwable c = e.getCause();
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			throw new IllegalStateException(c);
		}
	}
}
