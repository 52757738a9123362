package org.neurodynamics.core.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.imglib2.KDTree;
import net.imglib2.RealPoint;
import net.imglib2.neighborsearch.KNearestNeighborSearchOnKDTree;

/**
 * k-nearest-neighbour queries among a fixed set of points that exclude a range of point
 * indices around the query (a Theiler window: points close in time are not neighbours), on
 * ImgLib2's {@link KDTree}. ImgLib2 has no exclusion, so a query asks for k plus the number of
 * excluded points and drops those: the k nearest outside the range are always among them.
 * Not thread-safe (one instance per thread).
 */
public final class NearestNeighbours {

	private final List<RealPoint> points;
	private final KDTree<Integer> tree;
	private final Map<Integer, KNearestNeighborSearchOnKDTree<Integer>> searches = new HashMap<>();

	/** Points stored row-major, {@code dim} coordinates each (copied). */
	public NearestNeighbours(double[] rowMajor, int dim) {
		this(rows(rowMajor, dim));
	}

	/** Points as rows (not copied: the rows must not change while this is used). */
	public NearestNeighbours(double[][] rows) {
		points = new ArrayList<>(rows.length);
		List<Integer> index = new ArrayList<>(rows.length);
		for (int i = 0; i < rows.length; i++) {
			points.add(RealPoint.wrap(rows[i]));
			index.add(i);
		}
		tree = new KDTree<>(index, points);
	}

	private static double[][] rows(double[] rowMajor, int dim) {
		double[][] rows = new double[rowMajor.length / dim][];
		for (int i = 0; i < rows.length; i++) rows[i] = Arrays.copyOfRange(rowMajor, i * dim, (i + 1) * dim);
		return rows;
	}

	public int size() {
		return points.size();
	}

	/**
	 * The {@code k} nearest points to point {@code q} among those with an index outside
	 * [{@code excludeFrom}, {@code excludeTo}], nearest first: indices into {@code neighbours},
	 * squared distances into {@code squaredDistances} (both of length at least k).
	 *
	 * @return how many were found: k, or fewer when fewer points lie outside the range
	 */
	public int search(int q, int k, int excludeFrom, int excludeTo, int[] neighbours, double[] squaredDistances) {
		int n = points.size();
		int from = Math.max(0, excludeFrom), to = Math.min(n - 1, excludeTo);
		int excluded = Math.max(0, to - from + 1);
		int want = Math.min(n, k + excluded);
		if (want <= excluded) return 0;
		KNearestNeighborSearchOnKDTree<Integer> search = searches.computeIfAbsent(want, c -> new KNearestNeighborSearchOnKDTree<>(tree, c));
		search.search(points.get(q));
		int found = 0;
		for (int i = 0; i < want && found < k; i++) {
			int r = search.getSampler(i).get();
			if (r >= from && r <= to) continue;
			neighbours[found] = r;
			squaredDistances[found] = search.getSquareDistance(i);
			found++;
		}
		return found;
	}
}
