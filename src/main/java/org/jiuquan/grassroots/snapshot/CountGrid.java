package org.jiuquan.grassroots.snapshot;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.snapshot.SnapshotRepository.MapPoint;

/**
 * Dense layers drawn as counts: the map is cut into square cells about eight hundredths of the page's
 * shorter side wide, and each cell holds one disc per aggregated layer, each in its own slot of the cell (a
 * 2 x 2 grid for up to four layers, 3 x 3 for five). A disc never grows past its slot, so no two count
 * discs overlap, whatever the density, the page size or the number of layers (on an A4 page a 64-cell grid
 * used to pile them on top of each other). Fewer, larger cells also mean far fewer discs to draw.
 */
final class CountGrid {

    /** A cell's side, in hundredths of the page's shorter side. */
    static final double CELL_UNITS = 8;

    private CountGrid() {
    }

    /**
     * The cell's side in Web Mercator metres for a page showing this extent: the same for every layer of the
     * page, so their cells coincide. The map takes about two thirds of a landscape page's width, nearly all
     * of a portrait one's; MapFrame may show a little more than the extent, which only makes cells smaller
     * on the page than planned, and the discs shrink with their slots.
     */
    static double cellMetres(double[] extent3857, PageSize size) {
        double unit = Math.min(size.width(), size.height()) / 100;
        double mapWidth = size.width() * (size.width() >= size.height() ? 0.66 : 0.92);
        double across = Math.max(4, Math.round(mapWidth / (CELL_UNITS * unit)));
        return (extent3857[2] - extent3857[0]) / across;
    }

    /** Draws every aggregated point of the layers, each layer in its slot of the cells. */
    static void draw(Canvas canvas, MapFrame frame, Map<String, List<MapPoint>> points, double cellMetres,
                     double symbolScale, Color ring) {
        List<String> layers = points.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(MapPoint::aggregated))
                .map(Map.Entry::getKey).toList();
        int slots = (int) Math.ceil(Math.sqrt(layers.size()));
        double slotMetres = cellMetres / Math.max(slots, 1);
        double slotPoints = Math.abs(frame.pageX(slotMetres) - frame.pageX(0));
        for (int i = 0; i < layers.size(); i++) {
            Color colour = Color.decode(PageDrawing.symbol(layers.get(i)).color());
            double dx = (i % slots + 0.5) * slotMetres;
            double dy = (i / slots + 0.5) * slotMetres;
            for (MapPoint cell : points.getOrDefault(layers.get(i), List.of())) {
                if (cell.aggregated()) {
                    // The SQL gives the cell's lower left corner; slots run left to right, top to bottom.
                    disc(canvas, frame.pageX(cell.x() + dx), frame.pageY(cell.y() + cellMetres - dy), cell, colour, ring,
                            symbolScale, slotPoints * 0.45);
                }
            }
        }
    }

    /** A disc growing with the count (as the browser draws clusters) up to its slot, the count inside. */
    private static void disc(Canvas canvas, double x, double y, MapPoint cell, Color colour, Color ring,
                             double symbolScale, double maxRadius) {
        double edge = (cell.weak() ? 3 : 2) * symbolScale;
        double radius = Math.min((10 + Math.min(14, Math.log(cell.count()) / Math.log(2) * 3)) * symbolScale,
                maxRadius - edge / 2);
        Ellipse2D disc = new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius);
        canvas.fill(disc, colour);
        canvas.stroke(disc, cell.weak() ? ring : Color.WHITE, (float) edge);
        String count = String.valueOf(cell.count());
        // The count fits the disc: smaller type for long numbers in small discs.
        float size = (float) Math.min(12 * symbolScale, radius * 1.6 / Math.max(2, count.length()) * 1.6);
        canvas.text(count, x - canvas.textWidth(count, size, true) / 2, y + size / 3, size, Color.WHITE, true, false);
    }
}
