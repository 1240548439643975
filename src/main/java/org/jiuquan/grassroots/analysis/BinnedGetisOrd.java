package org.jiuquan.grassroots.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Getis-Ord Gi* for large data, in memory: points are binned into square cells a tenth of the band wide;
 * a cell's neighbourhood is every cell whose offset lies within the band (in cell units), summed row by
 * row from per-row running totals, so the cost grows with the number of occupied cells, not with the
 * number of point pairs. All points of a cell share its sums; the band's edge is exact to half a cell.
 */
final class BinnedGetisOrd {

    static final int CELLS_PER_BAND = 10;

    /** A point in a projected CRS (metres) with its value. */
    record Point(double x, double y, double value) {
    }

    /** Per point: the z-score and how many points (itself included) its neighbourhood holds. */
    record Score(double z, long neighbours) {
    }

    private record Row(long[] columns, double[] countTotals, double[] valueTotals) {
        /** Count and value sums of this row's cells with column in [from, to]. */
        double[] sum(long from, long to) {
            int start = lowerBound(columns, from);
            int end = lowerBound(columns, to + 1);
            if (start >= end) {
                return new double[] {0, 0};
            }
            return new double[] {countTotals[end] - countTotals[start], valueTotals[end] - valueTotals[start]};
        }
    }

    private BinnedGetisOrd() {
    }

    static List<Score> scores(List<Point> points, double bandMetres) {
        int n = points.size();
        double cell = bandMetres / CELLS_PER_BAND;
        double mean = points.stream().mapToDouble(Point::value).average().orElse(0);
        double s = Math.sqrt(Math.max(0, points.stream().mapToDouble(p -> p.value() * p.value()).average().orElse(0)
                - mean * mean));
        // Occupied cells: count and value sum, grouped into rows.
        Map<Long, TreeMap<Long, double[]>> rows = new HashMap<>();
        long[][] cellOf = new long[n][];
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            long cx = (long) Math.floor(p.x() / cell);
            long cy = (long) Math.floor(p.y() / cell);
            cellOf[i] = new long[] {cx, cy};
            double[] sums = rows.computeIfAbsent(cy, k -> new TreeMap<>()).computeIfAbsent(cx, k -> new double[2]);
            sums[0]++;
            sums[1] += p.value();
        }
        Map<Long, Row> totals = new HashMap<>();
        rows.forEach((cy, cells) -> {
            long[] columns = new long[cells.size()];
            double[] counts = new double[cells.size() + 1];
            double[] values = new double[cells.size() + 1];
            int k = 0;
            for (var entry : cells.entrySet()) {
                columns[k] = entry.getKey();
                counts[k + 1] = counts[k] + entry.getValue()[0];
                values[k + 1] = values[k] + entry.getValue()[1];
                k++;
            }
            totals.put(cy, new Row(columns, counts, values));
        });
        int reach = CELLS_PER_BAND;
        Map<String, double[]> neighbourhoods = new HashMap<>();
        List<Score> scores = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long cx = cellOf[i][0];
            long cy = cellOf[i][1];
            double[] sums = neighbourhoods.computeIfAbsent(cx + ":" + cy, key -> {
                double w = 0;
                double wx = 0;
                for (int dy = -reach; dy <= reach; dy++) {
                    Row row = totals.get(cy + dy);
                    if (row == null) {
                        continue;
                    }
                    long half = (long) Math.floor(Math.sqrt((double) reach * reach - (double) dy * dy));
                    double[] part = row.sum(cx - half, cx + half);
                    w += part[0];
                    wx += part[1];
                }
                return new double[] {w, wx};
            });
            double w = sums[0];
            double z = s == 0 || n <= w ? 0
                    : (sums[1] - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1.0)));
            scores.add(new Score(z, (long) w));
        }
        return scores;
    }

    private static int lowerBound(long[] sorted, long value) {
        int index = Arrays.binarySearch(sorted, value);
        if (index >= 0) {
            while (index > 0 && sorted[index - 1] == value) {
                index--;
            }
            return index;
        }
        return -index - 1;
    }
}
