package org.neurodynamics.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that readers never see a half-written one: the content goes to a
 * temporary file beside the target, which is then moved over the target in one step.
 */
public final class AtomicFiles {

	/** Writes the content of one file. */
	@FunctionalInterface
	public interface Writer {
		void write(OutputStream out) throws IOException;
	}

	/** Writes the content of one file, given its (temporary) path: for APIs that only write to paths. */
	@FunctionalInterface
	public interface PathWriter {
		void write(Path path) throws IOException;
	}

	private AtomicFiles() {}

	/** Lets {@code writer} write a temporary file beside {@code target}, then moves it into place. */
	public static void writeVia(Path target, PathWriter writer) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		if (dir != null) Files.createDirectories(dir);
		String name = target.getFileName().toString();
		int dot = name.lastIndexOf('.');
		// Keep the extension: some writers (PNG, CSV) choose the format from it.
		Path tmp = Files.createTempFile(dir, "." + (dot > 0 ? name.substring(0, dot) : name), dot > 0 ? name.substring(dot) : ".part");
		try {
			writer.write(tmp);
			moveIntoPlace(tmp, target);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	public static void write(Path target, Writer writer) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		if (dir != null) Files.createDirectories(dir);
		Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
		try {
			try (OutputStream out = Files.newOutputStream(tmp)) {
				writer.write(out);
			}
			moveIntoPlace(tmp, target);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	private static void moveIntoPlace(Path tmp, Path target) throws IOException {
		// Temporary files are private to their owner; results are ordinary files others may read.
		try {
			Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
		}
		catch (UnsupportedOperationException e) {
			// not a POSIX file system: keep its defaults
		}
		try {
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException e) {
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/**
	 * Fails now if {@code target} could not be written later: its folder cannot be created or
	 * written to, or it is a folder. Creates the folder, and leaves no file behind.
	 */
	public static void checkWritable(Path target) throws IOException {
		if (Files.isDirectory(target)) throw new IOException(target + " is a folder");
		Path dir = target.toAbsolutePath().getParent();
		if (dir != null) {
			try {
				Files.createDirectories(dir);
			}
			catch (java.nio.file.FileAlreadyExistsException e) {
				throw new IOException(e.getFile() + " is a file, not a folder");
			}
		}
		Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
		Files.delete(tmp);
	}

	public static void writeString(Path target, String text) throws IOException {
		write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}
}
