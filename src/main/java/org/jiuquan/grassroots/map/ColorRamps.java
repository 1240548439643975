package org.jiuquan.grassroots.map;

import java.util.List;

/**
 * ColorBrewer sequential ramps that colour-blind readers and projectors both tell apart. The darker
 * end always means "more of it"; the hue says whether more is good (yellow-green-blue) or bad
 * (yellow-orange-red).
 */
final class ColorRamps {

    private static final List<List<String>> GOOD = List.of(
            List.of("#edf8b1", "#7fcdbb", "#2c7fb8"),
            List.of("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
            List.of("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
            List.of("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"),
            List.of("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"));
    private static final List<List<String>> BAD = List.of(
            List.of("#ffeda0", "#feb24c", "#f03b20"),
            List.of("#ffffb2", "#fecc5c", "#fd8d3c", "#e31a1c"),
            List.of("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"),
            List.of("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026"),
            List.of("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#b10026"));

    private ColorRamps() {
    }

    static List<String> ramp(int classes, boolean higherIsBetter) {
        List<String> three = (higherIsBetter ? GOOD : BAD).get(0);
        return switch (classes) {
            // Values with only one or two distinct numbers: the ends (or middle) of the three-class ramp.
            case 1 -> List.of(three.get(1));
            case 2 -> List.of(three.get(0), three.get(2));
            default -> (higherIsBetter ? GOOD : BAD).get(Math.min(classes, 7) - 3);
        };
    }
}
