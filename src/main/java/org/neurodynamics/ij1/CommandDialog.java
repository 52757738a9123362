package org.neurodynamics.ij1;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;

import org.neurodynamics.command.Commands;
import org.neurodynamics.core.UserInputException;
import org.scijava.ItemVisibility;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

/**
 * An ImageJ 1 dialog built from a SciJava command's inputs, so that every command is
 * macro-recordable with the same keys in plain ImageJ 1 and in Fiji: each input's macro
 * key is its (lower-case) field name; in a macro, values come from the option string.
 */
final class CommandDialog {

	private static final String NO_IMAGE = "(none)";
	/** Last values per command in this session, offered as defaults next time. */
	private static final Map<String, Map<String, Object>> LAST = new HashMap<>();

	private CommandDialog() {}

	/** Asks for the inputs of {@code info}; null when the user cancels. */
	static Map<String, Object> ask(CommandInfo info, Module defaults) {
		GenericDialog gd = new GenericDialog(info.getLabel() != null ? info.getLabel() : info.getTitle());
		List<ModuleItem<?>> items = new ArrayList<>();
		Map<String, Object> last = LAST.getOrDefault(info.getClassName(), new HashMap<>());
		for (ModuleItem<?> item : info.inputs()) {
			if (!isAsked(item)) continue;
			items.add(item);
			String label = label(item);
			Object value = last.containsKey(item.getName()) ? last.get(item.getName()) : item.getValue(defaults);
			Class<?> type = item.getType();
			if (type == String.class && item.getChoices() != null && !item.getChoices().isEmpty()) {
				List<?> choices = item.getChoices();
				String[] options = choices.stream().map(String::valueOf).toArray(String[]::new);
				gd.addChoice(label, options, value == null ? options[0] : value.toString());
			}
			else if (type == String.class) gd.addStringField(label, value == null ? "" : value.toString(), 25);
			else if (type == boolean.class || type == Boolean.class) gd.addCheckbox(label, Boolean.TRUE.equals(value));
			else if (isNumber(type)) {
				double v = value == null ? 0 : ((Number) value).doubleValue();
				gd.addNumericField(label, v, isInteger(type) ? 0 : decimals(v));
			}
			else if (type == File.class) {
				String path = value == null ? "" : value.toString();
				String style = item.getWidgetStyle() == null ? "" : item.getWidgetStyle();
				// Headless dialogs (Fiji --headless) know only plain string fields.
				if (java.awt.GraphicsEnvironment.isHeadless()) gd.addStringField(label, path, 25);
				else if (style.contains("directory")) gd.addDirectoryField(label, path);
				else gd.addFileField(label, path);
			}
			else if (type == ImagePlus.class) {
				String[] titles = imageTitles(!item.isRequired());
				if (titles.length == 0) throw new UserInputException(info.getLabel() + " needs an open image; open one first.");
				ImagePlus current = WindowManager.getCurrentImage();
				gd.addChoice(label, titles, current != null ? current.getTitle() : titles[0]);
			}
			else throw new IllegalStateException("No dialog field for input '" + item.getName() + "' of type " + type.getName());
		}
		gd.showDialog();
		if (gd.wasCanceled()) return null;
		Map<String, Object> inputs = new LinkedHashMap<>();
		for (ModuleItem<?> item : items) {
			Class<?> type = item.getType();
			Object value;
			if (type == String.class && item.getChoices() != null && !item.getChoices().isEmpty()) value = gd.getNextChoice();
			else if (type == String.class) value = gd.getNextString();
			else if (type == boolean.class || type == Boolean.class) value = gd.getNextBoolean();
			else if (isNumber(type)) value = toNumber(gd.getNextNumber(), type, item, defaults);
			else if (type == File.class) {
				String path = gd.getNextString().trim();
				value = path.isEmpty() ? null : new File(path);
			}
			else {
				String title = gd.getNextChoice();
				value = NO_IMAGE.equals(title) ? null : WindowManager.getImage(title);
			}
			inputs.put(item.getName(), value);
		}
		LAST.put(info.getClassName(), new HashMap<>(inputs));
		return inputs;
	}

	private static boolean isAsked(ModuleItem<?> item) {
		return item.getVisibility() != ItemVisibility.INVISIBLE && item.getVisibility() != ItemVisibility.MESSAGE &&
			Commands.isUserInput(item);
	}

	/** The field name with a capital: GenericDialog shows '_' as a space and uses the lower-cased label as macro key. */
	private static String label(ModuleItem<?> item) {
		String name = item.getName();
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	private static String[] imageTitles(boolean optional) {
		List<String> titles = new ArrayList<>();
		if (optional) titles.add(NO_IMAGE);
		int[] ids = WindowManager.getIDList();
		if (ids != null) for (int id : ids) titles.add(WindowManager.getImage(id).getTitle());
		return titles.size() == (optional ? 1 : 0) && !optional ? new String[0] : titles.toArray(new String[0]);
	}

	private static boolean isNumber(Class<?> t) {
		return t == int.class || t == Integer.class || t == long.class || t == Long.class || t == double.class ||
			t == Double.class || t == float.class || t == Float.class;
	}

	private static boolean isInteger(Class<?> t) {
		return t == int.class || t == Integer.class || t == long.class || t == Long.class;
	}

	private static int decimals(double v) {
		if (v == Math.rint(v)) return 1;
		String s = Double.toString(Math.abs(v));
		int dot = s.indexOf('.');
		return s.contains("E") ? 6 : Math.min(6, Math.max(1, s.length() - dot - 1));
	}

	private static Object toNumber(double v, Class<?> t, ModuleItem<?> item, Module defaults) {
		// NaN is a valid value where it is the default ("automatic"), e.g. trace_at.
		Object fallback = item.getValue(defaults);
		boolean nanAllowed = fallback instanceof Double && Double.isNaN((Double) fallback);
		if (Double.isNaN(v) && nanAllowed) return v;
		if (Double.isNaN(v)) throw new UserInputException("'" + item.getName() + "' must be a number.");
		// A value beyond the field's range would wrap around (1e12 as an int is -727379968).
		if ((t == int.class || t == Integer.class) && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) ||
			(t == long.class || t == Long.class) && (v < -9.2e18 || v > 9.2e18))
			throw new UserInputException("'" + item.getName() + "' = " + v + " is too large in magnitude for this whole-number setting.");
		if (t == int.class || t == Integer.class) return (int) Math.round(v);
		if (t == long.class || t == Long.class) return Math.round(v);
		if (t == float.class || t == Float.class) return (float) v;
		return v;
	}
}
