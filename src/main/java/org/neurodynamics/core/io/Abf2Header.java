package org.neurodynamics.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.neurodynamics.core.UserInputException;

/**
 * Reads the header of ABF2 files (versions 2.x): a fixed file-info block whose section map
 * points to blocks of fixed-size entries (protocol, ADC, DAC, epochs, strings, data, synch
 * array). Offsets follow the ABF2 layout as documented by the pyABF project.
 */
final class Abf2Header {

	private static final int FILE_INFO_SIZE = 512;
	private static final int PROTOCOL = 76, ADC = 92, DAC = 108, EPOCH_PER_DAC = 156, STRINGS = 220, DATA = 236,
		SYNCH_ARRAY = 316;

	private Abf2Header() {}

	/** One entry of the section map: where a section starts, the size of its entries, and their number. */
	private static final class Section {
		final long byteStart;
		final int entrySize;
		final long count;

		Section(ByteBuffer info, int offset) {
			byteStart = Integer.toUnsignedLong(info.getInt(offset)) * AbfBytes.BLOCK;
			entrySize = info.getInt(offset + 4);
			count = info.getLong(offset + 8);
		}

		boolean isEmpty() { return byteStart == 0 || entrySize <= 0 || count <= 0; }

		ByteBuffer entry(AbfBytes file, long i, String what) throws IOException {
			return file.read(byteStart + i * entrySize, entrySize, what);
		}

		/**
		 * Refuses entries smaller than the fields read from them, and more entries than the
		 * file holds (so that no count drives a long loop or a large allocation).
		 */
		Section check(AbfBytes file, String what, int fieldBytes) {
			if (isEmpty()) return this;
			if (entrySize < fieldBytes) throw file.damaged("its " + what + " entries are " + entrySize +
				" bytes long, fewer than the " + fieldBytes + " bytes of their fields");
			if (count > (file.size() - Math.min(byteStart, file.size())) / entrySize)
				throw file.damaged("its " + what + " declares " + count + " entries of " + entrySize + " bytes from byte " +
					byteStart + ", more than the file's " + file.size() + " bytes hold");
			return this;
		}
	}

	static AbfHeader parse(AbfBytes file) throws IOException {
		ByteBuffer info = file.read(0, FILE_INFO_SIZE, "ABF2 header");
		int major = info.get(7), minor = info.get(6);
		if (major != 2) throw new UserInputException("ABF file " + file.label() + " says it is ABF version " + major + "." +
			minor + ", which this reader does not support (it reads ABF 1.x and 2.x). Open the file in Clampfit and save it as ABF 2.");
		AbfHeader h = new AbfHeader();
		h.version = major + "." + minor + "." + info.get(5) + "." + info.get(4);
		h.sweepCount = info.getInt(12);
		int dataFormat = Short.toUnsignedInt(info.getShort(30));
		if (dataFormat != 0 && dataFormat != 1) throw file.damaged("unknown sample format " + dataFormat);
		h.floatData = dataFormat == 1;

		Section protocolSection = new Section(info, PROTOCOL);
		if (protocolSection.isEmpty()) throw file.damaged("it has no protocol section");
		ByteBuffer p = file.read(protocolSection.byteStart, Math.max(protocolSection.entrySize, 208), "protocol section");
		h.operationMode = p.getShort(0);
		h.sampleIntervalUs = p.getFloat(2);
		double adcRange = p.getFloat(110);
		int adcResolution = p.getInt(118);
		if (!h.floatData) AbfReader.checkAdcScale(file, adcRange, adcResolution);

		List<String> strings = strings(file, new Section(info, STRINGS));

		Section adc = new Section(info, ADC);
		if (adc.isEmpty() || adc.count > 16) throw file.damaged("it declares " + adc.count + " ADC channels");
		adc.check(file, "ADC section", 82);
		h.channelCount = (int) adc.count;
		h.adcNames = new String[h.channelCount];
		h.adcUnits = new String[h.channelCount];
		h.gains = new double[h.channelCount];
		h.offsets = new double[h.channelCount];
		for (int i = 0; i < h.channelCount; i++) {
			ByteBuffer a = adc.entry(file, i, "ADC section");
			h.adcNames[i] = indexed(strings, a.getInt(74));
			h.adcUnits[i] = indexed(strings, a.getInt(78));
			double scale = a.getFloat(40) * (double) a.getFloat(48) * a.getFloat(28);
			if (a.getShort(2) == 1) scale *= a.getFloat(6);
			h.gains[i] = adcRange / (scale * adcResolution);
			h.offsets[i] = (double) a.getFloat(44) - a.getFloat(52);
			if (!h.floatData && !(Double.isFinite(h.gains[i]) && h.gains[i] != 0))
				throw file.damaged("channel " + i + " has no valid scale factor");
		}

		Section dac = new Section(info, DAC).check(file, "DAC section", 46);
		int dacCount = dac.isEmpty() ? 0 : (int) Math.min(dac.count, 16);
		h.dacNames = new String[dacCount];
		h.dacUnits = new String[dacCount];
		h.dacHolding = new double[dacCount];
		h.epochWaveform = new boolean[dacCount];
		h.keepLastLevel = new boolean[dacCount];
		h.epochsByDac = new ArrayList<>();
		int[] dacNumbers = new int[dacCount];
		for (int d = 0; d < dacCount; d++) {
			ByteBuffer e = dac.entry(file, d, "DAC section");
			dacNumbers[d] = e.getShort(0);
			h.dacHolding[d] = e.getFloat(12);
			h.dacNames[d] = indexed(strings, e.getInt(24));
			h.dacUnits[d] = indexed(strings, e.getInt(28));
			h.epochWaveform[d] = e.getShort(40) != 0 && e.getShort(42) == 1;
			h.keepLastLevel[d] = e.getShort(44) != 0;
			h.epochsByDac.add(new ArrayList<>());
		}

		Section epochs = new Section(info, EPOCH_PER_DAC).check(file, "epoch table", 30);
		for (long i = 0; !epochs.isEmpty() && i < epochs.count; i++) {
			ByteBuffer e = epochs.entry(file, i, "epoch table");
			int d = indexOf(dacNumbers, e.getShort(2));
			if (d < 0) continue;
			h.epochsByDac.get(d).add(new AbfEpoch(e.getShort(0), AbfEpochType.fromCode(e.getShort(4)), e.getFloat(6),
				e.getFloat(10), e.getInt(14), e.getInt(18), e.getInt(22), e.getInt(26)));
		}

		Section data = new Section(info, DATA);
		if (data.isEmpty()) throw file.damaged("it has no data section");
		if (data.entrySize != (h.floatData ? 4 : 2)) throw file.damaged("its samples are " + data.entrySize + " bytes long");
		h.dataByteStart = data.byteStart;
		h.dataPointCount = data.count;
		// The samples follow the header and the sections read above.
		h.headerBytes = Math.max(FILE_INFO_SIZE, protocolSection.byteStart + protocolSection.entrySize);
		if (data.byteStart < adc.byteStart + adc.count * adc.entrySize && data.byteStart >= adc.byteStart)
			throw file.damaged("its data section starts at byte " + data.byteStart + ", inside the ADC section");

		Section synch = new Section(info, SYNCH_ARRAY);
		if (!synch.isEmpty() && synch.entrySize >= 8 && synch.count < Integer.MAX_VALUE / 8) {
			ByteBuffer s = file.read(synch.byteStart, synch.count * synch.entrySize, "synch array");
			h.synchLengths = new long[(int) synch.count];
			for (int i = 0; i < synch.count; i++)
				h.synchLengths[i] = Integer.toUnsignedLong(s.getInt(i * synch.entrySize + 4));
		}
		h.protocolPath = indexed(strings, info.getInt(72));
		return h;
	}

	/**
	 * The indexed strings (names, units, paths) of the strings section. Its first entry starts
	 * with an "SSCH" block giving the string count; the strings follow at byte 44, separated by
	 * NULs, and header fields refer to them by 1-based index (0 means none).
	 */
	private static List<String> strings(AbfBytes file, Section section) throws IOException {
		List<String> list = new ArrayList<>();
		if (section.isEmpty()) return list;
		ByteBuffer b = section.entry(file, 0, "strings section");
		byte[] bytes = new byte[b.remaining()];
		b.get(bytes);
		String all = new String(bytes, StandardCharsets.ISO_8859_1);
		int start;
		if (all.startsWith("SSCH") && bytes.length >= 44) start = 44;
		else { // older writers: the strings follow the last run of NULs of the block header
			int run = all.lastIndexOf("\0\0");
			start = run < 0 ? 0 : run + 2;
		}
		list.addAll(Arrays.asList(all.substring(start).split("\0", -1)));
		return list;
	}

	private static String indexed(List<String> strings, int index) {
		return index >= 1 && index <= strings.size() ? strings.get(index - 1).trim() : "";
	}

	private static int indexOf(int[] values, int value) {
		for (int i = 0; i < values.length; i++)
			if (values[i] == value) return i;
		return -1;
	}
}
