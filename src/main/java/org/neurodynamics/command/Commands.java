package org.neurodynamics.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.neurodynamics.core.UserInputException;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.module.event.ModuleErroredEvent;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginService;
import org.scijava.service.Service;

/**
 * Runs a command from code (the ImageJ 1 menu bridge, the demo): inputs that are not
 * given keep the command's defaults, SciJava's preprocessors fill in the services, and
 * no postprocessor displays anything, so the caller decides how results are shown. A
 * failure reaches the caller as an exception and is not logged again by SciJava.
 */
public final class Commands {

	private Commands() {}

	public static CommandModule run(Context context, String commandClass, Map<String, Object> given) throws Exception {
		CommandInfo info = context.service(CommandService.class).getCommand(commandClass);
		if (info == null) throw new IllegalStateException("Command " + commandClass + " is not installed.");
		return run(context, info, given);
	}

	public static CommandModule run(Context context, CommandInfo info, Map<String, Object> given) throws Exception {
		Map<String, Object> inputs = new HashMap<>(given);
		Module defaults = info.createModule();
		for (ModuleItem<?> item : info.inputs())
			if (!inputs.containsKey(item.getName()) && isUserInput(item)) inputs.put(item.getName(), item.getValue(defaults));
		List<PreprocessorPlugin> pre = context.service(PluginService.class).createInstancesOfType(PreprocessorPlugin.class);
		ModuleService modules = context.service(ModuleService.class);
		Module created = modules.createModule(info);
		quietErrors(context);
		RUNNING.add(created);
		CommandModule module;
		try {
			module = (CommandModule) modules.run(created, pre, List.of(), inputs).get();
		}
		finally {
			RUNNING.remove(created);
		}
		if (module.isCanceled()) throw new UserInputException(module.getCancelReason() == null ? info.getLabel() + " was cancelled." : module.getCancelReason());
		return module;
	}

	/**
	 * The modules being run here: their failures reach the caller as exceptions (and the menu
	 * bridge reports them once, in the user's terms), so SciJava need not log them again with
	 * a stack trace, user errors included.
	 */
	private static final Set<Module> RUNNING = ConcurrentHashMap.newKeySet();
	/** Held here: the event service keeps only weak references to its subscribers. */
	private static final QuietErrors QUIET_ERRORS = new QuietErrors();
	private static final Map<Context, Boolean> SUBSCRIBED = new WeakHashMap<>();

	private static void quietErrors(Context context) {
		synchronized (SUBSCRIBED) {
			if (SUBSCRIBED.containsKey(context)) return;
			EventService events = context.getService(EventService.class);
			if (events != null) events.subscribe(QUIET_ERRORS);
			SUBSCRIBED.put(context, Boolean.TRUE);
		}
	}

	/** Consumes the error events of the modules run here, so that SciJava does not log them. */
	public static final class QuietErrors {
		@EventHandler
		public void onError(ModuleErroredEvent event) {
			if (RUNNING.contains(event.getModule())) event.consume();
		}
	}

	/** Inputs a user sets, as opposed to services and the context, which SciJava injects. */
	public static boolean isUserInput(ModuleItem<?> item) {
		return !Service.class.isAssignableFrom(item.getType()) && !Context.class.isAssignableFrom(item.getType());
	}
}
