package org.neurodynamics;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Roi;
import ij.io.RoiEncoder;
import ij.process.ShortProcessor;

import org.neurodynamics.command.SimulateNeuronModel;
import org.neurodynamics.core.io.AtomicFiles;
import org.neurodynamics.core.io.DelimitedTableWriter;
import org.neurodynamics.core.io.NumericTable;
import org.neurodynamics.core.trace.Trace;
import org.neurodynamics.results.ResultFiles;
import org.neurodynamics.results.TraceImage;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Writes the small test data files of test-data/ (see test-data/README.md): for each
 * built-in model, the trace image of the Simulate Neuron Model command (TIFF) and the
 * same traces as CSV, one column per trace headed by its name; and a synthetic calcium
 * time-lapse with its ROI set.
 *
 * <pre>mvn -B -q test-compile exec:java -Dexec.mainClass=org.neurodynamics.TestDataGenerator -Dexec.classpathScope=test</pre>
 */
public final class TestDataGenerator {

	private TestDataGenerator() {}

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "test-data");
		Files.createDirectories(dir);
		Context context = new Context();
		try {
			// Each model at its usual timing (duration, transient, dt).
			simulate(context, dir, "hindmarsh-rose", "Hindmarsh-Rose", "1.5, 2.25, 3.0, 3.75");
			simulate(context, dir, "sherman-rinzel", "Sherman-Rinzel", "0.8, 0.9, 1.0");
			simulate(context, dir, "hodgkin-huxley", "Hodgkin-Huxley", "0, 8, 10");
		}
		finally {
			context.dispose();
		}
		calcium(dir);
	}

	private static void simulate(Context context, Path dir, String file, String model, String parameters) throws Exception {
		Map<String, Object> inputs = new HashMap<>(Map.of("model", model, "variable", "", "parameters", parameters,
			"duration", 0.0, "transient_time", -1.0, "dt", 0.0, "noise", 0.0, "seed", 1L));
		inputs.put("output", null);
		CommandModule m = context.service(CommandService.class).run(SimulateNeuronModel.class, true, inputs).get();
		if (m.isCanceled()) throw new IllegalStateException("Simulate Neuron Model was cancelled: " + m.getCancelReason());
		ImagePlus image = (ImagePlus) m.getOutput("traces");
		System.out.println("Saved " + ResultFiles.save(dir.toFile(), file, image));
		List<Trace> traces = TraceImage.read(image);
		List<String> names = new ArrayList<>();
		double[][] columns = new double[traces.size()][];
		for (int i = 0; i < columns.length; i++) {
			names.add(traces.get(i).name());
			float[] x = traces.get(i).samples();
			columns[i] = new double[x.length];
			for (int k = 0; k < x.length; k++) columns[i][k] = x[k];
		}
		Path csv = dir.resolve(file + ".csv");
		DelimitedTableWriter.writeCsv(csv, new NumericTable(file, names, columns));
		System.out.println("Saved " + csv);
	}

	/** 48 x 48 pixels, 150 frames at 0.1 s, 16-bit, two cells, bleaching with a 150-frame time constant. */
	private static void calcium(Path dir) throws IOException {
		ImagePlus movie = SyntheticCalcium.create("calcium", 48, 150, 150);
		ImageStack stack = new ImageStack(48, 48);
		for (int i = 1; i <= movie.getStackSize(); i++) {
			float[] f = (float[]) movie.getStack().getPixels(i);
			short[] s = new short[f.length];
			for (int k = 0; k < f.length; k++) s[k] = (short) Math.round(f[k]);
			stack.addSlice(new ShortProcessor(48, 48, s, null));
		}
		ImagePlus sixteen = new ImagePlus("calcium", stack);
		sixteen.setDimensions(1, 1, 150);
		sixteen.setCalibration(movie.getCalibration());
		System.out.println("Saved " + ResultFiles.save(dir.toFile(), "calcium", sixteen));
		Path zip = dir.resolve("calcium-rois.zip");
		AtomicFiles.writeVia(zip, tmp -> {
			try (ZipOutputStream out = new ZipOutputStream(new FileOutputStream(tmp.toFile()))) {
				for (Roi roi : SyntheticCalcium.rois(48)) {
					out.putNextEntry(new ZipEntry(roi.getName() + ".roi"));
					out.write(RoiEncoder.saveAsByteArray(roi));
					out.closeEntry();
				}
			}
		});
		System.out.println("Saved " + zip);
	}
}
