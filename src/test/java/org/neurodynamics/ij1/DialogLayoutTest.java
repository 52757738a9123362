package org.neurodynamics.ij1;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.neurodynamics.command.Commands;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * The dialogs' macro keys: every menu command's inputs keep the keys recorded macros use
 * (src/test/resources/macro-keys.txt), and the dialog layout names only inputs that exist,
 * with conditions on choices the controlling input offers.
 */
class DialogLayoutTest {

	private static final Path BASE = Path.of(System.getProperty("basedir", "."));

	/** Menu label and command class of each plugins.config entry. */
	private static List<String[]> entries() throws Exception {
		List<String[]> entries = new ArrayList<>();
		java.util.regex.Pattern entry = java.util.regex.Pattern.compile("^Plugins>.*?,\\s*\"(.+?)\",\\s*\\S+\\(\"(.+?)\"\\)\\s*$");
		for (String line : Files.readAllLines(BASE.resolve("plugins.config"))) {
			java.util.regex.Matcher m = entry.matcher(line);
			if (m.matches()) entries.add(new String[] { m.group(1), m.group(2) });
		}
		assertFalse(entries.isEmpty());
		return entries;
	}

	/** "Command class: key key key", one line per menu entry, keys in dialog order. */
	private static List<String> keyLines(Context context) throws Exception {
		List<String> lines = new ArrayList<>();
		CommandService commands = context.service(CommandService.class);
		for (String[] entry : entries()) {
			CommandInfo info = commands.getCommand(entry[1]);
			StringBuilder sb = new StringBuilder(entry[1]).append(':');
			for (ModuleItem<?> item : info.inputs()) if (Commands.isUserInput(item)) sb.append(' ').append(item.getName());
			lines.add(sb.toString());
		}
		return lines;
	}

	@Test
	void everyMacroKeyStaysAsRecordedMacrosUseIt() throws Exception {
		try (Context context = new Context()) {
			List<String> expected = Files.readAllLines(BASE.resolve("src/test/resources/macro-keys.txt"), StandardCharsets.UTF_8);
			expected.removeIf(l -> l.isBlank() || l.startsWith("#"));
			for (String line : expected) {
				String command = line.substring(0, line.indexOf(':'));
				Set<String> now = keysOf(keyLines(context), command);
				Set<String> before = new TreeSet<>(List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
				before.removeAll(now);
				assertEquals(Set.of(), before, command + " lost macro keys that recorded macros use");
			}
		}
	}

	private static Set<String> keysOf(List<String> lines, String command) {
		for (String l : lines)
			if (l.startsWith(command + ":")) return new TreeSet<>(List.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+")));
		return Set.of();
	}

	@Test
	void macroKeysAreLowerCaseSingleWords() throws Exception {
		try (Context context = new Context()) {
			for (String line : keyLines(context))
				for (String key : line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
					assertTrue(key.matches("[a-z][a-z0-9_]*"), line + ": '" + key + "' is not a GenericDialog macro key");
		}
	}

	@Test
	void layoutNamesOnlyInputsThatExistAndChoicesTheyOffer() throws Exception {
		try (Context context = new Context()) {
			CommandService commands = context.service(CommandService.class);
			int advanced = 0;
			for (String[] entry : entries()) {
				CommandInfo info = commands.getCommand(entry[1]);
				List<String> keys = new ArrayList<>();
				for (ModuleItem<?> item : info.inputs()) if (Commands.isUserInput(item)) keys.add(item.getName());
				for (ModuleItem<?> item : info.inputs()) {
					if (!Commands.isUserInput(item)) continue;
					if (DialogLayout.isAdvanced(entry[1], item.getName())) advanced++;
					DialogLayout.Condition c = DialogLayout.condition(entry[1], item.getName(), keys);
					if (c == null) continue;
					assertFalse(DialogLayout.isAdvanced(entry[1], c.controller), entry[0] + ": the controller of " + item.getName() +
						" must be on the first page");
					List<?> choices = info.getInput(c.controller).getChoices();
					for (String v : c.values) assertTrue(choices.contains(v), entry[0] + ": " + c.controller + " offers no '" + v + "'");
				}
			}
			assertTrue(advanced > 30, "the long dialogs keep their rarely changed inputs behind Advanced...");
		}
	}

	@Test
	void numbersOutsideTheDeclaredRangeAreRefusedBeforeRunning() throws Exception {
		try (Context context = new Context()) {
			CommandInfo info = context.service(CommandService.class).getCommand("org.neurodynamics.command.ReconstructDynamics");
			ModuleItem<?> maps = info.getInput("maps");
			assertEquals("At least 1", CommandDialog.range(maps));
			CommandDialog.checkRange(maps, 2);
			org.neurodynamics.core.UserInputException e = assertThrows(org.neurodynamics.core.UserInputException.class,
				() -> CommandDialog.checkRange(maps, 0));
			assertEquals("'maps' (Maps) = 0 is out of range: at least 1.", e.getMessage());
			CommandDialog.checkRange(info.getInput("seed"), -5L);
		}
	}

	@Test
	void unitsComeFromTheDescriptions() {
		assertEquals("ms", DialogLayout.unit("dt", "Simulation time step (ms)."));
		assertEquals("nA", DialogLayout.unit("amplitude", "Step or pulse current, or the mean of the noise (nA)."));
		assertEquals("samples", DialogLayout.unit("delay", "Delay between embedding coordinates, in samples (after subsampling)."));
		assertEquals("", DialogLayout.unit("seed", null));
	}
}
