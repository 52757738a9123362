package org.neurodynamics.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
		assertEquals(map.network().params, again.network().params);

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
		INDArray z = Nd4j.rand(DataType.FLOAT, 4, 3);
		assertEquals(vae.decodeMean(z), vae2.decodeMean(z));
		INDArray u = Nd4j.rand(DataType.FLOAT, 4, 2), p = Nd4j.rand(DataType.FLOAT, 4, 1);
		assertEquals(map.step(u, p), map2.step(u, p));
	}
}
