package org.neurodynamics.ij1;

import ij.IJ;

import org.scijava.Context;

/**
 * The SciJava context for ImageJ 1 menu entries: Fiji's own when the plugin runs inside
 * Fiji (so services are shared and nothing is started twice), otherwise one created on
 * first use and kept for the session (plain ImageJ 1, headless batch macros).
 */
final class SciJavaContext {

	private static Context own;

	private SciJavaContext() {}

	static synchronized Context get() {
		Context context = null;
		if (isFiji()) {
			// imagej-legacy answers this call with the context Fiji already runs.
			Object fiji = IJ.runPlugIn("org.scijava.Context", "");
			if (fiji instanceof Context) context = (Context) fiji;
		}
		if (context == null) {
			if (own == null) own = new Context();
			context = own;
		}
		return context;
	}

	private static boolean isFiji() {
		try {
			Class.forName("net.imagej.legacy.LegacyService", false, SciJavaContext.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException e) {
			return false;
		}
	}
}
