package org.jiuquan.grassroots.analysis;

import org.jiuquan.grassroots.web.ApiProblem;
import org.jspecify.annotations.Nullable;

/**
 * What the table keeps of an analysis result: a district, a kind, a status, an index range, and an area
 * drawn on the map (lon/lat box). Null means no condition.
 */
public record AnalysisFilter(@Nullable String district, @Nullable String kind, @Nullable String status,
                             @Nullable Double minIndex, @Nullable Double maxIndex, double @Nullable [] bbox) {

    public static final AnalysisFilter NONE = new AnalysisFilter(null, null, null, null, null, null);

    static final java.util.List<String> DISTRICTS = java.util.List.of("620902", "620921", "620922", "620923", "620924",
            "620981", "620982");

    /** Checks each condition; a bad one is a 400 problem naming it. */
    public static AnalysisFilter of(@Nullable String district, @Nullable String kind, @Nullable String status,
                                    @Nullable Double minIndex, @Nullable Double maxIndex, @Nullable String bbox) {
        if (district != null && !DISTRICTS.contains(district)) {
            throw ApiProblem.badRequest("problem.bad-filter", "district", district, String.join(", ", DISTRICTS));
        }
        if (kind != null && !kind.equals("village") && !kind.equals("grid_branch")) {
            throw ApiProblem.badRequest("problem.bad-filter", "org_kind", kind, "village, grid_branch");
        }
        if (status != null && !java.util.List.of("normal", "weak", "rectifying", "rectified").contains(status)) {
            throw ApiProblem.badRequest("problem.bad-filter", "status", status, "normal, weak, rectifying, rectified");
        }
        boolean badRange = (minIndex != null && (minIndex < 0 || minIndex > 100))
                || (maxIndex != null && (maxIndex < 0 || maxIndex > 100))
                || (minIndex != null && maxIndex != null && minIndex > maxIndex);
        if (badRange) {
            throw ApiProblem.badRequest("problem.bad-index-range");
        }
        return new AnalysisFilter(district, kind, status, minIndex, maxIndex, bbox == null ? null : box(bbox));
    }

    private static double[] box(String text) {
        String[] parts = text.split(",", -1);
        try {
            if (parts.length == 4) {
                double[] box = new double[4];
                for (int i = 0; i < 4; i++) {
                    box[i] = Double.parseDouble(parts[i].strip());
                }
                if (box[0] <= box[2] && box[1] <= box[3] && box[0] >= -180 && box[2] <= 180 && box[1] >= -90
                        && box[3] <= 90) {
                    return box;
                }
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw ApiProblem.badRequest("problem.bad-bbox", text);
    }

    boolean keeps(AnalysisRow row) {
        return (district == null || district.equals(row.districtCode()))
                && (kind == null || kind.equals(row.kind()))
                && (status == null || status.equals(row.status()))
                && (minIndex == null || row.fortressIndex() >= minIndex)
                && (maxIndex == null || row.fortressIndex() <= maxIndex)
                && (bbox == null || (row.lon() >= bbox[0] && row.lon() <= bbox[2] && row.lat() >= bbox[1]
                        && row.lat() <= bbox[3]));
    }
}
