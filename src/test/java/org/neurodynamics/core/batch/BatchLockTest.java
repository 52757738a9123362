package org.neurodynamics.core.batch;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodynamics.core.UserInputException;

/** One batch at a time per output folder; a lock left by a killed batch on this host is taken over. */
class BatchLockTest {

	@Test
	void aLiveHolderKeepsASecondBatchOutUntilItReleases(@TempDir Path out) {
		BatchLock first = BatchLock.acquire(out);
		UserInputException e = assertThrows(UserInputException.class, () -> BatchLock.acquire(out));
		assertTrue(e.getMessage().contains("process " + ProcessHandle.current().pid() + " on " + BatchLock.host()), e.getMessage());
		assertTrue(e.getMessage().contains(out.resolve(BatchLock.FILE).toString()), "says which file to delete: " + e.getMessage());
		first.close();
		assertFalse(Files.exists(out.resolve(BatchLock.FILE)));
		BatchLock.acquire(out).close();
	}

	@Test
	void theLockOfAProcessThatEndedOnThisHostIsStaleAndTakenOver(@TempDir Path out) throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Files.writeString(out.resolve(BatchLock.FILE), "pid=" + gone.pid() + "\nhost=" + BatchLock.host() + "\n");
		try (BatchLock lock = BatchLock.acquire(out)) {
			assertTrue(Files.readString(out.resolve(BatchLock.FILE)).contains("pid=" + ProcessHandle.current().pid()));
		}
	}

	@Test
	void aLiveProcessIdGivenToAnotherProcessSinceIsStale(@TempDir Path out) throws Exception {
		Files.writeString(out.resolve(BatchLock.FILE), "pid=" + ProcessHandle.current().pid() + "\nhost=" + BatchLock.host() +
			"\nprocess_started=2001-01-01T00:00:00Z\n");
		BatchLock.acquire(out).close();
	}

	@Test
	void aLockFromAnotherHostIsNeverTakenOver(@TempDir Path out) throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		Files.writeString(out.resolve(BatchLock.FILE), "pid=" + gone.pid() + "\nhost=node-17.cluster\n");
		UserInputException e = assertThrows(UserInputException.class, () -> BatchLock.acquire(out));
		assertTrue(e.getMessage().contains("on node-17.cluster"), e.getMessage());
	}
}
