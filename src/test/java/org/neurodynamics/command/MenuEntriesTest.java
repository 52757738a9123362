package org.neurodynamics.command;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/** Every command of a plugins.config menu entry is a valid SciJava module (fast; the macro test runs them). */
class MenuEntriesTest {

	private static final Pattern ENTRY = Pattern.compile("^Plugins>.*?,\\s*\"(.+?)\",\\s*org\\.neurodynamics\\.ij1\\.RunCommand\\(\"(.+?)\"\\)\\s*$");

	/** The menu label and command class of each entry of plugins.config. */
	public static List<String[]> entries(Path config) throws Exception {
		List<String[]> entries = new ArrayList<>();
		for (String line : Files.readAllLines(config)) {
			if (line.isBlank() || line.startsWith("#")) continue;
			Matcher m = ENTRY.matcher(line);
			assertTrue(m.matches(), "unexpected plugins.config line: " + line);
			entries.add(new String[] { m.group(1), m.group(2) });
		}
		return entries;
	}

	@Test
	void everyMenuCommandCanBeInstantiated() throws Exception {
		List<String[]> entries = entries(Path.of(System.getProperty("basedir", "."), "plugins.config"));
		assertFalse(entries.isEmpty());
		Context context = new Context();
		try {
			CommandService commands = context.service(CommandService.class);
			for (String[] entry : entries) {
				CommandInfo info = commands.getCommand(entry[1]);
				assertNotNull(info, entry[0] + ": no command " + entry[1]);
				assertTrue(info.isValid(), entry[0] + ": " + info.getProblems());
				assertNotNull(info.createModule(), entry[0]);
			}
		}
		finally {
			context.dispose();
		}
	}
}
