package org.neurodynamics.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.ResultsTable;

/** Fingerprints of inputs, to check that reading traces leaves them as they were. */
final class Checksums {

	private Checksums() {}

	/** Every pixel of every slice, the dimensions, calibration, title and properties. */
	static long of(ImagePlus imp) {
		CRC32 crc = new CRC32();
		ImageStack stack = imp.getStack();
		for (int i = 1; i <= stack.getSize(); i++) {
			float[] px = (float[]) stack.getProcessor(i).convertToFloat().getPixels();
			ByteBuffer b = ByteBuffer.allocate(px.length * 4);
			b.asFloatBuffer().put(px);
			crc.update(b.array());
		}
		crc.update((imp.getTitle() + Arrays.toString(imp.getDimensions()) + imp.getCalibration() + imp.getCalibration().frameInterval +
			imp.getCalibration().getValueUnit() + Arrays.toString(imp.getPropertiesAsArray()) + imp.getBitDepth()).getBytes());
		return crc.getValue();
	}

	/** Headings and every cell as text. */
	static long of(ResultsTable table) {
		CRC32 crc = new CRC32();
		crc.update(Arrays.toString(table.getHeadings()).getBytes());
		for (int row = 0; row < table.size(); row++) crc.update(table.getRowAsString(row).getBytes());
		crc.update(table.size());
		return crc.getValue();
	}

	static long of(Path file) throws IOException {
		CRC32 crc = new CRC32();
		crc.update(Files.readAllBytes(file));
		return crc.getValue() ^ Files.getLastModifiedTime(file).toMillis();
	}
}
