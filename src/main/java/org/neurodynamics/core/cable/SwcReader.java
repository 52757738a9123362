package org.neurodynamics.core.cable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.neurodynamics.core.UserInputException;

/**
 * Reads SWC files as Fiji's SNT writes them: '#' comment lines, then one sample per line,
 * {@code id type x y z radius parent}, whitespace separated, lengths in um.
 */
public final class SwcReader {

	private SwcReader() {}

	public static Morphology read(Path file) throws IOException {
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return read(in, file.toString());
		}
	}

	public static Morphology read(Reader reader, String source) throws IOException {
		BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
		List<SwcSample> samples = new ArrayList<>();
		String line;
		int number = 0;
		while ((line = in.readLine()) != null) {
			number++;
			String text = line.trim();
			if (text.isEmpty() || text.startsWith("#")) continue;
			String[] f = text.split("\\s+");
			if (f.length < 7) throw new UserInputException("SWC file " + source + ", line " + number + ": expected 7 values " +
				"(id type x y z radius parent), found " + f.length + ": '" + text + "'.");
			try {
				samples.add(new SwcSample(integer(f[0]), integer(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
					Double.parseDouble(f[4]), Double.parseDouble(f[5]), integer(f[6]), number));
			}
			catch (NumberFormatException e) {
				throw new UserInputException("SWC file " + source + ", line " + number + ": cannot read the numbers in '" +
					text + "'. Expected: id type x y z radius parent.");
			}
		}
		return new Morphology(source, samples);
	}

	/** SWC ids are integers, but some writers print them as "12.0". */
	private static int integer(String s) {
		double d = Double.parseDouble(s);
		if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw new NumberFormatException(s);
		return (int) d;
	}
}
