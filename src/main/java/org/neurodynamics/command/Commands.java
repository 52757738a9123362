package org.neurodynamics.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neurodynamics.core.UserInputException;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginService;
import org.scijava.service.Service;

/**
 * Runs a command from code (the ImageJ 1 menu bridge, the demo): inputs that are not
 * given keep the command's defaults, SciJava's preprocessors fill in the services, and
 * no postprocessor displays anything, so the caller decides how results are shown.
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
		CommandModule module = (CommandModule) modules.run(modules.createModule(info), pre, List.of(), inputs).get();
		if (module.isCanceled()) throw new UserInputException(module.getCancelReason() == null ? info.getLabel() + " was cancelled." : module.getCancelReason());
		return module;
	}

	/** Inputs a user sets, as opposed to services and the context, which SciJava injects. */
	public static boolean isUserInput(ModuleItem<?> item) {
		return !Service.class.isAssignableFrom(item.getType()) && !Context.class.isAssignableFrom(item.getType());
	}
}
