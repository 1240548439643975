package org.jiuquan.grassroots.snapshot;

import org.jspecify.annotations.Nullable;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jiuquan.grassroots.analysis.AnalysisKind;
import org.jiuquan.grassroots.analysis.AnalysisService;
import org.jiuquan.grassroots.i18n.Translations;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An analysis as a snapshot overlay, in the analysis map's colours (see geo-map.ts): cluster hulls and
 * members by cluster, noise in grey; hot and cold spots by significance; coverage gaps in vermilion.
 */
@Component
class AnalysisOverlays {

    static final List<Color> CLUSTER_COLOURS = List.of(Color.decode("#E69F00"), Color.decode("#56B4E9"),
            Color.decode("#009E73"), Color.decode("#F0E442"), Color.decode("#0072B2"), Color.decode("#D55E00"),
            Color.decode("#CC79A7"), Color.decode("#000000"));
    static final List<Color> HOT = List.of(Color.decode("#fcae91"), Color.decode("#fb6a4a"), Color.decode("#cb181d"));
    static final List<Color> COLD = List.of(Color.decode("#bdd7e7"), Color.decode("#6baed6"), Color.decode("#2171b5"));
    static final Color NOISE = Color.decode("#999999");
    static final Color NOT_SIGNIFICANT = Color.decode("#d9d9d9");
    static final Color GAP = Color.decode("#D55E00");
    /** The drawn area's blue, as the analysis map outlines it. */
    static final Color DRAWN_AREA = Color.decode("#0072B2");
    private static final int[] LEVELS = {90, 95, 99};

    private final AnalysisService analysis;
    private final Translations translations;
    private final GeometryFactory geometries = new GeometryFactory();

    AnalysisOverlays(AnalysisService analysis, Translations translations) {
        this.analysis = analysis;
        this.translations = translations;
    }

    /** Runs the analysis (its own checks give a 400 for a bad distance, count or quarter) and builds the overlay. */
    PageContent.Overlay overlay(AnalysisKind kind, String period, double distanceKm, int minCount, Locale locale) {
        List<String> features = switch (kind) {
            case CLUSTERS -> analysis.weakClusters(period, distanceKm, minCount);
            case HOT_SPOTS -> analysis.hotSpots(distanceKm);
            case COVERAGE_GAPS -> analysis.coverageGaps(distanceKm);
        };
        List<PageContent.Area> areas = new ArrayList<>();
        List<PageContent.Spot> spots = new ArrayList<>();
        for (String text : features) {
            JsonNode feature = JsonMapper.shared().readTree(text);
            JsonNode properties = feature.path("properties");
            JsonNode geometry = feature.path("geometry");
            if ("cluster".equals(properties.path("feature_type").asString(""))) {
                if ("Polygon".equals(geometry.path("type").asString(""))) {
                    areas.add(new PageContent.Area(polygon(geometry.path("coordinates")),
                            CLUSTER_COLOURS.get(properties.path("cluster").asInt() % CLUSTER_COLOURS.size())));
                }
                continue;
            }
            if (!"Point".equals(geometry.path("type").asString(""))) {
                continue;
            }
            JsonNode c = geometry.path("coordinates");
            spots.add(new PageContent.Spot(MapFrame.mercatorX(c.get(0).asDouble()), MapFrame.mercatorY(c.get(1).asDouble()),
                    colour(kind, properties)));
        }
        return new PageContent.Overlay(areas, spots, legend(kind, locale));
    }

    private static Color colour(AnalysisKind kind, JsonNode properties) {
        return switch (kind) {
            case CLUSTERS -> properties.path("cluster").isNull() || properties.path("cluster").isMissingNode()
                    ? NOISE : CLUSTER_COLOURS.get(properties.path("cluster").asInt() % CLUSTER_COLOURS.size());
            case HOT_SPOTS -> {
                String spot = properties.path("spot").asString("none");
                int level = properties.path("significance").asInt();
                int index = level >= 99 ? 2 : level >= 95 ? 1 : 0;
                yield spot.equals("hot") ? HOT.get(index) : spot.equals("cold") ? COLD.get(index) : NOT_SIGNIFICANT;
            }
            case COVERAGE_GAPS -> GAP;
        };
    }

    private List<PageContent.LegendLine> legend(AnalysisKind kind, Locale locale) {
        List<PageContent.LegendLine> lines = new ArrayList<>();
        switch (kind) {
            case CLUSTERS -> {
                lines.add(new PageContent.LegendLine(CLUSTER_COLOURS.get(0), tr("legend.cluster-member", locale), false));
                lines.add(new PageContent.LegendLine(NOISE, tr("legend.noise", locale), false));
            }
            case HOT_SPOTS -> {
                for (int i = 2; i >= 0; i--) {
                    lines.add(new PageContent.LegendLine(HOT.get(i), tr("legend.hot", locale, LEVELS[i]), false));
                }
                for (int i = 2; i >= 0; i--) {
                    lines.add(new PageContent.LegendLine(COLD.get(i), tr("legend.cold", locale, LEVELS[i]), false));
                }
                lines.add(new PageContent.LegendLine(NOT_SIGNIFICANT, tr("legend.not-significant", locale), false));
            }
            case COVERAGE_GAPS -> lines.add(new PageContent.LegendLine(GAP, tr("legend.gap", locale), false));
        }
        return lines;
    }

    /** The area a planner drew (lon/lat), outlined over the analysis as on screen; null: the overlay as it is. */
    PageContent.Overlay withArea(PageContent.Overlay overlay,
                                 org.locationtech.jts.geom.prep.@Nullable PreparedGeometry area, Locale locale) {
        if (area == null) {
            return overlay;
        }
        Coordinate[] lonLat = area.getGeometry().getCoordinates();
        Coordinate[] mercator = new Coordinate[lonLat.length];
        for (int i = 0; i < lonLat.length; i++) {
            mercator[i] = new Coordinate(MapFrame.mercatorX(lonLat[i].x), MapFrame.mercatorY(lonLat[i].y));
        }
        List<PageContent.Area> areas = new ArrayList<>(overlay.areas());
        areas.add(new PageContent.Area(geometries.createPolygon(mercator), DRAWN_AREA));
        List<PageContent.LegendLine> legend = new ArrayList<>(overlay.legend());
        legend.add(new PageContent.LegendLine(DRAWN_AREA, tr("analysis.area", locale), true));
        return new PageContent.Overlay(areas, overlay.spots(), legend);
    }

    /** A GeoJSON polygon (lon/lat) in Web Mercator. */
    private org.locationtech.jts.geom.Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return geometries.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode points) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] = new Coordinate(MapFrame.mercatorX(points.get(i).get(0).asDouble()),
                    MapFrame.mercatorY(points.get(i).get(1).asDouble()));
        }
        return geometries.createLinearRing(coordinates);
    }

    private String tr(String key, Locale locale, Object... parameters) {
        return translations.getTranslation(key, locale, parameters);
    }
}
