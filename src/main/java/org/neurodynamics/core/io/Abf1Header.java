package org.neurodynamics.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.neurodynamics.core.UserInputException;

/**
 * Reads the fixed-layout header of ABF1 files (versions 1.x). Byte offsets follow the
 * Axon ABF 1.8 header layout as documented by the pyABF project. Multi-channel arrays in
 * this header are indexed by physical ADC number; nADCSamplingSeq maps the interleaved
 * channel order to it.
 */
final class Abf1Header {

	private static final int OLD_HEADER_SIZE = 2048, EXTENDED_HEADER_SIZE = 6144;
	private static final int ADC_COUNT = 16, DAC_COUNT = 4, WAVEFORM_DACS = 2, EPOCHS_PER_DAC = 10;

	private Abf1Header() {}

	static AbfHeader parse(AbfBytes file) throws IOException {
		ByteBuffer b = file.read(0, OLD_HEADER_SIZE, "ABF1 header");
		float fileVersion = b.getFloat(4);
		if (!(fileVersion >= 1f && fileVersion < 2f)) throw unsupported(file, fileVersion);
		// The extended header (telegraphs, per-DAC epoch tables) exists from version 1.6 on.
		boolean extended = b.getFloat(32) >= 1.6f;
		if (extended) b = file.read(0, EXTENDED_HEADER_SIZE, "ABF1 extended header");

		AbfHeader h = new AbfHeader();
		h.version = versionString(fileVersion);
		h.operationMode = b.getShort(8);
		h.dataPointCount = Integer.toUnsignedLong(b.getInt(10));
		h.sweepCount = b.getInt(16);
		int dataFormat = b.getShort(100);
		if (dataFormat != 0 && dataFormat != 1) throw file.damaged("unknown sample format " + dataFormat);
		h.floatData = dataFormat == 1;
		int ignored = b.getShort(14);
		if (ignored < 0) throw file.damaged("nNumPointsIgnored is " + ignored + ", a number of samples that cannot be negative");
		h.dataByteStart = Integer.toUnsignedLong(b.getInt(40)) * AbfBytes.BLOCK + (long) ignored * (h.floatData ? 4 : 2);
		h.headerBytes = extended ? EXTENDED_HEADER_SIZE : OLD_HEADER_SIZE;

		h.channelCount = b.getShort(120);
		if (h.channelCount < 1 || h.channelCount > ADC_COUNT) throw file.damaged("it declares " + h.channelCount + " channels");
		// fADCSampleInterval is the interval between interleaved samples of all channels.
		h.sampleIntervalUs = (double) b.getFloat(122) * h.channelCount;
		h.sampleIntervalField = "fADCSampleInterval x nADCNumChannels";
		double adcRange = b.getFloat(244);
		int adcResolution = b.getInt(252);
		if (!h.floatData) AbfReader.checkAdcScale(file, adcRange, adcResolution);

		h.adcNames = new String[h.channelCount];
		h.adcUnits = new String[h.channelCount];
		h.gains = new double[h.channelCount];
		h.offsets = new double[h.channelCount];
		for (int i = 0; i < h.channelCount; i++) {
			int adc = b.getShort(410 + 2 * i);
			if (adc < 0 || adc >= ADC_COUNT) throw file.damaged("channel " + i + " maps to ADC " + adc);
			h.adcNames[i] = AbfBytes.text(b, 442 + 10 * adc, 10);
			h.adcUnits[i] = AbfBytes.text(b, 602 + 8 * adc, 8);
			double scale = b.getFloat(922 + 4 * adc) * (double) b.getFloat(1050 + 4 * adc) * b.getFloat(730 + 4 * adc);
			if (extended && b.getShort(4512 + 2 * adc) == 1) scale *= b.getFloat(4576 + 4 * adc);
			h.gains[i] = adcRange / (scale * adcResolution);
			h.offsets[i] = (double) b.getFloat(986 + 4 * adc) - b.getFloat(1114 + 4 * adc);
			if (!h.floatData && !(Double.isFinite(h.gains[i]) && h.gains[i] != 0))
				throw file.damaged("channel " + i + " has no valid scale factor");
		}

		h.dacNames = new String[DAC_COUNT];
		h.dacUnits = new String[DAC_COUNT];
		h.dacHolding = new double[DAC_COUNT];
		h.epochWaveform = new boolean[DAC_COUNT];
		h.keepLastLevel = new boolean[DAC_COUNT];
		h.epochsByDac = new ArrayList<>();
		for (int d = 0; d < DAC_COUNT; d++) {
			h.dacNames[d] = AbfBytes.text(b, 1306 + 10 * d, 10);
			h.dacUnits[d] = AbfBytes.text(b, 1346 + 8 * d, 8);
			h.dacHolding[d] = b.getFloat(1394 + 4 * d);
			h.epochsByDac.add(new ArrayList<>());
		}
		if (extended) {
			for (int d = 0; d < WAVEFORM_DACS; d++) {
				h.epochWaveform[d] = b.getShort(2296 + 2 * d) != 0 && b.getShort(2300 + 2 * d) == 1;
				h.keepLastLevel[d] = b.getShort(2304 + 2 * d) != 0;
				h.epochsByDac.set(d, epochs(b, d));
			}
			h.protocolPath = AbfBytes.text(b, 4898, 256);
		}

		int synchBlock = b.getInt(92), synchCount = b.getInt(96);
		if (synchBlock > 0 && synchCount > 0) {
			ByteBuffer s = file.read((long) synchBlock * AbfBytes.BLOCK, 8L * synchCount, "synch array");
			h.synchLengths = new long[synchCount];
			for (int i = 0; i < synchCount; i++) h.synchLengths[i] = Integer.toUnsignedLong(s.getInt(8 * i + 4));
		}
		return h;
	}

	private static List<AbfEpoch> epochs(ByteBuffer b, int dac) {
		List<AbfEpoch> list = new ArrayList<>();
		for (int e = 0; e < EPOCHS_PER_DAC; e++) {
			int i = dac * EPOCHS_PER_DAC + e;
			list.add(new AbfEpoch(e, AbfEpochType.fromCode(b.getShort(2308 + 2 * i)), b.getFloat(2348 + 4 * i),
				b.getFloat(2428 + 4 * i), b.getInt(2508 + 4 * i), b.getInt(2588 + 4 * i), b.getInt(2136 + 4 * i),
				b.getInt(2216 + 4 * i)));
		}
		return list;
	}

	/** 1.84 -> "1.8.4.0", the way Clampfit and pyABF print ABF1 versions. */
	private static String versionString(float v) {
		String digits = String.valueOf(Math.round(v * 1000));
		return String.join(".", digits.split(""));
	}

	private static UserInputException unsupported(AbfBytes file, float version) {
		return new UserInputException("ABF file " + file.label() + " says it is ABF version " + version +
			", which this reader does not support (it reads ABF 1.x and 2.x). Open the file in Clampfit and save it again as ABF 2.");
	}
}
