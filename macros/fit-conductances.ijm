// Fit the conductances of a compartmental model to a voltage trace with gradient diffusion
// (Plugins > Neuro Dynamics > Fit Conductances (Gradient Diffusion)...).
//
// The target is synthetic, so that the answer is known: a single Hodgkin-Huxley compartment
// driven by noise current, simulated with gNa x1.2, gK x0.8 and gL x1.3 of their defaults.
// The fit starts from the defaults and should find those multipliers again.
//
// Argument: the folder to write the results in (asked for when empty). It receives the
// target (compartmental-voltage.tif/.csv), the fitted values (fitted-values.csv), the loss
// per iteration (fit-iterations.csv, fit-loss.png), target vs initial vs fitted traces
// (fitted-traces.tif, fitted-vs-target.png) and fit-summary.txt.
// Headless: ImageJ --headless -batch fit-conductances.ijm /path/to/folder

dir = getArgument();
if (dir == "") dir = getDirectory("Choose a folder for the results");
if (!endsWith(dir, File.separator) && !endsWith(dir, "/")) dir = dir + File.separator;
setBatchMode(true);

truth = newArray(1.2, 0.8, 1.3);
names = newArray("gNa", "gK", "gL");
model = "model=[HH single compartment]";
stimulus = "stimulus=[Noise (Ornstein-Uhlenbeck)] amplitude=0.2 sd=0.2 tau=5 seed=3 inject=soma dt=0.025";

// 1. The target: 200 ms of membrane voltage at the soma.
changed = "";
for (i = 0; i < names.length; i++) changed = changed + names[i] + "*" + truth[i] + ", ";
run("Simulate Compartmental Model...", model + " values=[" + changed + "] " + stimulus +
	" total=200 record=soma sensitivities= output=[" + dir + "]");
target = "HH single compartment voltage"; // the trace image (the plot is shown last)

// 2. The fit: Adam with exact gradients from the defaults, a loss window growing from 30% to all of
// the trace (this target has one minimum, so the default multi-start search is not needed), then
// up to 10 Gauss-Newton steps: Adam's steps of 5% leave it a few percent from the minimum.
run("Fit Conductances (Gradient Diffusion)...", "source=[Image (one trace per row)] image=[" + target + "] trace=0 " +
	model + " values= fitted=[gNa, gK, gL] record=soma " + stimulus + " total=0 optimiser=[Adam (gradient diffusion)] " +
	"start_search=[Initial values, then Adam] polish=10 learning_rate=0.05 iterations=300 window=0.3 ramp=100 l2=0 " +
	"output=[" + dir + "]");

// 3. The fitted values are the Results table (with a display and without); compare them with the truth.
summary = "parameter\ttruth\tfitted multiplier\terror (%)\n";
worst = 0;
for (i = 0; i < nResults; i++) {
	m = getResult("Multiplier", i);
	error = 100 * abs(m - truth[i]) / truth[i];
	worst = maxOf(worst, error);
	summary = summary + getResultString("Parameter", i) + "\t" + truth[i] + "\t" + d2s(m, 4) + "\t" + d2s(error, 2) + "\n";
}
summary = summary + "final loss (mV^2)\t" + getResult("Loss (mV^2)", 0) + "\nworst error (%)\t" + d2s(worst, 2) + "\n";
File.saveString(summary, dir + "fit-summary.txt");
print(summary);
