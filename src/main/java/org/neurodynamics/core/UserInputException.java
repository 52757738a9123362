package org.neurodynamics.core;

/**
 * Bad input from the user: a trace, file, column or parameter that cannot be used.
 * The message is written for the user (which input, what is wrong, what to do) and is
 * shown as is in dialogs and logs, never as a stack trace.
 */
public class UserInputException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public UserInputException(String message) {
		super(message);
	}

	public UserInputException(String message, Throwable cause) {
		super(message, cause);
	}
}
