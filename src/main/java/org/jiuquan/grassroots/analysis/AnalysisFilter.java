package org.jiuquan.grassroots.analysis;

import org.jiuquan.grassroots.geo.Bbox;
import org.jiuquan.grassroots.vocabulary.OrganisationKind;
import org.jiuquan.grassroots.vocabulary.OrganisationStatus;
import org.jiuquan.grassroots.web.ApiProblem;
import org.jiuquan.grassroots.web.QueryParameters;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.jspecify.annotations.Nullable;

/**
 * What the table keeps of an analysis result: a district, a kind, a status, an index range, and an area
 * drawn on the map (lon/lat box). Null means no condition.
 */
public record AnalysisFilter(@Nullable String district, @Nullable String kind, @Nullable String status,
                             @Nullable Double minIndex, @Nullable Double maxIndex, @Nullable Bbox bbox,
                             @Nullable PreparedGeometry area) {

    public static final AnalysisFilter NONE = new AnalysisFilter(null, null, null, null, null, null, null);
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    /** A drawn outline (closed ring of lon/lat) as an area the filter can test points against. */
    public static @Nullable PreparedGeometry area(double @Nullable [][] ring) {
        if (ring == null) {
            return null;
        }
        if (ring.length < 4) {
            throw ApiProblem.badRequest("problem.bad-area");
        }
        Coordinate[] coordinates = new Coordinate[ring.length];
        for (int i = 0; i < ring.length; i++) {
            coordinates[i] = new Coordinate(ring[i][0], ring[i][1]);
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw ApiProblem.badRequest("problem.bad-area");
        }
        var polygon = WGS84.createPolygon(coordinates);
        if (!polygon.isValid()) {
            throw ApiProblem.badRequest("problem.bad-area");
        }
        return PreparedGeometryFactory.prepare(polygon);
    }

    /** "lon lat;lon lat;..." as in export links. */
    static double @Nullable [][] ring(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String[] corners = text.split(";");
            double[][] ring = new double[corners.length][];
            for (int i = 0; i < corners.length; i++) {
                String[] xy = corners[i].strip().split("\\s+");
                ring[i] = new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
            }
            return ring;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw ApiProblem.badRequest("problem.bad-area");
        }
    }

    static String ringText(double[][] ring) {
        StringBuilder text = new StringBuilder();
        for (double[] corner : ring) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(corner[0]).append(' ').append(corner[1]);
        }
        return text.toString();
    }

    static final java.util.List<String> DISTRICTS = java.util.List.of("620902", "620921", "620922", "620923", "620924",
            "620981", "620982");

    /** Checks each condition; a bad one is a 400 problem naming it. */
    public static AnalysisFilter of(@Nullable String district, @Nullable String kind, @Nullable String status,
                                    @Nullable Double minIndex, @Nullable Double maxIndex, @Nullable String bbox,
                                    @Nullable String area) {
        if (district != null && !DISTRICTS.contains(district)) {
            throw ApiProblem.badRequest("problem.bad-filter", "district", district, String.join(", ", DISTRICTS));
        }
        if (kind != null && !OrganisationKind.BRANCH_CODES.contains(kind)) {
            throw ApiProblem.badRequest("problem.bad-filter", "org_kind", kind, String.join(", ", OrganisationKind.BRANCH_CODES));
        }
        if (status != null && !OrganisationStatus.CODES.contains(status)) {
            throw ApiProblem.badRequest("problem.bad-filter", "status", status, OrganisationStatus.listed());
        }
        boolean badRange = (minIndex != null && (minIndex < 0 || minIndex > 100))
                || (maxIndex != null && (maxIndex < 0 || maxIndex > 100))
                || (minIndex != null && maxIndex != null && minIndex > maxIndex);
        if (badRange) {
            throw ApiProblem.badRequest("problem.bad-index-range");
        }
        return new AnalysisFilter(district, kind, status, minIndex, maxIndex, bbox == null ? null : QueryParameters.bbox(bbox),
                area(ring(area)));
    }

    /** Every condition but the drawn area, which PostGIS tests (AnalysisService.rows, ST_Covers). */
    boolean keeps(AnalysisRow row) {
        return (district == null || district.equals(row.districtCode()))
                && (kind == null || kind.equals(row.kind()))
                && (status == null || status.equals(row.status()))
                && (minIndex == null || row.fortressIndex() >= minIndex)
                && (maxIndex == null || row.fortressIndex() <= maxIndex)
                && (bbox == null || bbox.covers(row.lon(), row.lat()));
    }
}
