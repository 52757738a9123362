package org.neurodynamics.core.batch;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.neurodynamics.core.UserInputException;

/**
 * Keeps a second batch out of an output folder while one runs: batch.lock, created only if
 * absent, names the holder (process id, host, the process's start time). A lock whose
 * holder ran on this host and is gone (its process id no longer names a process started
 * then) is stale, left by a batch that was killed, and is taken over.
 */
public final class BatchLock implements AutoCloseable {

	public static final String FILE = "batch.lock";

	private final Path file;

	private BatchLock(Path file) {
		this.file = file;
	}

	/** Takes the lock of {@code output} (created if need be), or refuses naming the batch that holds it. */
	public static BatchLock acquire(Path output) {
		Path file = output.resolve(FILE);
		try {
			Files.createDirectories(output);
			for (int attempt = 0; ; attempt++) {
				try {
					Files.write(file, describe(ProcessHandle.current()).getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
						StandardOpenOption.WRITE);
					return new BatchLock(file);
				}
				catch (FileAlreadyExistsException e) {
					Map<String, String> holder = read(file);
					if (attempt > 0 || holder == null || !isStale(holder)) throw held(output, file, holder);
					// two batches that find the same stale lock at the same moment could both take it over; one
					// attempt only, so that a lock re-created meanwhile is not removed as well
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException e) {
			throw new UserInputException("Could not create the lock file '" + file + "' (" + e.getMessage() + "). Choose an " +
				"output folder you can write to.", e);
		}
	}

	/** Removes the lock. */
	@Override
	public void close() {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			// a lock left behind is stale once this process ends, and the next batch takes it over
		}
	}

	static String describe(ProcessHandle p) {
		return "pid=" + p.pid() + "\nhost=" + host() + "\nprocess_started=" + p.info().startInstant().map(Instant::toString)
			.orElse("") + "\nlocked=" + Instant.now() + "\n";
	}

	/** The holder as written in the lock, or null while it is being written or when it cannot be read. */
	private static Map<String, String> read(Path file) throws IOException {
		Map<String, String> m = new HashMap<>();
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				int eq = line.indexOf('=');
				if (eq > 0) m.put(line.substring(0, eq), line.substring(eq + 1));
			}
		}
		catch (NoSuchFileException e) {
			return Map.of("pid", "-1", "host", host()); // released meanwhile: take it
		}
		return m.containsKey("pid") && m.containsKey("host") ? m : null;
	}

	/** Whether the holder ran on this host and its process is gone. */
	static boolean isStale(Map<String, String> holder) {
		if (!host().equals(holder.get("host"))) return false;
		long pid;
		try {
			pid = Long.parseLong(holder.get("pid").trim());
		}
		catch (NumberFormatException e) {
			return false;
		}
		Optional<ProcessHandle> p = ProcessHandle.of(pid);
		if (p.isEmpty() || !p.get().isAlive()) return true;
		// the process id was given to another process since
		String started = holder.getOrDefault("process_started", "");
		Optional<Instant> now = p.get().info().startInstant();
		return !started.isEmpty() && now.isPresent() && !now.get().toString().equals(started);
	}

	private static UserInputException held(Path output, Path file, Map<String, String> holder) {
		String who = holder == null ? "another batch" : "another batch (process " + holder.get("pid") + " on " + holder.get("host") +
			(holder.containsKey("locked") ? ", since " + holder.get("locked") : "") + ")";
		return new UserInputException("The output folder '" + output + "' is in use by " + who + ". Wait for it to end or " +
			"choose another output folder; if no batch runs there any more, delete '" + file + "'.");
	}

	static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (IOException e) {
			String h = System.getenv("HOSTNAME");
			return h == null ? "this computer" : h;
		}
	}
}
