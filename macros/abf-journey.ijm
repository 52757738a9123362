// The journey on a real current-clamp recording: import every sweep of an ABF step
// protocol, keeping the stepped epoch of each sweep (where the injected current, the
// control parameter, is constant), reconstruct the dynamics, and ask
// what the cell does at currents between and beyond the recorded steps.
//
// Argument: "outputFolder|projectFolder|abfFile". The project folder defaults to the
// current working directory; the ABF file to test-data/abf/17o05028_ic_steps.abf
// (16 sweeps, -50 to 100 pA). Writes the imported traces, the model, the reconstruction
// tables and plots and the exploration results to the output folder.
// Headless: ImageJ --headless -batch abf-journey.ijm "/tmp/out|/path/to/project"

setBatchMode(true);
args = split(getArgument(), "|");
if (args.length < 1) exit("Give the output folder as argument: \"outputFolder|projectFolder|abfFile\".");
out = args[0];
project = getDirectory("cwd");
if (args.length > 1) project = args[1];
abf = project + File.separator + "test-data" + File.separator + "abf" + File.separator + "17o05028_ic_steps.abf";
if (args.length > 2) abf = args[2];
File.makeDirectory(out);

run("Import Traces...", "source=[ABF recording] file=[" + abf + "] channel=0 step_only parameters= parameter_name=I output=[" + out + "]");
sweeps = getTitle();
model = out + File.separator + "recording.ndmodel";
run("Reconstruct Dynamics...", "source=[Image (one trace per row)] image=[" + sweeps + "] parameters= model=[" + model + "] dimension_analysis output=[" + out + "]");
run("Explore Reconstructed Model...", "model=[" + model + "] parameters=-60:5:150 iterations=3000 transient_steps=1000 initial_states=2 trace_at=NaN seed=0 output=[" + out + "]");
for (i = 0; i < nResults; i++)
	print(getResult("Parameter", i) + " pA: " + getResultString("Regime", i) + ", " + d2s(getResult("Spike rate", i), 4) + " spikes per ms");
