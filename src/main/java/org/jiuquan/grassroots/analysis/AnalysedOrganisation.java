package org.jiuquan.grassroots.analysis;

import org.jspecify.annotations.Nullable;

/**
 * A village or community grid branch as every analysis reports it: what the table, the files and the map need
 * to name and place it (lon/lat, WGS 84).
 */
public record AnalysedOrganisation(String code, String nameZh, String kind, String districtCode,
                                   double fortressIndex, @Nullable String status, double lon, double lat) {
}
