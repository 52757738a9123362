package org.neurodynamics.core.batch;

import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;

/** One recording of the batch: its file and its name, the path under the input folder ('/' between folders). */
public final class Cell implements Serializable {
	private static final long serialVersionUID = 1L;

	/** Kept as text: Path is not serializable, and Spark ships cells to its executors. */
	private final String file;
	public final String name;

	public Cell(Path file, String name) {
		this.file = file.toAbsolutePath().toString();
		this.name = name;
	}

	public Path file() { return Paths.get(file); }

	/** The cell's own output folder: output/cells/&lt;name with '/' as '__'&gt;. */
	public Path folder(Path output) {
		return folderOf(output, name);
	}

	/** The output folder of the cell called {@code name}. */
	public static Path folderOf(Path output, String name) {
		return output.resolve(OutputFolder.CELLS).resolve(name.replace("/", "__").replaceAll("[^A-Za-z0-9._-]", "_"));
	}

	@Override
	public String toString() {
		return name;
	}
}
