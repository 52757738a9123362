package org.neurodynamics.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.neurodynamics.core.UserInputException;

/**
 * Reads Axon Binary Format files (ABF1, versions 1.x, and ABF2, versions 2.x) written by
 * Clampex and AxoScope into an {@link AbfFile}. Samples stored as 16-bit integers are
 * scaled to physical units with the channel's instrument scale factor, signal and
 * programmable gains, telegraphed gain, ADC range and resolution and offsets; 32-bit float
 * samples are already in physical units.
 */
public final class AbfReader {

	/** Samples decoded per read; bounds the temporary buffer for large files. */
	private static final int CHUNK_SAMPLES = 1 << 20;

	private AbfReader() {}

	public static AbfFile read(Path path) {
		Objects.requireNonNull(path, "path");
		String label = "'" + path.getFileName() + "'";
		if (!Files.isRegularFile(path)) throw new UserInputException("ABF file " + label + " was not found at " +
			path.toAbsolutePath() + ". Check the file name and folder.");
		try (AbfBytes file = AbfBytes.open(path)) {
			if (file.size() < 4) throw notAbf(label, "it is only " + file.size() + " bytes long");
			String signature = new String(file.read(0, 4, "file signature").array(), StandardCharsets.ISO_8859_1);
			AbfHeader header;
			if (signature.equals("ABF ")) header = Abf1Header.parse(file);
			else if (signature.equals("ABF2")) header = Abf2Header.parse(file);
			else if (signature.equals("CLPX") || signature.equals("FTCX")) throw new UserInputException("File " + label +
				" is in the old pCLAMP 5 format (" + signature + "), which this reader does not support. " +
				"Open it in Clampfit and save it as ABF 2.");
			else throw notAbf(label, "it does not start with the ABF signature");
			return load(path, file, header);
		}
		catch (IOException e) {
			throw new UserInputException("ABF file " + label + " could not be read (" + e.getMessage() +
				"). Check that it exists and that you may read it.", e);
		}
	}

	private static UserInputException notAbf(String label, String why) {
		return new UserInputException("File " + label + " is not an Axon Binary Format (ABF) recording: " + why +
			". Choose an .abf file saved by Clampex or AxoScope, or convert the recording to ABF in Clampfit.");
	}

	private static AbfFile load(Path path, AbfBytes file, AbfHeader h) throws IOException {
		if (!(h.sampleIntervalUs > 0) || Double.isInfinite(h.sampleIntervalUs))
			throw file.damaged("its sampling interval is " + h.sampleIntervalUs + " microseconds");
		int channels = h.channelCount;
		long perChannel = h.dataPointCount / channels;
		if (perChannel > Integer.MAX_VALUE - 8) throw new UserInputException("ABF file " + file.label() + " holds " +
			perChannel + " samples per channel, more than can be loaded at once. Split it into shorter files in Clampfit.");
		int sampleBytes = h.floatData ? 4 : 2;
		long end = h.dataByteStart + perChannel * channels * sampleBytes;
		if (h.dataByteStart <= 0 || end > file.size())
			throw file.truncated("recorded samples (" + h.dataPointCount + " of them)", h.dataByteStart, end - h.dataByteStart);

		float[][] data = new float[channels][(int) perChannel];
		int framesPerChunk = Math.max(1, CHUNK_SAMPLES / channels);
		for (long frame = 0; frame < perChannel; frame += framesPerChunk) {
			int frames = (int) Math.min(framesPerChunk, perChannel - frame);
			ByteBuffer buf = file.read(h.dataByteStart + frame * channels * sampleBytes, (long) frames * channels * sampleBytes,
				"recorded samples");
			for (int f = 0; f < frames; f++) {
				int i = (int) frame + f;
				for (int c = 0; c < channels; c++)
					data[c][i] = h.floatData ? buf.getFloat() : (float) (buf.getShort() * h.gains[c] + h.offsets[c]);
			}
		}

		int[][] layout = sweepLayout(h, (int) perChannel);
		return new AbfFile(path, h, data, layout[0], layout[1]);
	}

	/**
	 * Sweep start and length per sweep, in samples per channel. Gap-free recordings are one
	 * sweep; variable-length event recordings take their lengths from the synch array; all
	 * others are split into equal sweeps.
	 */
	private static int[][] sweepLayout(AbfHeader h, int perChannel) {
		if (h.operationMode == AbfHeader.VARIABLE_LENGTH_EVENTS && h.synchLengths != null) {
			long total = 0;
			for (long len : h.synchLengths) total += len;
			if (total == h.dataPointCount) {
				int n = h.synchLengths.length;
				int[] starts = new int[n], lengths = new int[n];
				int position = 0;
				for (int s = 0; s < n; s++) {
					starts[s] = position;
					lengths[s] = (int) (h.synchLengths[s] / h.channelCount);
					position += lengths[s];
				}
				return new int[][] { starts, lengths };
			}
		}
		int sweeps = h.operationMode == AbfHeader.GAP_FREE || h.sweepCount < 1 ? 1 : h.sweepCount;
		int length = perChannel / sweeps;
		int[] starts = new int[sweeps], lengths = new int[sweeps];
		for (int s = 0; s < sweeps; s++) {
			starts[s] = s * length;
			lengths[s] = length;
		}
		return new int[][] { starts, lengths };
	}
}
