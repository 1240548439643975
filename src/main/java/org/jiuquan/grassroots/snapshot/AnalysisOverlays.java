package org.jiuquan.grassroots.snapshot;

import org.jspecify.annotations.Nullable;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jiuquan.grassroots.analysis.AnalysisFilter;
import org.jiuquan.grassroots.analysis.AnalysisKind;
import org.jiuquan.grassroots.analysis.AnalysisRow;
import org.jiuquan.grassroots.analysis.AnalysisService;
import org.jiuquan.grassroots.districts.District;
import org.jiuquan.grassroots.districts.DistrictService;
import org.jiuquan.grassroots.i18n.Formats;
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
    private final DistrictService districts;
    private final Translations translations;
    private final GeometryFactory geometries = new GeometryFactory();

    AnalysisOverlays(AnalysisService analysis, DistrictService districts, Translations translations) {
        this.analysis = analysis;
        this.districts = districts;
        this.translations = translations;
    }

    /**
     * The analysis page as the screen's table has it: only the organisations the filters keep (district, kind,
     * status, index range, drawn area) are drawn and listed, the drawn area is outlined, the map is zoomed to
     * the area or else the district, and the subtitle names every filter.
     */
    SnapshotService.AnalysisPage page(AnalysisKind kind, String period, double distanceKm, int minCount,
                                      AnalysisFilter filter, Locale locale) {
        List<AnalysisRow> rows = analysis.rows(kind, period, distanceKm, minCount, filter);
        boolean filtered = !filter.equals(AnalysisFilter.NONE);
        Set<String> kept = new HashSet<>();
        rows.forEach(row -> kept.add(row.code()));
        PageContent.Overlay overlay = withArea(overlay(kind, period, distanceKm, minCount, filtered ? kept : null, locale),
                filter.area(), locale);
        List<String> more = new ArrayList<>();
        if (filter.minIndex() != null || filter.maxIndex() != null) {
            more.add(tr("snapshot.filter-index", locale, filter.minIndex() == null ? "0" : plain(filter.minIndex(), locale),
                    filter.maxIndex() == null ? "100" : plain(filter.maxIndex(), locale)));
        }
        if (filter.area() != null) {
            more.add(tr("analysis.area", locale));
        }
        double[] extent = null;
        if (filter.area() != null) {
            var box = filter.area().getGeometry().getEnvelopeInternal();
            extent = MapFrame.extent(box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY(), 0.25);
        } else if (filter.district() != null) {
            District district = districts.districts().stream().filter(d -> d.code().equals(filter.district()))
                    .findFirst().orElseThrow();
            extent = MapFrame.extent(district.minLon(), district.minLat(), district.maxLon(), district.maxLat(), 0.06);
        }
        List<PageContent.TableRow> table = new ArrayList<>();
        for (AnalysisRow row : rows) {
            String district = districts.districts().stream().filter(d -> d.code().equals(row.districtCode()))
                    .map(d -> d.name(locale)).findFirst().orElse(row.districtCode());
            table.add(new PageContent.TableRow(row.nameZh(), plain(row.fortressIndex(), locale), district,
                    false));
        }
        return new SnapshotService.AnalysisPage(overlay, extent, table, tr("snapshot.analysis-table", locale, rows.size()),
                more);
    }

    /**
     * Runs the analysis (its own checks give a 400 for a bad distance, count or quarter) and builds the overlay.
     *
     * @param kept the organisations to draw (a cluster's outline only with one of its members); null: all
     */
    PageContent.Overlay overlay(AnalysisKind kind, String period, double distanceKm, int minCount,
                                @Nullable Set<String> kept, Locale locale) {
        List<String> features = switch (kind) {
            case CLUSTERS -> analysis.weakClusters(period, distanceKm, minCount);
            case HOT_SPOTS -> analysis.hotSpots(distanceKm);
            case COVERAGE_GAPS -> analysis.coverageGaps(distanceKm);
        };
        List<JsonNode> parsed = features.stream().map(text -> JsonMapper.shared().readTree(text)).toList();
        Set<Integer> keptClusters = new HashSet<>();
        for (JsonNode feature : parsed) {
            JsonNode properties = feature.path("properties");
            if (!isCluster(properties) && properties.path("cluster").isNumber()
                    && (kept == null || kept.contains(properties.path("code").asString("")))) {
                keptClusters.add(properties.path("cluster").asInt());
            }
        }
        List<PageContent.Area> areas = new ArrayList<>();
        List<PageContent.Spot> spots = new ArrayList<>();
        for (JsonNode feature : parsed) {
            JsonNode properties = feature.path("properties");
            JsonNode geometry = feature.path("geometry");
            if (isCluster(properties)) {
                if ("Polygon".equals(geometry.path("type").asString(""))
                        && (kept == null || keptClusters.contains(properties.path("cluster").asInt()))) {
                    areas.add(new PageContent.Area(polygon(geometry.path("coordinates")),
                            CLUSTER_COLOURS.get(properties.path("cluster").asInt() % CLUSTER_COLOURS.size())));
                }
                continue;
            }
            if (!"Point".equals(geometry.path("type").asString(""))
                    || (kept != null && !kept.contains(properties.path("code").asString("")))) {
                continue;
            }
            JsonNode c = geometry.path("coordinates");
            spots.add(new PageContent.Spot(MapFrame.mercatorX(c.get(0).asDouble()), MapFrame.mercatorY(c.get(1).asDouble()),
                    colour(kind, properties)));
        }
        return new PageContent.Overlay(areas, spots, legend(kind, locale));
    }

    /** An index as people write it: 60, 72.5. */
    private static String plain(double value, Locale locale) {
        return Formats.number(value, value == Math.rint(value) ? 0 : 1, locale);
    }

    private static boolean isCluster(JsonNode properties) {
        return "cluster".equals(properties.path("feature_type").asString(""));
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
