package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.neurodynamics.core.Progress;
import org.neurodynamics.core.data.StateSequence;

/** Both networks as entries of one zip, as a model file holds them; map training is reproducible. */
class ModelZipTest {

	@Test
	void networksRoundTripThroughZipEntriesAndMapTrainingIsReproducible() throws Exception {
		VariationalAutoencoder vae = new VariationalAutoencoder(VariationalAutoencoder.Config.of(20).withHidden(16).withLatentSize(3).withEpochs(1));
		vae.train(ArrayRows.sineWindows(200, 20, 1), Progress.NONE);
		List<StateSequence> data = NeuralMapTest.hopfData().subList(0, 3);
		NeuralMap.Config c = NeuralMap.Config.of(2).withHidden(16, 16).withEpochs(2).withBatchSize(32);
		NeuralMap map = new NeuralMap(c);
		map.train(data, Progress.NONE);
		NeuralMap again = new NeuralMap(c);
		again.train(data, Progress.NONE);
		assertArrayEquals(NeuralMapTest.params(map.network()), NeuralMapTest.params(again.network()));

		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("vae.bin"));
			vae.save(zip);
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry("map.bin"));
			map.save(zip);
			zip.closeEntry();
		}
		VariationalAutoencoder vae2 = null;
		NeuralMap map2 = null;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
				if (e.getName().equals("vae.bin")) vae2 = VariationalAutoencoder.load(zip);
				else map2 = NeuralMap.load(zip);
			}
		}
		java.util.Random r = new java.util.Random(1);
		float[][] z = { RolloutMapLossTest.gaussian(r, 3, 1), RolloutMapLossTest.gaussian(r, 3, 1) };
		assertArrayEquals(vae.decodeMean(z), vae2.decodeMean(z));
		float[] u = RolloutMapLossTest.gaussian(r, 8, 1), p = RolloutMapLossTest.gaussian(r, 4, 1);
		assertArrayEquals(NeuralMapTest.step(map, u, p), NeuralMapTest.step(map2, u, p));
	}
}
