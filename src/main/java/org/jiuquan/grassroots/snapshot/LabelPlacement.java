package org.jiuquan.grassroots.snapshot;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Places map labels so that no two overlap, by construction rather than by nudging and hoping: each label
 * takes the free position nearest its anchor among a grid of candidates, ring after ring, covering the whole frame, where
 * free means clear of every label already placed and of the map's furniture (north arrow, scale bar), with
 * a small gap. A label for which no candidate is free is left out (null) rather than drawn over another:
 * the result never holds two overlapping boxes, whatever the language, the names' lengths or the page.
 */
final class LabelPlacement {

    /** A label's size and where it wants to be centred. */
    record Label(double anchorX, double anchorY, double width, double height) {
    }

    private LabelPlacement() {
    }

    /**
     * @param labels    in order of priority: earlier labels keep the places nearest their anchors
     * @param frame     where labels may go (they stay wholly inside it)
     * @param obstacles boxes no label may touch
     * @param gap       the least distance between two boxes
     * @return each label's box, in the labels' order; null for a label that found no free place
     */
    static List<@Nullable Rectangle2D> place(List<Label> labels, Rectangle2D frame, List<Rectangle2D> obstacles,
                                            double gap) {
        List<Rectangle2D> taken = new ArrayList<>(obstacles);
        List<@Nullable Rectangle2D> boxes = new ArrayList<>();
        for (Label label : labels) {
            Rectangle2D box = nearestFree(label, frame, taken, gap);
            if (box != null) {
                taken.add(box);
            }
            boxes.add(box);
        }
        return boxes;
    }

    /** Candidates on a grid of half the label's height around the anchor, nearest first, up to the frame's edges. */
    private static @Nullable Rectangle2D nearestFree(Label label, Rectangle2D frame, List<Rectangle2D> taken,
                                                     double gap) {
        if (label.width() > frame.getWidth() || label.height() > frame.getHeight()) {
            return null;
        }
        double step = Math.max(label.height() / 2, 0.5);
        // The anchor clamped into the frame: a label whose point lies outside still goes as near as it can.
        double cx = Math.clamp(label.anchorX(), frame.getX() + label.width() / 2, frame.getMaxX() - label.width() / 2);
        double cy = Math.clamp(label.anchorY(), frame.getY() + label.height() / 2, frame.getMaxY() - label.height() / 2);
        int across = (int) Math.ceil(frame.getWidth() / step);
        int down = (int) Math.ceil(frame.getHeight() / step);
        // Ring after ring of candidates around the anchor (most labels find a place in the first few rings).
        for (int ring = 0; ring <= Math.max(across, down); ring++) {
            for (int[] offset : ring(ring, across, down)) {
                double x = cx + offset[0] * step - label.width() / 2;
                double y = cy + offset[1] * step - label.height() / 2;
                Rectangle2D box = new Rectangle2D.Double(x, y, label.width(), label.height());
                if (inside(box, frame) && clear(box, taken, gap)) {
                    return box;
                }
            }
        }
        return null;
    }

    /** The grid offsets at Chebyshev distance {@code r}: nearest first, vertical moves before sideways ones. */
    private static List<int[]> ring(int r, int across, int down) {
        List<int[]> offsets = new ArrayList<>();
        for (int i = -Math.min(r, across); i <= Math.min(r, across); i++) {
            for (int j = -Math.min(r, down); j <= Math.min(r, down); j++) {
                if (Math.max(Math.abs(i), Math.abs(j)) == r) {
                    offsets.add(new int[] {i, j});
                }
            }
        }
        offsets.sort(Comparator.comparingDouble((int[] o) -> (double) o[0] * o[0] + (double) o[1] * o[1])
                .thenComparingInt(o -> Math.abs(o[0])).thenComparingInt(o -> o[1]).thenComparingInt(o -> o[0]));
        return offsets;
    }

    private static boolean inside(Rectangle2D box, Rectangle2D frame) {
        double e = 1e-9;
        return box.getX() >= frame.getX() - e && box.getY() >= frame.getY() - e && box.getMaxX() <= frame.getMaxX() + e
                && box.getMaxY() <= frame.getMaxY() + e;
    }

    private static boolean clear(Rectangle2D box, List<Rectangle2D> taken, double gap) {
        Rectangle2D grown = new Rectangle2D.Double(box.getX() - gap, box.getY() - gap, box.getWidth() + 2 * gap,
                box.getHeight() + 2 * gap);
        for (Rectangle2D other : taken) {
            if (grown.intersects(other)) {
                return false;
            }
        }
        return true;
    }
}
