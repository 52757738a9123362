package org.neurodynamics.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.neurodynamics.core.UserInputException;

/**
 * Bounded little-endian random access to an ABF file. Every read is checked against the
 * file size, so a truncated file gives a message naming the missing part instead of an
 * end-of-file exception deep inside the parser.
 */
final class AbfBytes implements Closeable {

	static final int BLOCK = 512;

	private final Path path;
	private final FileChannel channel;
	private final long size;

	private AbfBytes(Path path, FileChannel channel) throws IOException {
		this.path = path;
		this.channel = channel;
		this.size = channel.size();
	}

	static AbfBytes open(Path path) throws IOException {
		return new AbfBytes(path, FileChannel.open(path, StandardOpenOption.READ));
	}

	long size() { return size; }

	/** The file name in quotes, for messages. */
	String label() { return "'" + path.getFileName() + "'"; }

	/** {@code length} bytes at {@code offset}, little-endian, positioned at 0. */
	ByteBuffer read(long offset, long length, String what) throws IOException {
		if (offset < 0 || length < 0 || length > Integer.MAX_VALUE || offset + length > size)
			throw truncated(what, offset, length);
		ByteBuffer buf = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
		while (buf.hasRemaining()) {
			if (channel.read(buf, offset + buf.position()) < 0) throw truncated(what, offset, length);
		}
		buf.flip();
		return buf;
	}

	UserInputException truncated(String what, long offset, long length) {
		return new UserInputException("ABF file " + label() + " is truncated or damaged: its header places the " + what +
			" at bytes " + offset + " to " + (offset + length) + ", but the file has only " + size +
			" bytes. The file was probably not copied completely; copy it again from the acquisition computer.");
	}

	UserInputException damaged(String problem) {
		return new UserInputException("ABF file " + label() + " is damaged or not a valid recording: " + problem +
			". Open it in Clampfit to check it, or copy it again from the acquisition computer.");
	}

	/** A fixed-width text field: Latin-1 (Axon files use the Windows code page), trailing NULs and blanks removed. */
	static String text(ByteBuffer buf, int offset, int length) {
		byte[] b = new byte[length];
		for (int i = 0; i < length; i++) b[i] = buf.get(offset + i);
		int end = 0;
		while (end < length && b[end] != 0) end++;
		return new String(b, 0, end, StandardCharsets.ISO_8859_1).trim();
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}
