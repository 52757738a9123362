// The journey on calcium imaging: dF/F traces of the ROIs on a time-lapse (bleach
// corrected), reconstructed into a state space and a map. The cells were imaged at one
// condition, so the map has no control parameter to vary: the exploration shows the
// recovered dynamics (regime, fixed points, phase portrait) at that condition.
//
// Argument: "outputFolder|projectFolder". The project folder (holding test-data/)
// defaults to the current working directory.
// Headless: ImageJ --headless -batch roi-journey.ijm "/tmp/out|/path/to/project"

setBatchMode(true);
args = split(getArgument(), "|");
if (args.length < 1) exit("Give the output folder as argument: \"outputFolder|projectFolder\".");
out = args[0];
project = getDirectory("cwd");
if (args.length > 1) project = args[1];
data = project + File.separator + "test-data" + File.separator;
File.makeDirectory(out);

open(data + "calcium.tif");
movie = getTitle();
run("Import Traces...", "source=[ROIs on a time-lapse] image=[" + movie + "] rois=[" + data + "calcium-rois.zip] " +
	"dff percentile=8 bleach_window=31 parameters=[0, 0] parameter_name=condition output=[" + out + "]");
traces = getTitle();
model = out + File.separator + "calcium.ndmodel";
run("Reconstruct Dynamics...", "source=[Image (one trace per row)] image=[" + traces + "] parameters= model=[" + model + "] vae_epochs=60 map_epochs=30 maps=2 output=[" + out + "]");
run("Explore Reconstructed Model...", "model=[" + model + "] parameters=0 iterations=1000 transient_steps=200 initial_states=3 trace_at=0 seed=0 output=[" + out + "]");
print("Regime of the reconstructed calcium dynamics: " + getResultString("Regime", 0));
