// Import Traces from ROIs on a time-lapse: mean intensity per frame inside each ROI of a
// calcium-imaging movie, as dF/F with an 8th-percentile baseline in a sliding window of
// 31 frames (bleach correction).
//
// Argument: "outputFolder|projectFolder". The project folder (holding test-data/)
// defaults to the current working directory. The ROIs come from a ROI Manager set
// (rois=[file.zip]), which also works headless; leave 'rois' out to use the ROIs in the
// ROI Manager instead. Writes to the output folder:
//   imported-traces.tif  the trace image (one row per ROI)
//   imported-traces.csv  one row per ROI: name, samples, dt, mean, SD, min, max
//   roi-traces.csv       one column per ROI, one row per frame: the dF/F values
// Headless: ImageJ --headless -batch roi-traces.ijm "/tmp/out|/path/to/project"

setBatchMode(true);
args = split(getArgument(), "|");
if (args.length < 1) exit("Give the output folder as argument: \"outputFolder|projectFolder\".");
out = args[0];
project = getDirectory("cwd");
if (args.length > 1) project = args[1];
data = project + File.separator + "test-data" + File.separator;

open(data + "calcium.tif");
movie = getTitle();
run("Import Traces...", "source=[ROIs on a time-lapse] image=[" + movie + "] rois=[" + data + "calcium-rois.zip] " +
	"dff percentile=8 bleach_window=31 output=[" + out + "]");

// One column per ROI, named after the traces in the Results table.
selectImage("Traces of " + movie);
frames = getWidth();
rois = getHeight();
header = "frame";
for (r = 0; r < rois; r++) header = header + "," + getResultString("Trace", r);
lines = header + "\n";
for (t = 0; t < frames; t++) {
	line = "" + t;
	for (r = 0; r < rois; r++) line = line + "," + d2s(getPixel(t, r), 6);
	lines = lines + line + "\n";
}
File.saveString(lines, out + File.separator + "roi-traces.csv");
