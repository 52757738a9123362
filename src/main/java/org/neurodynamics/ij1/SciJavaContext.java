package org.neurodynamics.ij1;

import ij.IJ;

import org.scijava.Context;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.module.event.ModuleErroredEvent;

/**
 * The SciJava context for ImageJ 1 menu entries: Fiji's own when the plugin runs inside
 * Fiji (so services are shared and nothing is started twice), otherwise one created on
 * first use and kept for the session (plain ImageJ 1, headless batch macros).
 */
final class SciJavaContext {

	private static Context own;
	/** Held here: the event service keeps only weak references to its subscribers. */
	private static final QuietErrors QUIET_ERRORS = new QuietErrors();
	private static Context subscribed;

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
		if (subscribed != context) {
			EventService events = context.getService(EventService.class);
			if (events != null) events.subscribe(QUIET_ERRORS);
			subscribed = context;
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

	/**
	 * The menu bridge reports a failed command itself (one message, and the stack trace
	 * logged once for internal errors); SciJava would log every failure again, user errors
	 * included.
	 */
	public static final class QuietErrors {
		@EventHandler
		public void onError(ModuleErroredEvent event) {
			if (event.getModule().getInfo().getDelegateClassName().startsWith("org.neurodynamics.")) event.consume();
		}
	}
}
