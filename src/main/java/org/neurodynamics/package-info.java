/**
 * The plugin's root: {@code Demo}, the whole journey (simulate, reconstruct, explore) on
 * bundled data as a user would make it from the menu. Below it, one direction of
 * dependency: {@code ij1} -> {@code command} -> {@code service} -> {@code results} ->
 * {@code core}, no import running back up. The root may import any layer of the plugin,
 * ImageJ and SciJava.
 */
package org.neurodynamics;
