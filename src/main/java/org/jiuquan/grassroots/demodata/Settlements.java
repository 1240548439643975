package org.jiuquan.grassroots.demodata;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Where people live in each district, so that synthetic points fall where settlements are: the oasis
 * corridor of Suzhou, Jinta, Yumen, Guazhou and Dunhuang; a few spots in the mountains of Subei and
 * Aksay; none in the open desert. Anchors are approximate centres of settled areas with a spread in km.
 */
final class Settlements {

    record Anchor(double lon, double lat, double spreadKm, double weight) {
    }

    /** Per district: settled areas (township centres fall there), and its towns (street offices fall there). */
    record Profile(List<Anchor> rural, List<Anchor> urban, double urbanSpreadKm) {
    }

    static final Map<String, Profile> PROFILES = Map.of(
            "620902", new Profile(List.of(new Anchor(98.494, 39.733, 14, 3), new Anchor(98.95, 39.62, 10, 2),
                    new Anchor(98.70, 39.90, 8, 1)), List.of(new Anchor(98.494, 39.733, 3.0, 1)), 3.0),
            "620921", new Profile(List.of(new Anchor(98.903, 39.983, 12, 3), new Anchor(99.10, 40.15, 9, 1)),
                    List.of(new Anchor(98.903, 39.983, 1.8, 1)), 1.8),
            "620922", new Profile(List.of(new Anchor(95.782, 40.516, 12, 3), new Anchor(96.20, 40.50, 12, 2),
                    new Anchor(95.40, 40.55, 10, 1.5), new Anchor(96.60, 40.45, 8, 1)),
                    List.of(new Anchor(95.782, 40.516, 1.8, 3), new Anchor(95.43, 41.10, 1.2, 1)), 1.8),
            "620923", new Profile(List.of(new Anchor(94.877, 39.512, 10, 1)),
                    List.of(new Anchor(94.877, 39.512, 1.0, 1)), 1.0),
            "620924", new Profile(List.of(new Anchor(94.340, 39.634, 8, 1)),
                    List.of(new Anchor(94.340, 39.634, 1.0, 1)), 1.0),
            "620981", new Profile(List.of(new Anchor(97.045, 40.292, 11, 3), new Anchor(97.55, 40.15, 10, 2),
                    new Anchor(97.733, 39.828, 4, 1)),
                    List.of(new Anchor(97.045, 40.292, 2.0, 3), new Anchor(97.733, 39.828, 1.5, 2)), 2.0),
            "620982", new Profile(List.of(new Anchor(94.662, 40.142, 12, 3), new Anchor(94.85, 40.25, 8, 1)),
                    List.of(new Anchor(94.662, 40.142, 2.2, 1)), 2.2));

    private static final double KM_PER_DEGREE = 111.32;

    private final Random random;
    private final PreparedGeometry inside;
    private final Coordinate fallback;

    /**
     * @param outline the district; points keep about 200 m away from its border, so rounding and the
     *                border's own accuracy never put a point into the neighbour
     * @param fallback a point known to be well inside (the seat)
     */
    Settlements(Random random, Geometry outline, Coordinate fallback) {
        this.random = random;
        this.inside = PreparedGeometryFactory.prepare(outline.buffer(-0.002));
        this.fallback = fallback;
        if (!contains(fallback.x, fallback.y)) {
            throw new IllegalStateException("seat " + fallback + " is not well inside its district");
        }
    }

    Anchor pickAnchor(List<Anchor> anchors) {
        double total = anchors.stream().mapToDouble(Anchor::weight).sum();
        double r = random.nextDouble() * total;
        for (Anchor anchor : anchors) {
            r -= anchor.weight();
            if (r < 0) {
                return anchor;
            }
        }
        return anchors.get(anchors.size() - 1);
    }

    /** A point scattered around (lon, lat) with a normal spread, redrawn until it lies inside the district. */
    Coordinate around(double lon, double lat, double spreadKm) {
        for (int attempt = 0; attempt < 200; attempt++) {
            double dLat = random.nextGaussian() * spreadKm / KM_PER_DEGREE;
            double dLon = random.nextGaussian() * spreadKm / (KM_PER_DEGREE * Math.cos(Math.toRadians(lat)));
            double x = round6(lon + dLon);
            double y = round6(lat + dLat);
            if (contains(x, y)) {
                return new Coordinate(x, y);
            }
        }
        return new Coordinate(round6(fallback.x), round6(fallback.y));
    }

    boolean contains(double lon, double lat) {
        return inside.contains(DatasetFiles.WGS84.createPoint(new Coordinate(lon, lat)));
    }

    /** Coordinates are written with six decimals: test the rounded point, not the exact one. */
    private static double round6(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
