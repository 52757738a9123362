package org.neurodynamics.core.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.neurodynamics.core.UserInputException;
import org.neurodynamics.core.io.AtomicFiles;

/**
 * What an output folder holds: the job and the settings its cells were run with
 * ({@link BatchSettings#recorded()}), one "key=value" a line in batch.properties, written
 * when a batch first runs into the folder.
 */
public final class BatchManifest {

	public static final String FILE = "batch.properties";
	private static final String HEADER = "# Batch Over Recordings: the job and settings of every cell in this folder. " +
		"A re-run with others is refused unless redo is set.\n";

	private BatchManifest() {}

	/** The recorded settings of {@code output}, or null when it has no manifest. */
	public static Map<String, String> read(Path output) {
		Path file = output.resolve(FILE);
		if (!Files.isRegularFile(file)) return null;
		Map<String, String> m = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				int eq = line.indexOf('=');
				if (line.startsWith("#") || eq < 0) continue;
				m.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
			}
		}
		catch (IOException e) {
			throw new UserInputException("Could not read '" + file + "' (" + e.getMessage() + "), which says what the output " +
				"folder holds. Check that you may read it, or choose another output folder.", e);
		}
		return m;
	}

	public static void write(Path output, BatchSettings settings) throws IOException {
		StringBuilder sb = new StringBuilder(HEADER);
		for (Map.Entry<String, String> e : settings.recorded().entrySet()) sb.append(e.getKey()).append('=').append(e.getValue())
			.append('\n');
		AtomicFiles.writeString(output.resolve(FILE), sb.toString());
	}

	/** What differs between the recorded settings and {@code now}, in words ("iterations: 20 in the folder, 100 now"); empty when none. */
	public static List<String> differences(Map<String, String> recorded, BatchSettings now) {
		Map<String, String> wanted = now.recorded();
		List<String> out = new ArrayList<>();
		String job = recorded.get("job");
		if (!wanted.get("job").equals(job)) {
			out.add("job: " + (job == null ? "unknown" : job) + " in the folder, " + wanted.get("job") + " now");
			return out; // the other settings of another job do not matter
		}
		TreeSet<String> keys = new TreeSet<>(recorded.keySet());
		keys.addAll(wanted.keySet());
		for (String k : keys) {
			String was = recorded.get(k), is = wanted.get(k);
			if (is != null && !is.equals(was)) out.add(k + ": " + (was == null ? "not set" : describe(was)) + " in the folder, " +
				describe(is) + " now");
		}
		return out;
	}

	private static String describe(String value) {
		return value.isEmpty() ? "(empty)" : value;
	}
}
