package org.jiuquan.grassroots.map;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two quarters side by side must share one legend, or the same colour would mean different values on the
 * two sides of the swipe: the compared quarter's districts are coloured with the selected quarter's classes.
 */
public final class QuarterComparison {

    private QuarterComparison() {
    }

    /** The compared quarter's style, its districts recoloured by the classes of {@code shown}. */
    public static MapStyle onClassesOf(MapStyle shown, MapStyle compared) {
        Map<String, String> colours = new LinkedHashMap<>();
        List<MapStyle.LegendClass> classes = shown.legend();
        compared.values().forEach((district, value) -> {
            if (!classes.isEmpty()) {
                colours.put(district, classes.get(classOf(value, classes)).color());
            }
        });
        return new MapStyle(compared.indicator(), compared.period(), shown.method(), shown.classes(),
                shown.higherIsBetter(), shown.decimals(), classes, colours, compared.values(), compared.points(),
                compared.weakRing());
    }

    /** The first class whose upper limit is not below the value; values beyond the last class go into it. */
    static int classOf(BigDecimal value, List<MapStyle.LegendClass> classes) {
        double v = value.doubleValue();
        for (int i = 0; i < classes.size(); i++) {
            if (v <= classes.get(i).to()) {
                return i;
            }
        }
        return classes.size() - 1;
    }
}
