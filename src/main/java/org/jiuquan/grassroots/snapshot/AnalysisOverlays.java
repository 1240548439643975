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
import org.jiuquan.grassroots.analysis.CoverageGaps;
import org.jiuquan.grassroots.analysis.HotSpots;
import org.jiuquan.grassroots.analysis.WeakClusters;
import org.jiuquan.grassroots.districts.District;
import org.jiuquan.grassroots.districts.DistrictService;
import org.jiuquan.grassroots.i18n.Formats;
import org.jiuquan.grassroots.i18n.Translations;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.springframework.stereotype.Component;

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
        List<PageContent.Area> areas = new ArrayList<>();
        List<PageContent.Spot> spots = new ArrayList<>();
        switch (kind) {
            case CLUSTERS -> {
                WeakClusters clusters = analysis.weakClusters(period, distanceKm, minCount);
                Set<Integer> keptClusters = new HashSet<>();
                for (WeakClusters.Member member : clusters.members()) {
                    if (kept != null && !kept.contains(member.organisation().code())) {
                        continue;
                    }
                    if (member.cluster() != null) {
                        keptClusters.add(member.cluster());
                    }
                    spots.add(spot(member.organisation().lon(), member.organisation().lat(),
                            member.cluster() == null ? NOISE : clusterColour(member.cluster())));
                }
                for (WeakClusters.Cluster cluster : clusters.clusters()) {
                    if (cluster.hull() instanceof org.locationtech.jts.geom.Polygon hull
                            && (kept == null || keptClusters.contains(cluster.number()))) {
                        areas.add(new PageContent.Area(mercator(hull), clusterColour(cluster.number())));
                    }
                }
            }
            case HOT_SPOTS -> {
                // As the analysis map draws it: every organisation, or at large data the significant cells.
                // A cell mixes organisations, so with a filter only the organisations the filter keeps are drawn.
                HotSpots run = analysis.hotSpots(distanceKm);
                for (HotSpots.Spot s : run.spots()) {
                    if (kept == null || kept.contains(s.organisation().code())) {
                        spots.add(spot(s.organisation().lon(), s.organisation().lat(), spotColour(s.spot(), s.significance())));
                    }
                }
                if (kept == null) {
                    for (HotSpots.Cell c : run.cells()) {
                        spots.add(spot(c.lon(), c.lat(), spotColour(c.spot(), c.significance())));
                    }
                }
            }
            case COVERAGE_GAPS -> {
                for (CoverageGaps.Gap gap : analysis.coverageGaps(distanceKm).gaps()) {
                    if (kept == null || kept.contains(gap.organisation().code())) {
                        spots.add(spot(gap.organisation().lon(), gap.organisation().lat(), GAP));
                    }
                }
            }
        }
        return new PageContent.Overlay(areas, spots, legend(kind, locale));
    }

    /** An index as people write it: 60, 72.5. */
    private static String plain(double value, Locale locale) {
        return Formats.number(value, value == Math.rint(value) ? 0 : 1, locale);
    }

    private static PageContent.Spot spot(double lon, double lat, Color colour) {
        return new PageContent.Spot(MapFrame.mercatorX(lon), MapFrame.mercatorY(lat), colour);
    }

    private static Color clusterColour(int cluster) {
        return CLUSTER_COLOURS.get(Math.floorMod(cluster, CLUSTER_COLOURS.size()));
    }

    private static Color spotColour(String spot, int level) {
        int index = level >= 99 ? 2 : level >= 95 ? 1 : 0;
        return spot.equals("hot") ? HOT.get(index) : spot.equals("cold") ? COLD.get(index) : NOT_SIGNIFICANT;
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

    /** A polygon (lon/lat) in Web Mercator. */
    private org.locationtech.jts.geom.Polygon mercator(org.locationtech.jts.geom.Polygon lonLat) {
        LinearRing shell = ring(lonLat.getExteriorRing().getCoordinates());
        LinearRing[] holes = new LinearRing[lonLat.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = ring(lonLat.getInteriorRingN(i).getCoordinates());
        }
        return geometries.createPolygon(shell, holes);
    }

    private LinearRing ring(Coordinate[] points) {
        Coordinate[] coordinates = new Coordinate[points.length];
        for (int i = 0; i < points.length; i++) {
            coordinates[i] = new Coordinate(MapFrame.mercatorX(points[i].x), MapFrame.mercatorY(points[i].y));
        }
        return geometries.createLinearRing(coordinates);
    }

    private String tr(String key, Locale locale, Object... parameters) {
        return translations.getTranslation(key, locale, parameters);
    }
}
