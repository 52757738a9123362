package org.neurodynamics.core.io;

import java.util.List;

/** Header values common to ABF1 and ABF2, filled in by {@link Abf1Header} or {@link Abf2Header}. */
final class AbfHeader {
	/** ABF operation modes (nOperationMode). */
	static final int VARIABLE_LENGTH_EVENTS = 1, GAP_FREE = 3;

	String version;
	int operationMode;
	/** Interval between two samples of one channel, in microseconds. */
	double sampleIntervalUs;
	/** Name of the header field the sampling interval comes from, for messages. */
	String sampleIntervalField = "fADCSequenceInterval";
	/** Bytes of header before which no sample can start. */
	long headerBytes;
	int channelCount;
	String[] adcNames;
	String[] adcUnits;
	/** Per channel: physical value = raw * gain + offset (int16 data only). */
	double[] gains;
	double[] offsets;
	boolean floatData;
	long dataByteStart;
	/** Number of stored samples, all channels together. */
	long dataPointCount;
	int sweepCount;
	/** Per sweep length in multiplexed samples from the synch array, or null. */
	long[] synchLengths;
	String[] dacNames;
	String[] dacUnits;
	double[] dacHolding;
	/** Per DAC: the output follows its epoch table. */
	boolean[] epochWaveform;
	/** Per DAC: between sweeps the output stays at the last epoch level instead of returning to holding. */
	boolean[] keepLastLevel;
	List<List<AbfEpoch>> epochsByDac;
	String protocolPath = "";
}
