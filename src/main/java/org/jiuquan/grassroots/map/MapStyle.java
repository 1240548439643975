package org.jiuquan.grassroots.map;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to draw the map the same way in the browser and in a snapshot: the choropleth's
 * classes and each district's colour, and the point layers' symbols.
 *
 * @param legend         one entry per class, lowest first
 * @param districtColors district code to fill colour
 * @param values         district code to value (absent: no data)
 */
public record MapStyle(String indicator, String period, String method, int classes, boolean higherIsBetter,
                       int decimals, List<LegendClass> legend, Map<String, String> districtColors,
                       Map<String, BigDecimal> values, List<PointSymbol> points, String weakRing) {

    public record LegendClass(double from, double to, String color, int districts) {
    }

    /** @param shape circle, square, triangle, diamond or pentagon */
    public record PointSymbol(String layer, String color, String shape, int size) {
    }

    /** Okabe-Ito colours: distinct for colour-blind readers, and from the choropleth ramps. */
    public static final List<PointSymbol> POINTS = List.of(
            new PointSymbol("villages", "#009E73", "circle", 7),
            new PointSymbol("grid-branches", "#0072B2", "square", 7),
            new PointSymbol("enterprises", "#E69F00", "diamond", 8),
            new PointSymbol("social-organisations", "#56B4E9", "pentagon", 8),
            new PointSymbol("contact-points", "#CC79A7", "triangle", 9));
    public static final String WEAK_RING = "#D55E00";
}
