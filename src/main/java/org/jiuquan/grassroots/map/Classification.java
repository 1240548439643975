package org.jiuquan.grassroots.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How district values are cut into classes for the choropleth. */
public enum Classification {
    QUANTILE, EQUAL, JENKS;

    public static final int MIN_CLASSES = 3;
    public static final int MAX_CLASSES = 7;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Classification fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /**
     * Class limits, lowest first: {@code k} classes give {@code k + 1} limits, class i spanning
     * [limit i, limit i+1]. Fewer classes come back when the values do not have enough distinct numbers.
     */
    public double[] breaks(double[] values, int classes) {
        if (classes < MIN_CLASSES || classes > MAX_CLASSES) {
            throw new IllegalArgumentException("classes must be 3 to 7, was " + classes);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new double[0];
        }
        int k = (int) Math.min(classes, Arrays.stream(sorted).distinct().count());
        if (k <= 1) {
            return new double[] {sorted[0], sorted[sorted.length - 1]};
        }
        double[] limits = switch (this) {
            case EQUAL -> equalIntervals(sorted, k);
            case QUANTILE -> quantiles(sorted, k);
            case JENKS -> jenks(sorted, k);
        };
        return withoutEmptyClasses(limits);
    }

    /**
     * Drops inner limits equal to the one before (they would make empty classes), but keeps a last class
     * of a single value ([30, 30]) that natural breaks or equal intervals can produce.
     */
    private static double[] withoutEmptyClasses(double[] limits) {
        List<Double> kept = new ArrayList<>();
        kept.add(limits[0]);
        for (int i = 1; i < limits.length - 1; i++) {
            if (limits[i] != kept.get(kept.size() - 1)) {
                kept.add(limits[i]);
            }
        }
        kept.add(limits[limits.length - 1]);
        return kept.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The class (0-based) of a value, given limits from {@link #breaks}. */
    public static int classOf(double value, double[] limits) {
        for (int i = 1; i < limits.length - 1; i++) {
            if (value < limits[i]) {
                return i - 1;
            }
        }
        return Math.max(0, limits.length - 2);
    }

    private static double[] equalIntervals(double[] sorted, int k) {
        double min = sorted[0];
        double step = (sorted[sorted.length - 1] - min) / k;
        double[] limits = new double[k + 1];
        for (int i = 0; i <= k; i++) {
            limits[i] = i == k ? sorted[sorted.length - 1] : min + step * i;
        }
        return limits;
    }

    /** Limits at the values that split the sorted list into k groups of (nearly) equal size. */
    private static double[] quantiles(double[] sorted, int k) {
        double[] limits = new double[k + 1];
        limits[0] = sorted[0];
        for (int i = 1; i < k; i++) {
            limits[i] = sorted[(int) Math.round((double) i * sorted.length / k)];
        }
        limits[k] = sorted[sorted.length - 1];
        return limits;
    }

    /** Jenks natural breaks: the k groups of sorted values with the least within-group variance. */
    static double[] jenks(double[] sorted, int k) {
        int n = sorted.length;
        double[][] cost = new double[k + 1][n + 1];
        int[][] start = new int[k + 1][n + 1];
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int classes = 1; classes <= k; classes++) {
            for (int end = classes; end <= n; end++) {
                // The last class holds sorted[first .. end-1]; its variance, grown from the right.
                double sum = 0;
                double squares = 0;
                for (int first = end - 1; first >= classes - 1; first--) {
                    sum += sorted[first];
                    squares += sorted[first] * sorted[first];
                    int size = end - first;
                    double variance = squares - sum * sum / size;
                    double total = cost[classes - 1][first] + variance;
                    if (total < cost[classes][end]) {
                        cost[classes][end] = total;
                        start[classes][end] = first;
                    }
                }
            }
        }
        List<Double> lower = new ArrayList<>();
        int end = n;
        for (int classes = k; classes >= 1; classes--) {
            int first = start[classes][end];
            lower.add(0, sorted[first]);
            end = first;
        }
        double[] limits = new double[k + 1];
        for (int i = 0; i < k; i++) {
            limits[i] = lower.get(i);
        }
        limits[k] = sorted[n - 1];
        return limits;
    }
}
