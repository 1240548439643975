package org.jiuquan.grassroots.analysis;

import org.jspecify.annotations.Nullable;

/**
 * One organisation in an analysis result, as the table and the exports show it.
 *
 * @param result the analysis' own value: cluster number, Gi* z-score, or distance to the nearest contact
 *               point in metres
 * @param detail more of it: significance and spot, or the nearest leader
 */
public record AnalysisRow(String code, String nameZh, String kind, String districtCode, double fortressIndex,
                          @Nullable String status, double lon, double lat, @Nullable Double result,
                          String detail) {
}
