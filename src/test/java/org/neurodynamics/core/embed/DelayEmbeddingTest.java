package org.neurodynamics.core.embed;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.trace.Trace;

class DelayEmbeddingTest {

	private static Trace ramp(String name, int n, float offset, double p) {
		float[] x = new float[n];
		for (int i = 0; i < n; i++) x[i] = offset + i;
		return new Trace(name, x, 0.1, "ms", "mV", p, "I");
	}

	@Test
	void normalisationPoolsAllTracesAndRoundTrips() {
		Trace a = new Trace("a", new float[] { 0, 2 }, 1, "", "");
		Trace b = new Trace("b", new float[] { 10, 12 }, 1, "", "");
		Normalisation n = Normalisation.fit(List.of(a, b));
		assertEquals(6, n.mean(), 1e-12);
		assertEquals(Math.sqrt((36 + 16 + 16 + 36) / 4.0), n.sd(), 1e-12);
		assertEquals(7.5, n.invert(n.apply(7.5)), 1e-12);
		assertEquals(n, Normalisation.fromArray(n.toArray()));
		float[] y = n.apply(new float[] { 0, 12 });
		assertTrue(y[0] < 0 && y[1] > 0);
		n.invertInPlace(y);
		assertArrayEquals(new float[] { 0, 12 }, y, 1e-5f);
	}

	@Test
	void windowsStayInsideEachTrace() {
		Trace a = ramp("a", 10, 0, 1.5);
		Trace b = ramp("b", 8, 100, 2.0);
		DelayEmbedding e = new DelayEmbedding(List.of(a, b), 3, 2, 1, Normalisation.identity());
		assertEquals(3, e.width());
		assertEquals(6, e.windows(0)); // 10 - 2*2
		assertEquals(4, e.windows(1));
		assertEquals(10, e.rows());
		assertEquals(6, e.firstRow(1));
		assertEquals(1, e.traceOfRow(6));
		assertEquals(0, e.traceOfRow(5));
		assertEquals(4, e.timeIndexOfRow(0));
		assertEquals(5, e.timeIndexOfRow(7));
		assertEquals(2.0, e.parameter(1));
		float[] out = new float[6];
		e.copyRows(new long[] { 9, 5, 6 }, 1, 2, out);
		assertArrayEquals(new float[] { 9, 7, 5, 104, 102, 100 }, out);
		long[] pairs = e.pairRows();
		assertEquals(5 + 3, pairs.length);
		assertFalse(Arrays.stream(pairs).anyMatch(r -> r == 5 || r == 9)); // last window of each trace
	}

	@Test
	void twoScaleWindowsAverageBlocksBehindTheFineSamples() {
		Trace a = ramp("a", 30, 0, 1.5);
		Trace b = ramp("b", 20, 100, 2.0);
		// 3 fine samples 2 apart (x(n), x(n-2), x(n-4)), then 2 blocks of 4 samples further back
		EmbeddingLayout layout = new EmbeddingLayout(3, 2, 2, 4);
		DelayEmbedding e = new DelayEmbedding(List.of(a, b), layout, 1, Normalisation.identity());
		assertEquals(5, e.width());
		assertEquals(12, e.span());
		assertEquals(30 - 12, e.windows(0));
		assertEquals(12, e.timeIndexOfRow(0));
		float[] out = new float[10];
		e.copyRows(new long[] { 0, e.firstRow(1) + 3 }, 0, 2, out);
		// window of trace a at n = 12: 12, 10, 8, mean(4..7) = 5.5, mean(0..3) = 1.5
		// window of trace b at n = 15 (values 100 + i): 115, 113, 111, mean(107..110), mean(103..106)
		assertArrayEquals(new float[] { 12, 10, 8, 5.5f, 1.5f, 115, 113, 111, 108.5f, 104.5f }, out, 1e-4f);
		assertThrows(UserInputException.class, () -> new DelayEmbedding(List.of(ramp("short", 12, 0, 0)), layout, 1, null));
	}

	@Test
	void subsamplingAndNormalisation() {
		Trace a = ramp("a", 21, 0, Double.NaN);
		Normalisation n = new Normalisation(10, 2);
		DelayEmbedding e = new DelayEmbedding(List.of(a), 2, 1, 5, n);
		assertEquals(5, e.length(0)); // samples 0, 5, 10, 15, 20
		assertEquals(4, e.rows());
		assertEquals(0.5, e.dt(0), 1e-12);
		assertEquals(10, e.originalSampleOfRow(1));
		float[] out = new float[2];
		e.copyRows(new long[] { 1 }, 0, 1, out);
		assertArrayEquals(new float[] { 0f, -2.5f }, out);
	}

	@Test
	void tooShortTraceNamesTraceAndMinimum() {
		Trace shortOne = ramp("sweep 7", 30, 0, 1);
		UserInputException ex = assertThrows(UserInputException.class,
			() -> new DelayEmbedding(List.of(ramp("ok", 500, 0, 0), shortOne), 40, 1, 1));
		assertTrue(ex.getMessage().contains("sweep 7"), ex.getMessage());
		assertTrue(ex.getMessage().contains("at least 40"), ex.getMessage());
		UserInputException sub = assertThrows(UserInputException.class,
			() -> new DelayEmbedding(List.of(ramp("long", 100, 0, 0)), 11, 2, 5));
		assertTrue(sub.getMessage().contains("at least 21") && sub.getMessage().contains("101 before"), sub.getMessage());
	}

	@Test
	void millionSampleTraceStreamsRowsWithoutMaterialisingTheMatrix() {
		int n = 1_000_000;
		float[] x = new float[n];
		for (int i = 0; i < n; i++) x[i] = (float) Math.sin(0.01 * i) + 0.001f * (i % 7);
		Trace t = new Trace("long", x, 0.05, "ms", "mV", 3.0, "I");
		com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long tid = Thread.currentThread().getId();
		long before = bean.getThreadAllocatedBytes(tid);
		DelayEmbedding e = new DelayEmbedding(List.of(t), 40, 1, 1);
		long[] idx = new long[256];
		float[] batch = new float[256 * 40];
		for (int b = 0; b < 100; b++) {
			for (int i = 0; i < idx.length; i++) idx[i] = (b * 7919L + i * 3907L) % e.rows();
			e.copyRows(idx, 0, idx.length, batch);
		}
		long allocated = bean.getThreadAllocatedBytes(tid) - before;
		assertEquals(n - 39, e.rows());
		// The samples as floats are 4 MB; the 40-column matrix would be 160 MB.
		assertTrue(allocated < 12_000_000L, "allocated " + allocated + " bytes");
		// The last batch holds the rows of idx, newest sample first.
		Normalisation norm = e.normalisation();
		for (int i = 0; i < idx.length; i += 17) {
			int newest = (int) idx[i] + 39;
			for (int j = 0; j < 40; j++) assertEquals(norm.apply(x[newest - j]), batch[i * 40 + j], 1e-5);
		}
	}

}
