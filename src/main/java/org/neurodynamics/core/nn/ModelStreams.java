package org.neurodynamics.core.nn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;

import org.neurodynamics.core.UserInputException;

/**
 * The framing of a saved network: magic number, kind, format version, payload length,
 * payload, CRC-32 of the payload. Reading consumes exactly the bytes written, so a model
 * file (e.g. a zip) can hold several networks, and a damaged payload is detected before
 * it is interpreted. The payload of every network is its configuration (written by the
 * configuration class), anything else it needs (e.g. a normalisation), and the weights of
 * its {@link Mlp}s, read back with {@link #readNetwork}.
 */
final class ModelStreams {

	static final int MAGIC = 0x4E444E4E; // "NDNN"
	private static final int MAX_PAYLOAD = 1 << 30;

	interface Body {
		void write(DataOutputStream out) throws IOException;
	}

	interface Parser<T> {
		T read(DataInputStream in) throws IOException;
	}

	private ModelStreams() {}

	/** Writes hidden-layer sizes as a count and the sizes. */
	static void writeSizes(DataOutputStream out, int[] sizes) throws IOException {
		out.writeInt(sizes.length);
		for (int h : sizes)
			out.writeInt(h);
	}

	/** Reads sizes written by {@link #writeSizes}, refusing implausible counts from damaged files. */
	static int[] readSizes(DataInputStream in) throws IOException {
		int n = in.readInt();
		if (n < 0 || n > 32) throw new IOException("implausible hidden layer count " + n);
		int[] sizes = new int[n];
		for (int i = 0; i < n; i++)
			sizes[i] = in.readInt();
		return sizes;
	}

	/**
	 * Reads a network written by {@link Mlp#write} (as float) and checks that it has the
	 * layer sizes and activation its saved configuration implies.
	 */
	static Mlp readNetwork(DataInputStream in, int[] expectedSizes, Activation expectedActivation) throws IOException {
		Mlp m = Mlp.read(in);
		if (!java.util.Arrays.equals(m.sizes, expectedSizes)) throw new IOException("layer sizes do not match the configuration");
		if (m.activation != expectedActivation) throw new IOException("activation does not match the configuration");
		return m;
	}

	static void write(OutputStream out, String kind, int version, Body body) throws IOException {
		ByteArrayOutputStream buf = new ByteArrayOutputStream();
		DataOutputStream d = new DataOutputStream(buf);
		body.write(d);
		d.flush();
		byte[] bytes = buf.toByteArray();
		CRC32 crc = new CRC32();
		crc.update(bytes);
		DataOutputStream o = new DataOutputStream(out); // not closed: the caller owns the stream
		o.writeInt(MAGIC);
		o.writeUTF(kind);
		o.writeInt(version);
		o.writeInt(bytes.length);
		o.write(bytes);
		o.writeLong(crc.getValue());
		o.flush();
	}

	static <T> T read(InputStream in, String kind, String what, int maxVersion, Parser<T> parser) throws IOException {
		DataInputStream d = new DataInputStream(in);
		byte[] bytes;
		try {
			int magic = d.readInt();
			if (magic != MAGIC) throw new UserInputException("This is not a saved " + what + " (unknown file format).");
			String k = d.readUTF();
			if (!kind.equals(k))
				throw new UserInputException("Expected a saved " + what + " but found a saved '" + k + "'.");
			int version = d.readInt();
			if (version < 1 || version > maxVersion)
				throw new UserInputException("The saved " + what + " has format version " + version
					+ ", which this version of the plugin cannot read (it reads up to " + maxVersion
					+ "). Update the plugin.");
			int len = d.readInt();
			if (len < 0 || len > MAX_PAYLOAD)
				throw new UserInputException("The saved " + what + " is damaged (implausible length " + len + ").");
			bytes = new byte[len];
			d.readFully(bytes);
			long stored = d.readLong();
			CRC32 crc = new CRC32();
			crc.update(bytes);
			if (crc.getValue() != stored)
				throw new UserInputException("The saved " + what + " is damaged (checksum mismatch).");
		}
		catch (EOFException e) {
			throw new UserInputException("The saved " + what + " is truncated or damaged.", e);
		}
		catch (java.io.UTFDataFormatException e) {
			throw new UserInputException("This is not a saved " + what + " or it is damaged.", e);
		}
		try {
			DataInputStream body = new DataInputStream(new ByteArrayInputStream(bytes));
			return parser.read(body);
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof UserInputException) throw (UserInputException) e;
			throw new UserInputException("The saved " + what + " is damaged or inconsistent: " + e.getMessage(), e);
		}
	}
}
