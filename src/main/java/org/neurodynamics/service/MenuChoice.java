package org.neurodynamics.service;

import java.util.Arrays;

import org.neurodynamics.core.UserInputException;

/**
 * A choice a command offers in its dialog, known to users and macros by its label. The label
 * is what a macro passes as the value ("model=[HH axon (paper)]"); code works with the enum.
 */
public interface MenuChoice {

	/** The text shown in the dialog and passed by macros. */
	String label();

	/** The labels of every constant of {@code type}, in declaration order. */
	static <E extends Enum<E> & MenuChoice> String[] labels(Class<E> type) {
		return Arrays.stream(type.getEnumConstants()).map(MenuChoice::label).toArray(String[]::new);
	}

	/**
	 * The constant whose label is {@code label}; otherwise a message naming {@code what}
	 * ("model") and the labels to choose from.
	 */
	static <E extends Enum<E> & MenuChoice> E of(Class<E> type, String label, String what) {
		return of(type, label, what, "");
	}

	/** As {@link #of(Class, String, String)}, with {@code where} (" for the soma") after the unknown label. */
	static <E extends Enum<E> & MenuChoice> E of(Class<E> type, String label, String what, String where) {
		String s = label == null ? "" : label;
		for (E e : type.getEnumConstants()) if (e.label().equals(s)) return e;
		throw new UserInputException("Unknown " + what + " '" + s + "'" + where + "; choose one of " +
			Arrays.toString(labels(type)) + ".");
	}
}
