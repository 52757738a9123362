// Neuro Dynamics: the whole journey on a built-in model, headless or in the GUI.
// Simulates Hindmarsh-Rose traces at four currents, reconstructs the dynamics from them,
// and explores the reconstructed model over a wider current range.
// Argument: the folder for the results (default: a folder in the temporary directory).
// Headless: ImageJ --headless -macro hindmarsh-rose-journey.ijm /path/to/results

out = getArgument();
if (out == "") out = getDirectory("temp") + "neuro-dynamics-journey";
File.makeDirectory(out);
setBatchMode(true);

run("Simulate Neuron Model...", "model=Hindmarsh-Rose variable=x parameters=[1.5, 2.25, 3.0, 3.75] duration=4000 transient_time=1000 dt=0.5 noise=0 seed=1 output=[" + out + "]");
traces = getTitle();

// A quick preset (fewer epochs, two maps); leave out vae_epochs, map_epochs and maps for the defaults.
run("Reconstruct Dynamics...", "source=[Image (one trace per row)] image=[" + traces + "] model=[" + out + "/hindmarsh-rose.ndmodel] dimension_analysis vae_epochs=60 map_epochs=30 maps=2 output=[" + out + "]");
for (i = 0; i < nResults; i++)
	if (getResultString("Item", i) == "State dimension") print("Recovered state dimension: " + getResult("Value", i));

run("Explore Reconstructed Model...", "model=[" + out + "/hindmarsh-rose.ndmodel] parameters=1.3:0.03:4.0 iterations=3000 transient_steps=2000 initial_states=2 trace_at=2.25 seed=0 output=[" + out + "]");
for (i = 0; i < nResults; i++)
	print(getResult("Parameter", i) + ": " + getResultString("Regime", i));
