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

	/** Physically possible sampling intervals, in microseconds: 10 MHz to one sample in 1000 s. */
	static final double MIN_INTERVAL_US = 0.1, MAX_INTERVAL_US = 1e9;

	/** The ADC range (V) and resolution (levels) that scale 16-bit samples must be positive. */
	static void checkAdcScale(AbfBytes file, double adcRange, int adcResolution) {
		if (!(adcRange > 0) || Double.isInfinite(adcRange))
			throw file.damaged("fADCRange is " + adcRange + " V; the ADC's input range must be a positive number of volts");
		if (adcResolution <= 0)
			throw file.damaged("lADCResolution is " + adcResolution + "; the ADC's resolution must be a positive number of levels");
	}

	private static AbfFile load(Path path, AbfBytes file, AbfHeader h) throws IOException {
		if (!(h.sampleIntervalUs >= MIN_INTERVAL_US && h.sampleIntervalUs <= MAX_INTERVAL_US))
			throw file.damaged("its sampling interval (" + h.sampleIntervalField + ") is " + (float) h.sampleIntervalUs +
				" microseconds, outside what a digitiser can record (" + MIN_INTERVAL_US + " to " + MAX_INTERVAL_US + ")");
		if (h.operationMode < 1 || h.operationMode > 5) throw file.damaged("nOperationMode is " + h.operationMode +
			"; Clampex's acquisition modes are 1 to 5");
		int channels = h.channelCount;
		long perChannel = h.dataPointCount / channels;
		if (perChannel > Integer.MAX_VALUE - 8) throw new UserInputException("ABF file " + file.label() + " holds " +
			perChannel + " samples per channel, more than can be loaded at once. Split it into shorter files in Clampfit.");
		int sampleBytes = h.floatData ? 4 : 2;
		long end = h.dataByteStart + perChannel * channels * sampleBytes;
		if (h.dataByteStart < h.headerBytes) throw file.damaged("its data section starts at byte " + h.dataByteStart +
			", inside the " + h.headerBytes + "-byte header");
		if (end > file.size())
			throw file.truncated("recorded samples (" + h.dataPointCount + " of them)", h.dataByteStart, end - h.dataByteStart);
		checkSweeps(file, h, perChannel);
		checkEpochs(file, h);

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

	/** Sweep counts checked against the data before anything is allocated for them. */
	private static void checkSweeps(AbfBytes file, AbfHeader h, long perChannel) {
		if (h.operationMode == AbfHeader.GAP_FREE) return;
		if (h.operationMode == AbfHeader.VARIABLE_LENGTH_EVENTS && synchLengthsFit(h)) return;
		if (h.sweepCount < 0) throw file.damaged("lActualEpisodes (the sweep count) is " + h.sweepCount);
		int sweeps = Math.max(1, h.sweepCount);
		if (sweeps > perChannel || perChannel % sweeps != 0) throw file.damaged("lActualEpisodes says it holds " + sweeps +
			" sweeps, which do not divide its " + perChannel + " samples per channel into sweeps of equal length");
	}

	private static boolean synchLengthsFit(AbfHeader h) {
		if (h.synchLengths == null) return false;
		long total = 0;
		for (long len : h.synchLengths) total += len;
		return total == h.dataPointCount;
	}

	/** The levels a DAC plays must be numbers: refuses a non-finite holding or epoch level, naming it. */
	private static void checkEpochs(AbfBytes file, AbfHeader h) {
		for (int d = 0; d < h.dacHolding.length; d++) {
			if (!h.epochWaveform[d]) continue;
			if (!Double.isFinite(h.dacHolding[d])) throw file.damaged("fDACHoldingLevel of DAC " + d + " is " + h.dacHolding[d]);
			for (AbfEpoch e : h.epochsByDac.get(d)) {
				if (e.type() == AbfEpochType.OFF) continue;
				if (!Double.isFinite(e.firstLevel())) throw file.damaged("fEpochInitLevel of epoch " + e.letter() + " of DAC " + d +
					" is " + e.firstLevel());
				if (!Double.isFinite(e.deltaLevel())) throw file.damaged("fEpochLevelInc of epoch " + e.letter() + " of DAC " + d +
					" is " + e.deltaLevel());
			}
		}
	}

	/**
	 * Sweep start and length per sweep, in samples per channel. Gap-free recordings are one
	 * sweep; variable-length event recordings take their lengths from the synch array; all
	 * others are split into equal sweeps.
	 */
	private static int[][] sweepLayout(AbfHeader h, int perChannel) {
		if (h.operationMode == AbfHeader.VARIABLE_LENGTH_EVENTS && synchLengthsFit(h)) {
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
