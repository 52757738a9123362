package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NetworkThreadsTest {
	@Test
	void configureSetsAndReportsTheThreadCounts() {
		try {
			String d = NetworkThreads.configure(2);
			assertTrue(d.contains("BLAS threads=2"), d);
		}
		finally {
			String d = NetworkThreads.configure(1);
			assertTrue(d.contains("BLAS threads=1"), d);
		}
	}
}
