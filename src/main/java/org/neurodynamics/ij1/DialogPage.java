package org.neurodynamics.ij1;

import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Component;
import java.awt.Container;
import java.awt.Label;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;

import org.neurodynamics.core.UserInputException;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

/**
 * One page of a command's dialog: a GenericDialog whose fields show the inputs' labels,
 * units and descriptions, while each field's macro key stays the input's (lower-case)
 * name. Interactively, fields that belong to another choice of a controlling input (the
 * trace source, the stimulus, the model) are hidden until that choice is made; a macro
 * reads every field from its options as always.
 */
final class DialogPage {

	static final String NO_IMAGE = "(none)";
	static final String ADVANCED = "Advanced...";

	private final GenericDialog gd;
	private final String title;
	private final String commandClass;
	private final List<ModuleItem<?>> items;
	private final Collection<String> allKeys;
	private final Module defaults;
	private final boolean interactive;
	private final Map<String, Component[]> components = new HashMap<>();
	private final Map<String, Choice> choices = new HashMap<>();
	private boolean advancedOffered;

	DialogPage(String title, String commandClass, List<ModuleItem<?>> items, Collection<String> allKeys, Module defaults,
		Function<ModuleItem<?>, Object> initial, boolean interactive)
	{
		this.gd = new GenericDialog(title);
		this.title = title;
		this.commandClass = commandClass;
		this.items = items;
		this.allKeys = allKeys;
		this.defaults = defaults;
		this.interactive = interactive;
		for (ModuleItem<?> item : items) add(item, initial.apply(item));
	}

	private void add(ModuleItem<?> item, Object value) {
		String key = item.getName();
		int before = interactive ? gd.getComponentCount() : 0;
		Class<?> type = item.getType();
		if (type == String.class && item.getChoices() != null && !item.getChoices().isEmpty()) {
			String[] options = item.getChoices().stream().map(String::valueOf).toArray(String[]::new);
			gd.addChoice(key, options, value == null ? options[0] : value.toString());
		}
		else if (type == String.class) gd.addStringField(key, value == null ? "" : value.toString(), 25);
		else if (type == boolean.class || type == Boolean.class) gd.addCheckbox(key, Boolean.TRUE.equals(value));
		else if (CommandDialog.isNumber(type)) {
			double v = value == null ? 0 : ((Number) value).doubleValue();
			gd.addNumericField(key, v, CommandDialog.isInteger(type) ? 0 : CommandDialog.decimals(v), 8,
				interactive ? DialogLayout.unit(key, item.getDescription()) : null);
		}
		else if (type == File.class) {
			String path = value == null ? "" : value.toString();
			String style = item.getWidgetStyle() == null ? "" : item.getWidgetStyle();
			// Headless dialogs (Fiji --headless) know only plain string fields.
			if (java.awt.GraphicsEnvironment.isHeadless()) gd.addStringField(key, path, 25);
			else if (style.contains("directory")) gd.addDirectoryField(key, path, 25);
			else gd.addFileField(key, path, 25);
		}
		else if (type == ImagePlus.class) {
			String[] titles = imageTitles(!item.isRequired());
			if (titles.length == 0) throw new UserInputException(title + " needs an open image; open one first.");
			ImagePlus current = WindowManager.getCurrentImage();
			gd.addChoice(key, titles, current != null ? current.getTitle() : titles[0]);
		}
		else throw new IllegalStateException("No dialog field for input '" + key + "' of type " + type.getName());
		if (!interactive) return;
		Component[] added = Arrays.copyOfRange(gd.getComponents(), before, gd.getComponentCount());
		components.put(key, added);
		String label = label(item);
		String help = item.getDescription() == null || item.getDescription().isEmpty() ? label : label + ": " + item.getDescription();
		for (Component c : added) {
			if (c instanceof Checkbox) ((Checkbox) c).setLabel(label);
			else if (c instanceof Label && c == added[0]) ((Label) c).setText(label);
			if (c instanceof Choice) choices.put(key, (Choice) c);
			showHelpOnHover(c, help);
		}
	}

	/** The input's label; its name in words when it has none. */
	static String label(ModuleItem<?> item) {
		String label = item.getLabel();
		if (label == null || label.isEmpty() || label.equals(item.getName())) {
			String name = item.getName().replace('_', ' ');
			label = Character.toUpperCase(name.charAt(0)) + name.substring(1);
		}
		return label;
	}

	/** AWT has no tooltips: the status bar says what the field under the mouse (or with the focus) means. */
	private static void showHelpOnHover(Component c, String help) {
		c.addMouseListener(new MouseAdapter() {
			@Override
			public void mouseEntered(MouseEvent e) {
				IJ.showStatus(help);
			}
		});
		c.addFocusListener(new FocusAdapter() {
			@Override
			public void focusGained(FocusEvent e) {
				IJ.showStatus(help);
			}
		});
		if (c instanceof Container) for (Component child : ((Container) c).getComponents()) showHelpOnHover(child, help);
	}

	/** Adds a button that closes this page and asks for the advanced inputs next. */
	void offerAdvanced() {
		gd.enableYesNoCancel("  OK  ", ADVANCED);
		advancedOffered = true;
	}

	/** Shows the page (in a macro: reads the options); the caller then reads the values. */
	void show() {
		if (interactive) {
			gd.addHelp(helpHtml());
			for (String controller : choices.keySet())
				choices.get(controller).addItemListener(e -> {
					updateVisibility();
					gd.pack();
				});
			updateVisibility();
		}
		gd.showDialog();
	}

	boolean canceled() {
		return gd.wasCanceled();
	}

	boolean advancedChosen() {
		return advancedOffered && !gd.wasCanceled() && !gd.wasOKed();
	}

	/** Fields of inputs that do not apply to the current choices are hidden (GridBagLayout leaves them no room). */
	private void updateVisibility() {
		for (ModuleItem<?> item : items) {
			DialogLayout.Condition c = DialogLayout.condition(commandClass, item.getName(), allKeys);
			if (c == null || !choices.containsKey(c.controller)) continue;
			boolean visible = c.values.contains(choices.get(c.controller).getSelectedItem());
			for (Component component : components.get(item.getName())) component.setVisible(visible);
		}
	}

	/** The values in input order, as the command's types. */
	Map<String, Object> read() {
		Map<String, Object> inputs = new LinkedHashMap<>();
		for (ModuleItem<?> item : items) {
			Class<?> type = item.getType();
			Object value;
			if (type == String.class && item.getChoices() != null && !item.getChoices().isEmpty()) value = offered(item, gd.getNextChoice());
			else if (type == String.class) value = gd.getNextString();
			else if (type == boolean.class || type == Boolean.class) value = gd.getNextBoolean();
			else if (CommandDialog.isNumber(type)) value = CommandDialog.toNumber(gd.getNextNumber(), type, item, defaults);
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
		return inputs;
	}

	/**
	 * The choice a macro gave, refused when the input does not offer it: a headless dialog
	 * would run on with the first choice, a dialog on a display with the unknown one.
	 */
	private static String offered(ModuleItem<?> item, String read) {
		String options = Macro.getOptions();
		if (options == null) return read;
		String given = Macro.getValue(options, item.getName(), null);
		// "&name" is a macro variable, which the dialog has resolved
		if (given == null || given.startsWith("&")) return read;
		List<String> choices = new ArrayList<>();
		for (Object c : item.getChoices()) choices.add(String.valueOf(c));
		if (choices.contains(given)) return given;
		String last = choices.remove(choices.size() - 1);
		throw new UserInputException("Unknown " + item.getName() + " '" + given + "'; choose " + (choices.isEmpty() ? last :
			String.join(", ", choices) + " or " + last) + ".");
	}

	/** What the Help button shows: every field of this page with its macro key, unit, range and meaning. */
	private String helpHtml() {
		StringBuilder sb = new StringBuilder("<html><body><h3>").append(escape(title)).append("</h3>");
		sb.append("<p>Macro keys are the names in brackets, e.g. <tt>run(\"...\", \"key=value\")</tt>.</p><table>");
		for (ModuleItem<?> item : items) {
			sb.append("<tr><td valign=top><b>").append(escape(label(item))).append("</b> [<tt>").append(item.getName())
				.append("</tt>]</td><td>");
			if (item.getDescription() != null) sb.append(escape(item.getDescription())).append(' ');
			String unit = DialogLayout.unit(item.getName(), item.getDescription());
			if (!unit.isEmpty() && CommandDialog.isNumber(item.getType())) sb.append("Unit: ").append(escape(unit)).append(". ");
			String range = CommandDialog.range(item);
			if (!range.isEmpty()) sb.append(escape(range)).append(". ");
			sb.append("</td></tr>");
		}
		return sb.append("</table></body></html>").toString();
	}

	private static String escape(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String[] imageTitles(boolean optional) {
		List<String> titles = new ArrayList<>();
		if (optional) titles.add(NO_IMAGE);
		int[] ids = WindowManager.getIDList();
		if (ids != null) for (int id : ids) titles.add(WindowManager.getImage(id).getTitle());
		return titles.toArray(new String[0]);
	}
}
