package org.neurodynamics.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.neurodynamics.core.embed.NeighbourSearchTiming;

/**
 * Nearest-neighbour search with a temporal exclusion window: brute force (latent forecast
 * test), the hand-written k-d tree (false nearest neighbours) and ImgLib2's KDTree with
 * KNearestNeighborSearchOnKDTree, on delay windows of a Lorenz x series: 20,000 reference
 * points, 1,500 queries. Usage: {@code KdTreeBenchmark [output.md] [rounds]}.
 */
public final class KdTreeBenchmark {

	public static void main(String[] args) throws Exception {
		Path out = args.length > 0 ? Paths.get(args[0]) : null;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
		double[] x = NeighbourSearchTiming.lorenzX(201_000);
		StringBuilder md = new StringBuilder();
		md.append("| use | k | dimension | points every (samples) | excluded: \\|i-j\\| <= | brute force s | KdTree s | ImgLib2 s (of it build) | ImgLib2 / KdTree | ImgLib2 / brute force | max rel. difference from brute force: KdTree, ImgLib2 |\n");
		md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		int[][] configs = { // use (0 FNN, 1 forecast), k, dim, stride
			{ 0, 1, 2, 1 }, { 0, 1, 4, 1 }, { 0, 1, 8, 1 }, { 0, 1, 50, 1 },
			{ 1, 3, 2, 10 }, { 1, 3, 4, 10 }, { 1, 3, 8, 10 }, { 1, 4, 8, 10 } };
		for (int[] c : configs) {
			NeighbourSearchTiming.Result r = NeighbourSearchTiming.run(x, c[2], 10, c[3], 20_000, 1_500, c[1], 10, rounds);
			String line = String.format("| %s | %d | %d | %d | %d | %.3f | %s | %.3f (%.3f) | %s | %.2fx | %s, %.1g |%n",
				c[0] == 0 ? "false nearest neighbours" : "latent forecast", c[1], c[2], c[3], 10, r.bruteSeconds,
				Double.isNaN(r.kdTreeSeconds) ? "n/a" : String.format("%.3f", r.kdTreeSeconds),
				r.imglibSeconds, r.imglibBuildSeconds,
				Double.isNaN(r.kdTreeSeconds) ? "n/a" : String.format("%.2fx", r.imglibSeconds / r.kdTreeSeconds), r.imglibSeconds / r.bruteSeconds,
				Double.isNaN(r.kdTreeDifference) ? "n/a" : String.format("%.1g", r.kdTreeDifference), r.imglibDifference);
			System.out.print(line);
			md.append(line);
		}
		md.append(String.format("%nBest of %d rounds; each round runs the three methods one after the other on the same points.%n", rounds));
		if (out != null) {
			Files.createDirectories(out.toAbsolutePath().getParent());
			Files.writeString(out, md.toString());
		}
	}
}
