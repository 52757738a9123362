/**
 * The ImageJ 1 bridge: the menu entry of every command ({@code RunCommand}, listed in
 * plugins.config), the check that the libraries the plugin needs are installed
 * ({@code Dependencies}), a macro-recordable dialog built from a command's inputs
 * ({@code CommandDialog}), running the command and showing its results the ImageJ 1 way
 * ({@code CommandRunner}, {@code ResultWindows}), the SciJava context they share, and
 * headless macro runs. It may import ImageJ 1, SciJava, the commands, the services and
 * {@code org.neurodynamics.core}; it is the top layer, and nothing imports it.
 */
package org.neurodynamics.ij1;
