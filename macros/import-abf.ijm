// Import Traces from an ABF recording: one trace per sweep, each with the current step
// of its sweep as control parameter (17o05028_ic_steps.abf: 16 sweeps, -50 to 100 pA).
//
// Argument: "outputFolder|projectFolder". The project folder (holding test-data/)
// defaults to the current working directory. Writes to the output folder:
//   imported-traces.tif  the trace image (one row per sweep, parameters in its metadata)
//   imported-traces.csv  one row per sweep: name, parameter, samples, dt, mean, SD, ...
//   parameters.txt       "sweep parameter samples" per line, from the Results table
// Headless: ImageJ --headless -batch import-abf.ijm "/tmp/out|/path/to/project"

setBatchMode(true);
args = split(getArgument(), "|");
if (args.length < 1) exit("Give the output folder as argument: \"outputFolder|projectFolder\".");
out = args[0];
project = getDirectory("cwd");
if (args.length > 1) project = args[1];
abf = project + File.separator + "test-data" + File.separator + "abf" + File.separator + "17o05028_ic_steps.abf";

run("Import Traces...", "source=[ABF recording] file=[" + abf + "] channel=0 parameters= parameter_name=I output=[" + out + "]");

// The command's summary table is the Results table: one row per sweep.
lines = "";
for (i = 0; i < nResults; i++)
	lines = lines + i + " " + getResult("Parameter", i) + " " + getResult("Samples", i) + "\n";
File.saveString(lines, out + File.separator + "parameters.txt");
