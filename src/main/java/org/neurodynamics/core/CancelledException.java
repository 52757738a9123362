package org.neurodynamics.core;

/** Thrown when the user cancels long work; nothing half-done is kept. */
public class CancelledException extends RuntimeException {
	private static final long serialVersionUID = 1L;

	public CancelledException(String what) {
		super(what + " was cancelled.");
	}
}
