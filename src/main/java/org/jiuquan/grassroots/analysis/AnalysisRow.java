package org.jiuquan.grassroots.analysis;

import org.jspecify.annotations.Nullable;

/**
 * One organisation in an analysis result, as the table and the exports show it.
 *
 * @param result the analysis' own value: cluster number, Gi* z-score, or distance to the nearest contact
 *               point in metres
 * @param detail more of it: the spot (hot, cold, none) of a hot-spot run, or the nearest leader
 * @param confidence a hot or cold spot's confidence in percent (90, 95, 99); 0 otherwise
 */
public record AnalysisRow(String code, String nameZh, String kind, String districtCode, double fortressIndex,
                          @Nullable String status, double lon, double lat, @Nullable Double result,
                          String detail, int confidence) {

    static AnalysisRow of(AnalysedOrganisation o, @Nullable Double result, String detail, int confidence) {
        return new AnalysisRow(o.code(), o.nameZh(), o.kind(), o.districtCode(), o.fortressIndex(), o.status(), o.lon(),
                o.lat(), result, detail, confidence);
    }
}
