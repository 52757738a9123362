package org.neurodynamics.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NumPy's .npy files (little-endian float32/float64, C order, 1-D or 2-D) for the swap with the PyTorch side. */
final class Npy {

	private Npy() {}

	static double[] params(Path file) throws IOException {
		return Arrays.stream(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim().split("\\s+"))
			.mapToDouble(Double::parseDouble).toArray();
	}

	/** All values of a 1-D or 2-D array, in C order, as floats. */
	static float[] readFloats(Path file) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		int[] shape = new int[2];
		String descr = header(b, shape);
		int n = shape[0] * Math.max(1, shape[1]);
		float[] v = new float[n];
		for (int i = 0; i < n; i++) v[i] = descr.equals("<f8") ? (float) b.getDouble() : b.getFloat();
		return v;
	}

	static float[][] readMatrix(Path file) throws IOException {
		ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		int[] shape = new int[2];
		String descr = header(b, shape);
		float[][] m = new float[shape[0]][Math.max(1, shape[1])];
		for (float[] row : m) for (int j = 0; j < row.length; j++) row[j] = descr.equals("<f8") ? (float) b.getDouble() : b.getFloat();
		return m;
	}

	private static String header(ByteBuffer b, int[] shape) {
		b.position(8);
		int len = b.getShort() & 0xffff;
		byte[] h = new byte[len];
		b.get(h);
		String s = new String(h, StandardCharsets.US_ASCII);
		Matcher d = Pattern.compile("'descr': '([^']+)'").matcher(s), sh = Pattern.compile("'shape': \\((\\d+),\\s*(\\d*)\\)").matcher(s);
		if (!d.find() || !sh.find() || s.contains("'fortran_order': True")) throw new IllegalArgumentException("unsupported npy header " + s);
		shape[0] = Integer.parseInt(sh.group(1));
		shape[1] = sh.group(2).isEmpty() ? 0 : Integer.parseInt(sh.group(2));
		return d.group(1);
	}

	/** Writes rows x cols float32 (a single row is written as a 1-D array). */
	static void write(Path file, float[][] m) throws IOException {
		int rows = m.length, cols = rows == 0 ? 0 : m[0].length;
		String shape = rows == 1 ? "(" + cols + ",)" : "(" + rows + ", " + cols + ")";
		StringBuilder h = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }");
		while ((10 + h.length() + 1) % 64 != 0) h.append(' ');
		h.append('\n');
		ByteBuffer b = ByteBuffer.allocate(10 + h.length() + 4 * rows * cols).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0).putShort((short) h.length());
		b.put(h.toString().getBytes(StandardCharsets.US_ASCII));
		for (float[] row : m) for (float v : row) b.putFloat(v);
		Files.write(file, b.array());
	}
}
