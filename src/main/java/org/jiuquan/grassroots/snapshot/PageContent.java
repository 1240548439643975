package org.jiuquan.grassroots.snapshot;

import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.map.MapStyle;
import org.jiuquan.grassroots.snapshot.SnapshotRepository.DistrictShape;
import org.jiuquan.grassroots.snapshot.SnapshotRepository.MapPoint;
import org.jspecify.annotations.Nullable;

/**
 * Everything one page shows, already in the reader's language: the drawing only places it.
 *
 * @param choropleth      whether the districts are coloured by the indicator (the dashboard's district layer on)
 * @param points          layer id to its points, in drawing order
 * @param legendClasses   the classes' labels, lowest first, beside MapStyle's colours
 * @param table           rows of the side table (may be empty)
 * @param footer          lines under the map: period and export time, source, notes
 */
record PageContent(PageSize size, String title, String subtitle, MapStyle style, boolean choropleth,
                   List<DistrictShape> districts,
                   Map<String, List<MapPoint>> points, double[] extent3857, @Nullable String selectedDistrict,
                   @Nullable MapPoint selectedPoint, boolean english, Legend legend, String tableTitle,
                   List<TableRow> table, List<String> footer, String watermark, @Nullable Overlay overlay,
                   @Nullable Comparison comparison) {

    /**
     * Two quarters side by side: the compared one on the left, the selected one (style, points) on the right.
     *
     * @param style the compared quarter's colours, on the selected quarter's classes
     */
    record Comparison(String leftLabel, String rightLabel, MapStyle style, Map<String, List<MapPoint>> points) {
    }

    /** An analysis drawn over the districts (clusters, hot spots, gaps), with its own legend lines. */
    record Overlay(List<Area> areas, List<Spot> spots, List<LegendLine> legend) {
    }

    record Area(org.locationtech.jts.geom.Geometry outline3857, java.awt.Color colour) {
    }

    record Spot(double x, double y, java.awt.Color colour) {
    }

    record LegendLine(java.awt.Color colour, String label, boolean area) {
    }

    /** @param layerNames layer id to its name, for the shown point layers */
    /** @param cluster the legend line of aggregated points, or null when none is aggregated */
    record Legend(String heading, String indicator, List<String> classLabels, String noData,
                  Map<String, String> layerNames, String weak, @Nullable String cluster, String north,
                  String kilometres) {
    }

    /** @param emphasis the row of the map's indicator, set in bold */
    record TableRow(String name, String value, String extra, boolean emphasis) {
    }
}
