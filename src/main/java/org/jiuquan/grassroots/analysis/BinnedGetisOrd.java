package org.jiuquan.grassroots.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Getis-Ord Gi* for large data, over cells: PostGIS bins the points into square cells a tenth of the band wide
 * and sums each ({@link AnalysisRepository#HOT_SPOT_CELLS}); here a cell's neighbourhood is every cell whose
 * offset lies within the band (in cell units), summed row by row from per-row running totals, so the cost grows
 * with the number of occupied cells, not with the number of points or of point pairs.
 * <p>
 * The approximation: all points of a cell share its neighbourhood and so its z-score, and the band's edge is
 * exact to half a cell (a point up to half a cell beyond the band may count as a neighbour, one up to half a cell
 * within it may not). The mean and standard deviation are exact (from the cells' sums and sums of squares).
 * AnalysisFixturesIT compares it with the exact Gi* on the demo data.
 */
final class BinnedGetisOrd {

    static final int CELLS_PER_BAND = 10;

    /**
     * An occupied cell as PostGIS sums it: column and row, how many points it holds, the sum and the sum of
     * squares of their values, and their mean position (lon/lat).
     */
    record Cell(long column, long row, long count, double sum, double sumOfSquares, double lon, double lat) {
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

    /** The side of a cell, in metres, for a distance band. */
    static double cellSize(double bandMetres) {
        return bandMetres / CELLS_PER_BAND;
    }

    /** Every cell's z-score (four decimals) and neighbourhood size, in the order given. */
    static List<HotSpots.Cell> scores(List<Cell> cells, double bandMetres) {
        double n = cells.stream().mapToDouble(Cell::count).sum();
        if (n == 0) {
            return List.of();
        }
        double mean = cells.stream().mapToDouble(Cell::sum).sum() / n;
        double s = Math.sqrt(Math.max(0, cells.stream().mapToDouble(Cell::sumOfSquares).sum() / n - mean * mean));
        Map<Long, TreeMap<Long, Cell>> byRow = new HashMap<>();
        for (Cell cell : cells) {
            byRow.computeIfAbsent(cell.row(), k -> new TreeMap<>()).put(cell.column(), cell);
        }
        Map<Long, Row> totals = new HashMap<>();
        byRow.forEach((row, inRow) -> {
            long[] columns = new long[inRow.size()];
            double[] counts = new double[inRow.size() + 1];
            double[] values = new double[inRow.size() + 1];
            int k = 0;
            for (Cell cell : inRow.values()) {
                columns[k] = cell.column();
                counts[k + 1] = counts[k] + cell.count();
                values[k + 1] = values[k] + cell.sum();
                k++;
            }
            totals.put(row, new Row(columns, counts, values));
        });
        int reach = CELLS_PER_BAND;
        double size = cellSize(bandMetres);
        List<HotSpots.Cell> scores = new ArrayList<>(cells.size());
        for (Cell cell : cells) {
            double w = 0;
            double wx = 0;
            for (int dy = -reach; dy <= reach; dy++) {
                Row row = totals.get(cell.row() + dy);
                if (row == null) {
                    continue;
                }
                long half = (long) Math.floor(Math.sqrt((double) reach * reach - (double) dy * dy));
                double[] part = row.sum(cell.column() - half, cell.column() + half);
                w += part[0];
                wx += part[1];
            }
            double z = s == 0 || n <= w ? 0 : (wx - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1.0)));
            scores.add(new HotSpots.Cell(cell.column(), cell.row(), size, cell.lon(), cell.lat(), cell.count(),
                    (long) w, HotSpots.rounded(z)));
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
