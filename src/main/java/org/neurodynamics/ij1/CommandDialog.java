package org.neurodynamics.ij1;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ij.Macro;
import ij.plugin.frame.Recorder;

import org.neurodynamics.command.Commands;
import org.neurodynamics.core.UserInputException;
import org.scijava.ItemVisibility;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

/**
 * An ImageJ 1 dialog built from a SciJava command's inputs, so that every command is
 * macro-recordable with the same keys in plain ImageJ 1 and in Fiji: each input's macro
 * key is its (lower-case) field name; in a macro, values come from the option string and
 * inputs not given keep the command's defaults.
 *
 * <p>Interactively the dialog shows the inputs' labels with units, says what each means
 * (the status bar on hover, and the Help button), shows only the fields of the chosen
 * trace source, stimulus and model, and keeps the inputs most runs leave alone behind
 * "Advanced..." (see {@link DialogLayout}), so that every dialog fits a laptop screen.
 * Numbers outside an input's declared range are refused before the command runs.
 */
final class CommandDialog {

	/** Last values per command in this session, offered as defaults next time (not in macros, which must repeat). */
	private static final Map<String, Map<String, Object>> LAST = new HashMap<>();

	private CommandDialog() {}

	/** Asks for the inputs of {@code info}; null when the user cancels. */
	static Map<String, Object> ask(CommandInfo info, Module defaults) {
		boolean macro = Macro.getOptions() != null;
		boolean interactive = !macro && !java.awt.GraphicsEnvironment.isHeadless();
		String title = info.getLabel() != null ? info.getLabel() : info.getTitle();
		String command = info.getClassName();
		List<ModuleItem<?>> asked = new ArrayList<>(), main = new ArrayList<>(), advanced = new ArrayList<>();
		for (ModuleItem<?> item : info.inputs())
			if (isAsked(item)) {
				asked.add(item);
				(DialogLayout.isAdvanced(command, item.getName()) ? advanced : main).add(item);
			}
		List<String> keys = new ArrayList<>();
		for (ModuleItem<?> item : asked) keys.add(item.getName());
		Map<String, Object> last = macro ? Map.of() : LAST.getOrDefault(command, Map.of());
		java.util.function.Function<ModuleItem<?>, Object> initial =
			item -> last.containsKey(item.getName()) ? last.get(item.getName()) : item.getValue(defaults);

		Map<String, Object> given = new HashMap<>();
		DialogPage first = new DialogPage(title, command, main, keys, defaults, initial, interactive);
		if (interactive && !advanced.isEmpty()) first.offerAdvanced();
		first.show();
		if (first.canceled()) return null;
		given.putAll(first.read());
		if (!advanced.isEmpty()) {
			if (macro || first.advancedChosen() || !interactive) {
				List<ModuleItem<?>> shown = new ArrayList<>();
				for (ModuleItem<?> item : advanced) if (!interactive || applies(command, item, keys, given)) shown.add(item);
				DialogPage second = new DialogPage(title + ": advanced settings", command, shown, keys, defaults, initial, interactive);
				second.show();
				if (second.canceled()) return null;
				given.putAll(second.read());
			}
			for (ModuleItem<?> item : advanced)
				if (!given.containsKey(item.getName())) {
					Object value = initial.apply(item);
					given.put(item.getName(), value);
					recordUnshown(item, value, defaults);
				}
		}
		Map<String, Object> inputs = new LinkedHashMap<>();
		for (ModuleItem<?> item : asked) inputs.put(item.getName(), given.get(item.getName()));
		for (ModuleItem<?> item : asked) checkRange(item, inputs.get(item.getName()));
		LAST.put(command, new HashMap<>(inputs));
		return inputs;
	}

	/** Whether an advanced input matters for the choices made on the first page. */
	private static boolean applies(String command, ModuleItem<?> item, List<String> keys, Map<String, Object> given) {
		DialogLayout.Condition c = DialogLayout.condition(command, item.getName(), keys);
		return c == null || !given.containsKey(c.controller) || c.values.contains(String.valueOf(given.get(c.controller)));
	}

	/**
	 * An advanced input the user did not see but whose value differs from what a macro
	 * without its key would read (the declared default; false for a checkbox) is recorded
	 * anyway, so that the recorded macro repeats this run.
	 */
	private static void recordUnshown(ModuleItem<?> item, Object value, Module defaults) {
		if (!Recorder.record) return;
		String key = item.getName();
		if (value instanceof Boolean) {
			if ((Boolean) value) Recorder.recordOption(key);
			return;
		}
		if (Objects.equals(value, item.getValue(defaults))) return;
		if (value == null) Recorder.recordOption(key, "");
		else if (value instanceof File) Recorder.recordOption(key, ((File) value).getPath());
		else Recorder.recordOption(key, String.valueOf(value));
	}

	private static boolean isAsked(ModuleItem<?> item) {
		return item.getVisibility() != ItemVisibility.INVISIBLE && item.getVisibility() != ItemVisibility.MESSAGE &&
			Commands.isUserInput(item);
	}

	/** "From 1 to 10", "At least 0", or empty, from the input's declared minimum and maximum. */
	static String range(ModuleItem<?> item) {
		Object min = item.getMinimumValue(), max = item.getMaximumValue();
		if (!(min instanceof Number) && !(max instanceof Number)) return "";
		if (min instanceof Number && max instanceof Number) return "From " + format(min) + " to " + format(max);
		return min instanceof Number ? "At least " + format(min) : "At most " + format(max);
	}

	/** A number below the input's declared minimum or above its maximum is refused, naming the key and the range. */
	static void checkRange(ModuleItem<?> item, Object value) {
		if (!(value instanceof Number)) return;
		double v = ((Number) value).doubleValue();
		if (Double.isNaN(v)) return;
		Object min = item.getMinimumValue(), max = item.getMaximumValue();
		if (min instanceof Number && v < ((Number) min).doubleValue() || max instanceof Number && v > ((Number) max).doubleValue())
			throw new UserInputException("'" + item.getName() + "' (" + DialogPage.label(item) + ") = " + format(value) +
				" is out of range: " + range(item).toLowerCase() + ".");
	}

	private static String format(Object n) {
		double v = ((Number) n).doubleValue();
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
	}

	static boolean isNumber(Class<?> t) {
		return t == int.class || t == Integer.class || t == long.class || t == Long.class || t == double.class ||
			t == Double.class || t == float.class || t == Float.class;
	}

	static boolean isInteger(Class<?> t) {
		return t == int.class || t == Integer.class || t == long.class || t == Long.class;
	}

	static int decimals(double v) {
		if (v == Math.rint(v)) return 1;
		String s = Double.toString(Math.abs(v));
		int dot = s.indexOf('.');
		return s.contains("E") ? 6 : Math.min(6, Math.max(1, s.length() - dot - 1));
	}

	static Object toNumber(double v, Class<?> t, ModuleItem<?> item, Module defaults) {
		// NaN is a valid value where it is the default ("automatic"), e.g. trace_at.
		Object fallback = item.getValue(defaults);
		boolean nanAllowed = fallback instanceof Double && Double.isNaN((Double) fallback);
		if (Double.isNaN(v) && nanAllowed) return v;
		if (Double.isNaN(v)) throw new UserInputException("'" + item.getName() + "' must be a number.");
		// A value beyond the field's range would wrap around (1e12 as an int is -727379968).
		if ((t == int.class || t == Integer.class) && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) ||
			(t == long.class || t == Long.class) && (v < -9.2e18 || v > 9.2e18))
			throw new UserInputException("'" + item.getName() + "' = " + v + " is too large in magnitude for this whole-number setting.");
		// 2.5 iterations is a typing error, not 3 (as the Spark job's command line refuses it too)
		if (isInteger(t) && v != Math.rint(v)) throw new UserInputException("'" + item.getName() + "' (" + DialogPage.label(item) +
			") must be a whole number, got " + v + ".");
		if (t == int.class || t == Integer.class) return (int) Math.round(v);
		if (t == long.class || t == Long.class) return Math.round(v);
		if (t == float.class || t == Float.class) return (float) v;
		return v;
	}
}
