/**
 * Presentation of results the ImageJ 1 way: ImageJ tables, plots and images of traces,
 * reconstructions, dimension analyses, explorations and fits, and saving them to an
 * output folder ({@code ResultFiles}). It may import ImageJ 1, Hipparchus and the core
 * packages; never the services, commands or {@code ij1}, and no SciJava.
 */
package org.neurodynamics.results;
