package org.jiuquan.grassroots.demodata;

/**
 * The nearest of a fixed set of sites to a point, in a plane (UTM metres), found through a uniform grid of
 * buckets: the query looks at its own cell, then at rings of cells around it, and stops as soon as no cell
 * further out can hold anything nearer. "Nearest" is the smallest Euclidean distance, as PostGIS's
 * {@code <->} between two points measures it; of sites exactly as near, the one with the smallest id wins
 * (PostGIS's index search names either; their distances are the same).
 *
 * <p>A dataset load asks this once for every village and grid branch without a contact point of its own
 * (about 150,000 searches among 236,000 organisations with contact points at 230 times the demo data): as
 * a PostgreSQL nearest-neighbour index search per row, that cost about 100 microseconds each, here it costs
 * well under one.
 */
final class NearestSites {

    private final long[] ids;
    private final double[] xs;
    private final double[] ys;
    private final double minX;
    private final double minY;
    private final double cellSize;
    private final int columns;
    private final int rows;
    /** Sites of cell c are order[start[c]] up to order[start[c + 1]] (exclusive), cells row by row. */
    private final int[] start;
    private final int[] order;

    /** The sites: ids[i] at (xs[i], ys[i]); the arrays are kept, not copied. */
    NearestSites(long[] ids, double[] xs, double[] ys) {
        this.ids = ids;
        this.xs = xs;
        this.ys = ys;
        int n = ids.length;
        double loX = Double.POSITIVE_INFINITY;
        double loY = Double.POSITIVE_INFINITY;
        double hiX = Double.NEGATIVE_INFINITY;
        double hiY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            loX = Math.min(loX, xs[i]);
            loY = Math.min(loY, ys[i]);
            hiX = Math.max(hiX, xs[i]);
            hiY = Math.max(hiY, ys[i]);
        }
        minX = n == 0 ? 0 : loX;
        minY = n == 0 ? 0 : loY;
        double width = n == 0 ? 1 : Math.max(hiX - loX, 1);
        double height = n == 0 ? 1 : Math.max(hiY - loY, 1);
        // About two sites per cell on average: few cells to visit, few distances to compare in each (and at
        // most 4,096 cells a side, for sites along a line).
        cellSize = Math.max(Math.max(Math.sqrt(width * height * 2 / Math.max(n, 1)), Math.max(width, height) / 4096), 1);
        columns = (int) Math.floor(width / cellSize) + 1;
        rows = (int) Math.floor(height / cellSize) + 1;
        start = new int[columns * rows + 1];
        int[] cellOf = new int[n];
        for (int i = 0; i < n; i++) {
            cellOf[i] = cell(column(xs[i]), row(ys[i]));
            start[cellOf[i] + 1]++;
        }
        for (int c = 0; c < columns * rows; c++) {
            start[c + 1] += start[c];
        }
        order = new int[n];
        int[] next = java.util.Arrays.copyOf(start, start.length - 1);
        for (int i = 0; i < n; i++) {
            order[next[cellOf[i]]++] = i;
        }
    }

    /** The id of the site nearest to (x, y), or -1 if there are no sites. */
    long nearest(double x, double y) {
        if (ids.length == 0) {
            return -1;
        }
        int column = columnUnclamped(x);
        int row = rowUnclamped(y);
        Best best = new Best();
        // The rings that touch the grid: nearer and farther ones hold nothing.
        int firstRing = Math.max(Math.max(Math.max(-column, column - (columns - 1)), Math.max(-row, row - (rows - 1))), 0);
        int lastRing = Math.max(Math.max(column, columns - 1 - column), Math.max(row, rows - 1 - row));
        for (int ring = firstRing; ring <= lastRing; ring++) {
            // Every site in ring r or further out is at least r - 1 cells' sides away from any point of the
            // query's cell: once the best so far is nearer, no further ring can beat it (nor tie with it).
            double reach = Math.max(ring - 1, 0) * cellSize;
            if (best.index >= 0 && best.squared < reach * reach) {
                break;
            }
            for (int r = Math.max(row - ring, 0); r <= Math.min(row + ring, rows - 1); r++) {
                if (r == row - ring || r == row + ring) {
                    for (int c = Math.max(column - ring, 0); c <= Math.min(column + ring, columns - 1); c++) {
                        scan(c, r, x, y, best);
                    }
                } else {
                    if (column - ring >= 0) {
                        scan(column - ring, r, x, y, best);
                    }
                    if (column + ring < columns) {
                        scan(column + ring, r, x, y, best);
                    }
                }
            }
        }
        return ids[best.index];
    }

    /** The best site so far of one search. */
    private static final class Best {
        int index = -1;
        double squared = Double.POSITIVE_INFINITY;
    }

    private void scan(int column, int row, double x, double y, Best best) {
        int cell = cell(column, row);
        for (int k = start[cell]; k < start[cell + 1]; k++) {
            int i = order[k];
            double dx = xs[i] - x;
            double dy = ys[i] - y;
            double squared = dx * dx + dy * dy;
            if (squared < best.squared || squared == best.squared && ids[i] < ids[best.index]) {
                best.index = i;
                best.squared = squared;
            }
        }
    }

    private int cell(int column, int row) {
        return row * columns + column;
    }

    private int column(double x) {
        return Math.clamp(columnUnclamped(x), 0, columns - 1);
    }

    private int row(double y) {
        return Math.clamp(rowUnclamped(y), 0, rows - 1);
    }

    private int columnUnclamped(double x) {
        return (int) Math.max(Math.min(Math.floor((x - minX) / cellSize), Integer.MAX_VALUE / 4), Integer.MIN_VALUE / 4);
    }

    private int rowUnclamped(double y) {
        return (int) Math.max(Math.min(Math.floor((y - minY) / cellSize), Integer.MAX_VALUE / 4), Integer.MIN_VALUE / 4);
    }
}
