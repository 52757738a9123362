package org.neurodynamics.service;

import java.io.File;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

import org.neurodynamics.core.io.AbfFile;
import org.neurodynamics.core.io.AbfReader;

/**
 * Reads ABF recordings for the services, keeping the last one read: a fit reads its target
 * sweep, its command waveform and its step family from the same file, and the file is parsed
 * once. A file changed on disk (other size or modification time) is read again; the memory
 * is released when the heap runs short. {@link AbfFile} hands out copies of its data, so
 * sharing it is safe.
 */
final class AbfFiles {

	private static final class Entry {
		final Path path;
		final long size;
		final Object modified;
		final SoftReference<AbfFile> abf;

		Entry(Path path, long size, Object modified, AbfFile abf) {
			this.path = path;
			this.size = size;
			this.modified = modified;
			this.abf = new SoftReference<>(abf);
		}
	}

	private static Entry last;

	private AbfFiles() {}

	static synchronized AbfFile read(File file) {
		Path path = file.toPath().toAbsolutePath().normalize();
		BasicFileAttributes a;
		try {
			a = Files.readAttributes(path, BasicFileAttributes.class);
		}
		catch (IOException e) {
			return AbfReader.read(file.toPath()); // the reader reports what is wrong with the file
		}
		Entry e = last;
		AbfFile cached = e != null && e.path.equals(path) && e.size == a.size() && Objects.equals(e.modified,
			a.lastModifiedTime()) ? e.abf.get() : null;
		if (cached != null) return cached;
		AbfFile abf = AbfReader.read(file.toPath());
		last = new Entry(path, a.size(), a.lastModifiedTime(), abf);
		return abf;
	}
}
