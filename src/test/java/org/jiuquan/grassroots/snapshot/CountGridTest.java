package org.jiuquan.grassroots.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.snapshot.SnapshotRepository.MapPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CountGridTest {

    /** Keeps the discs drawn; text widths as a rough monospace. */
    private static final class Discs implements Canvas {
        final List<Ellipse2D> filled = new ArrayList<>();

        @Override
        public void fill(Shape shape, Color color) {
            if (shape instanceof Ellipse2D disc) {
                filled.add(disc);
            }
        }

        @Override
        public void stroke(Shape shape, Color color, float width) {
        }

        @Override
        public void text(String text, double x, double y, float size, Color color, boolean bold, boolean halo) {
        }

        @Override
        public double textWidth(String text, float size, boolean bold) {
            return text.length() * size * 0.6;
        }

        @Override
        public void watermark(String text, double centreX, double centreY, float size, double degrees, Color color,
                              float alpha) {
        }

        @Override
        public void clip(double x, double y, double width, double height) {
        }

        @Override
        public void unclip() {
        }
    }

    @ParameterizedTest
    @EnumSource(PageSize.class)
    void noTwoCountDiscsOverlapOnADensePageWithEveryLayerAggregated(PageSize size) {
        // Given a map of the whole city where every cell of five layers holds tens of thousands of points
        double[] extent = MapFrame.extent(92.3, 38.2, 100.3, 42.8, 0.02);
        double cell = CountGrid.cellMetres(extent, size);
        Map<String, List<MapPoint>> points = new LinkedHashMap<>();
        for (String layer : List.of("villages", "grid-branches", "enterprises", "social-organisations", "contact-points")) {
            List<MapPoint> cells = new ArrayList<>();
            for (double x = Math.floor(extent[0] / cell) * cell; x < extent[2]; x += cell) {
                for (double y = Math.floor(extent[1] / cell) * cell; y < extent[3]; y += cell) {
                    cells.add(new MapPoint(x, y, true, null, 65_000, true));
                }
            }
            points.put(layer, cells);
        }
        double unit = Math.min(size.width(), size.height()) / 100;
        MapFrame frame = new MapFrame(20, 60, size.width() * 0.66, size.height() * 0.8, extent);

        // When they are drawn as counts
        Discs canvas = new Discs();
        CountGrid.draw(canvas, frame, points, cell, unit / 8.1 * 0.75, Color.RED);

        // Then every disc is readable and no two of them touch
        List<Ellipse2D> discs = canvas.filled;
        assertThat(discs).hasSizeGreaterThan(5 * 20);
        for (Ellipse2D disc : discs) {
            assertThat(disc.getWidth()).as("a disc a person can read").isGreaterThan(unit * 0.8);
        }
        for (int i = 0; i < discs.size(); i++) {
            for (int j = i + 1; j < discs.size(); j++) {
                Ellipse2D a = discs.get(i);
                Ellipse2D b = discs.get(j);
                double distance = Math.hypot(a.getCenterX() - b.getCenterX(), a.getCenterY() - b.getCenterY());
                assertThat(distance).as("discs %d and %d", i, j).isGreaterThan((a.getWidth() + b.getWidth()) / 2);
            }
        }
    }
}
