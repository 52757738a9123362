package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurodynamics.core.CancelledException;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.UserInputException;

class VariationalAutoencoderTest {

	@BeforeAll
	static void threads() {
		NetworkThreads.configure(1);
	}

	private static VariationalAutoencoder.Config sineConfig() {
		return VariationalAutoencoder.Config.of(20).withHidden(64, 32).withLatentSize(6).withBeta(0.01).withBatchSize(64)
			.withEpochs(30).withSeed(7).withLearningRate(2e-3);
	}

	@Test
	void learnsTwoDimensionalManifoldAndFindsTwoActiveCoordinates() {
		ArrayRows data = ArrayRows.sineWindows(3000, 20, 1);
		VariationalAutoencoder vae = new VariationalAutoencoder(sineConfig());
		VariationalAutoencoder.History h = vae.train(data, Progress.NONE);
		VariationalAutoencoder.Epoch last = h.last();
		System.out.println("VAE sine: " + h.samplesPerSecond() + " samples/s, MSE " + last.reconstructionMse + ", KL "
			+ Arrays.toString(last.klPerCoordinate()) + ", var(mu) " + Arrays.toString(last.meanVariance()));
		// data variance per element is ~0.4; the reconstruction must be far better than the mean
		assertTrue(last.reconstructionMse < 0.03, "reconstruction MSE " + last.reconstructionMse);
		assertTrue(h.epochs().get(0).loss > last.loss);
		float[] kl = last.klPerCoordinate();
		float[] sorted = kl.clone();
		Arrays.sort(sorted);
		int l = sorted.length;
		// two informative coordinates, the rest collapsed to the prior
		assertTrue(sorted[l - 2] > 1.0, "second largest KL " + sorted[l - 2]);
		assertTrue(sorted[l - 3] < 0.05, "third largest KL " + sorted[l - 3]);
		assertEquals(2, h.activeCoordinates().length);

		// encode / decode with the active coordinates only
		int[] active = h.activeCoordinates();
		float[][] x = Arrays.copyOf(data.rows, 200);
		float[][] z = vae.encodeMean(x, active);
		assertEquals(200, z.length);
		assertEquals(2, z[0].length);
		float[][] xr = vae.decodeMean(z, active);
		double mse = 0;
		for (int i = 0; i < x.length; i++)
			for (int j = 0; j < x[i].length; j++)
				mse += (xr[i][j] - x[i][j]) * (xr[i][j] - x[i][j]);
		mse /= x.length * x[0].length;
		assertTrue(mse < 0.03, "MSE with active coordinates only " + mse);
		float[][] streamed = vae.encodeMean(data, active, Progress.NONE);
		assertEquals(3000, streamed.length);
		assertEquals(z[5][1], streamed[5][1], 1e-5);
	}

	@Test
	void sameSeedGivesSameWeights() {
		ArrayRows data = ArrayRows.sineWindows(500, 20, 2);
		VariationalAutoencoder.Config c = sineConfig().withEpochs(2);
		VariationalAutoencoder a = new VariationalAutoencoder(c), b = new VariationalAutoencoder(c);
		a.train(data, Progress.NONE);
		b.train(data, Progress.NONE);
		assertArrayEquals(NeuralMapTest.params(a.encoderNet()), NeuralMapTest.params(b.encoderNet()));
		assertArrayEquals(NeuralMapTest.params(a.decoderNet()), NeuralMapTest.params(b.decoderNet()));
		VariationalAutoencoder d = new VariationalAutoencoder(c.withSeed(8));
		d.train(data, Progress.NONE);
		assertFalse(Arrays.equals(NeuralMapTest.params(a.encoderNet()), NeuralMapTest.params(d.encoderNet())));
	}

	@Test
	void saveLoadRoundTripAndDamagedStreams() throws Exception {
		VariationalAutoencoder vae = new VariationalAutoencoder(sineConfig().withEpochs(1));
		vae.train(ArrayRows.sineWindows(300, 20, 3), Progress.NONE);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		vae.save(out);
		out.write(42); // whatever follows in the container stays unread
		byte[] bytes = out.toByteArray();
		ByteArrayInputStream in = new ByteArrayInputStream(bytes);
		VariationalAutoencoder back = VariationalAutoencoder.load(in);
		assertEquals(42, in.read());
		float[][] x = Arrays.copyOf(ArrayRows.sineWindows(10, 20, 4).rows, 10);
		assertArrayEquals(vae.encodeMean(x), back.encodeMean(x));
		float[][] z = new float[5][6];
		for (int i = 0; i < 5; i++) z[i] = RolloutMapLossTest.gaussian(new java.util.Random(i), 6, 1);
		assertArrayEquals(vae.decodeMean(z), back.decodeMean(z));
		assertEquals(vae.config().toString(), back.config().toString());

		byte[] flipped = bytes.clone();
		flipped[bytes.length / 2] ^= 0x10;
		UserInputException e = assertThrows(UserInputException.class, () -> VariationalAutoencoder.load(new ByteArrayInputStream(flipped)));
		assertTrue(e.getMessage().contains("damaged"), e.getMessage());
		byte[] cut = Arrays.copyOf(bytes, bytes.length / 3);
		e = assertThrows(UserInputException.class, () -> VariationalAutoencoder.load(new ByteArrayInputStream(cut)));
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
		e = assertThrows(UserInputException.class, () -> VariationalAutoencoder.load(new ByteArrayInputStream("hello world, not a model".getBytes())));
		assertTrue(e.getMessage().contains("not a saved autoencoder"), e.getMessage());
	}

	@Test
	void cancellationLeavesTheAutoencoderUnchanged() {
		VariationalAutoencoder vae = new VariationalAutoencoder(sineConfig());
		float[] before = NeuralMapTest.params(vae.encoderNet());
		int[] calls = { 0 };
		Progress cancelLater = new Progress() {
			@Override
			public void report(String stage, double fraction, String message) {}

			@Override
			public boolean isCancelled() {
				return ++calls[0] > 20;
			}
		};
		assertThrows(CancelledException.class, () -> vae.train(ArrayRows.sineWindows(2000, 20, 5), cancelLater));
		assertArrayEquals(before, NeuralMapTest.params(vae.encoderNet()));
		// still usable
		vae.train(ArrayRows.sineWindows(200, 20, 5), Progress.NONE);
	}
}
