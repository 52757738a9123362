package org.neurodynamics.core.cable;

/** A stimulus injected into one compartment. */
public final class Injection {

	public final int compartment;
	public final Stimulus stimulus;

	public Injection(int compartment, Stimulus stimulus) {
		this.compartment = compartment;
		this.stimulus = stimulus;
	}
}
