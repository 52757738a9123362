/**
 * The two data shapes networks train on, independent of where the numbers come from:
 * rows of a training matrix produced on demand a batch at a time ({@code RowSource}) and
 * consecutive states of one trace at one parameter value ({@code StateSequence}). It
 * imports only the JDK.
 */
package org.neurodynamics.core.data;
