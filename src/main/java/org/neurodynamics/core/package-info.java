/**
 * Plain Java beneath the plugin, no ImageJ or SciJava types: this package holds what every
 * core package shares, how long work reports progress and learns it is cancelled
 * ({@code Progress}, {@code CancelledException}) and the error whose message is written for
 * the user ({@code UserInputException}). It imports only the JDK; the subpackages may
 * import it and one another in the direction their own package comments give.
 */
package org.neurodynamics.core;
