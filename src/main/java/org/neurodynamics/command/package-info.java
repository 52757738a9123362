/**
 * The SciJava commands of the menu: thin classes that read their inputs (whose lower-case
 * field names are the macro keys), call a service, and return tables, plots and images;
 * their shared input handling ({@code TraceInputCommand}, {@code LongCommand},
 * {@code Commands}). They may import SciJava, ImageJ 1 types for their outputs, the
 * services, the results layer and the core packages' settings and result types; never
 * {@code ij1}.
 */
package org.neurodynamics.command;
