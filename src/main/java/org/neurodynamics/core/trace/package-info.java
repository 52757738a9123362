/**
 * A recorded or simulated scalar trace with its sampling interval, units and control
 * parameter value ({@code Trace}), dF/F for calcium imaging, and parsing of parameter
 * lists. It may import only {@code core}.
 */
package org.neurodynamics.core.trace;
