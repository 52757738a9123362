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

	private AtomicFiles() {}

	public static void write(Path target, Writer writer) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		if (dir != null) Files.createDirectories(dir);
		Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
		try {
			try (OutputStream out = Files.newOutputStream(tmp)) {
				writer.write(out);
			}
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException e) {
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	public static void writeString(Path target, String text) throws IOException {
		write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}
}
