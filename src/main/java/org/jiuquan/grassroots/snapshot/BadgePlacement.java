package org.jiuquan.grassroots.snapshot;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Places the contact-point badges (a disc with the number of an organisation's leaders, beside its
 * symbol) so that no two overlap and none covers a label, by construction. A badge tries the corners of its
 * symbol, up-right first (where the browser draws it), then the same corners twice as far out. Where all
 * are taken, as in a dense town centre, it joins the placed badge it collides with: that badge then counts
 * both organisations' leaders, as the count discs of dense layers count their points, and no leader is
 * lost from the page. A badge blocked by labels only, with no badge to join, is left out: a label is
 * never covered.
 */
final class BadgePlacement {

    /** An organisation's badge: its symbol's centre and size, and its number of leaders. */
    record Badge(double symbolX, double symbolY, double symbolSize, int count) {
    }

    /** A badge as drawn: its centre and the leaders it counts (more than one organisation's where they joined). */
    record Placed(double x, double y, int count) {
    }

    private static final double[][] CORNERS = {{1, -1}, {-1, -1}, {1, 1}, {-1, 1}};

    private BadgePlacement() {
    }

    /**
     * @param radius    every badge's radius
     * @param obstacles the labels' boxes: no badge touches them
     */
    static List<Placed> place(List<Badge> badges, double radius, List<Rectangle2D> obstacles) {
        List<double[]> placed = new ArrayList<>(); // x, y, count
        for (Badge badge : badges) {
            double @Nullable [] spot = null;
            double @Nullable [] joined = null;
            for (double reach : new double[] {0.9, 1.8}) {
                for (double[] corner : CORNERS) {
                    double x = badge.symbolX() + corner[0] * badge.symbolSize() * reach;
                    double y = badge.symbolY() + corner[1] * badge.symbolSize() * reach;
                    double @Nullable [] hit = firstHit(x, y, radius, placed);
                    if (hit == null && !coversLabel(x, y, radius, obstacles)) {
                        spot = new double[] {x, y, badge.count()};
                        break;
                    }
                    if (joined == null) {
                        joined = hit;
                    }
                }
                if (spot != null) {
                    break;
                }
            }
            if (spot != null) {
                placed.add(spot);
            } else if (joined != null) {
                joined[2] += badge.count();
            }
        }
        return placed.stream().map(p -> new Placed(p[0], p[1], (int) p[2])).toList();
    }

    /** The first placed badge a disc at (x, y) would touch, or null. */
    private static double @Nullable [] firstHit(double x, double y, double radius, List<double[]> placed) {
        for (double[] other : placed) {
            if (Math.hypot(other[0] - x, other[1] - y) < 2 * radius) {
                return other;
            }
        }
        return null;
    }

    private static boolean coversLabel(double x, double y, double radius, List<Rectangle2D> labels) {
        for (Rectangle2D label : labels) {
            double nearestX = Math.clamp(x, label.getX(), label.getMaxX());
            double nearestY = Math.clamp(y, label.getY(), label.getMaxY());
            if (Math.hypot(nearestX - x, nearestY - y) < radius) {
                return true;
            }
        }
        return false;
    }
}
