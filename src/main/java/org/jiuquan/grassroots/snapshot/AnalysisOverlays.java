package org.jiuquan.grassroots.snapshot;

import org.jspecify.annotations.Nullable;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jiuquan.grassroots.analysis.AnalysisKind;
import org.jiuquan.grassroots.analysis.AnalysisService;
import org.jiuquan.grassroots.analysis.CoverageGaps;
import org.jiuquan.grassroots.analysis.HotSpots;
import org.jiuquan.grassroots.analysis.WeakClusters;
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
    private final Translations translations;
    private final GeometryFactory geometries = new GeometryFactory();

    AnalysisOverlays(AnalysisService analysis, Translations translations) {
        this.analysis = analysis;
        this.translations = translations;
    }

    /** Runs the analysis (its own checks give a 400 for a bad distance, count or quarter) and builds the overlay. */
    PageContent.Overlay overlay(AnalysisKind kind, String period, double distanceKm, int minCount, Locale locale) {
        List<PageContent.Area> areas = new ArrayList<>();
        List<PageContent.Spot> spots = new ArrayList<>();
        switch (kind) {
            case CLUSTERS -> {
                WeakClusters clusters = analysis.weakClusters(period, distanceKm, minCount);
                for (WeakClusters.Cluster cluster : clusters.clusters()) {
                    if (cluster.hull() instanceof org.locationtech.jts.geom.Polygon hull) {
                        areas.add(new PageContent.Area(mercator(hull), clusterColour(cluster.number())));
                    }
                }
                for (WeakClusters.Member member : clusters.members()) {
                    spots.add(spot(member.organisation().lon(), member.organisation().lat(),
                            member.cluster() == null ? NOISE : clusterColour(member.cluster())));
                }
            }
            case HOT_SPOTS -> {
                // As the analysis map draws it: every organisation, or at large data the significant cells.
                HotSpots run = analysis.hotSpots(distanceKm);
                for (HotSpots.Spot s : run.spots()) {
                    spots.add(spot(s.organisation().lon(), s.organisation().lat(), spotColour(s.spot(), s.significance())));
                }
                for (HotSpots.Cell c : run.cells()) {
                    spots.add(spot(c.lon(), c.lat(), spotColour(c.spot(), c.significance())));
                }
            }
            case COVERAGE_GAPS -> {
                for (CoverageGaps.Gap gap : analysis.coverageGaps(distanceKm).gaps()) {
                    spots.add(spot(gap.organisation().lon(), gap.organisation().lat(), GAP));
                }
            }
        }
        return new PageContent.Overlay(areas, spots, legend(kind, locale));
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
