package org.jiuquan.grassroots.imports;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The coordinate system of a file's points, as the editor names it ({@code crs=}) or its .prj says.
 * Longitude/latitude in WGS 84 or CGCS2000 (the same at map scale), Web Mercator, and the CGCS2000
 * 3-degree Gauss-Krüger zones surveyors use (EPSG:4513-4554) are transformed by PostGIS; GCJ-02 (Gaode,
 * Tencent) and BD-09 (Baidu) are not datums PostGIS knows, and are converted by {@link ChinaOffsets}.
 */
record SourceCrs(String name, int srid, boolean gcj02, boolean bd09) {

    static final SourceCrs WGS84 = new SourceCrs("EPSG:4326", 4326, false, false);

    /** @throws ImportRefusal naming the value and the ones accepted */
    static SourceCrs parse(@Nullable String given) {
        if (given == null || given.isBlank()) {
            return WGS84;
        }
        String value = given.strip().toLowerCase(Locale.ROOT).replace("epsg:", "");
        return switch (value) {
            case "4326", "wgs84", "wgs-84" -> WGS84;
            case "4490", "cgcs2000" -> new SourceCrs("EPSG:4490", 4490, false, false);
            case "3857", "900913" -> new SourceCrs("EPSG:3857", 3857, false, false);
            case "gcj02", "gcj-02" -> new SourceCrs("GCJ-02", 4326, true, false);
            case "bd09", "bd-09" -> new SourceCrs("BD-09", 4326, false, true);
            default -> {
                if (value.matches("45[0-9]{2}")) {
                    int srid = Integer.parseInt(value);
                    if (srid >= 4513 && srid <= 4554) {
                        yield new SourceCrs("EPSG:" + srid, srid, false, false);
                    }
                }
                throw new ImportRefusal(org.springframework.http.HttpStatus.BAD_REQUEST, "import.bad-crs", given);
            }
        };
    }

    boolean projected() {
        return srid != 4326 && srid != 4490;
    }
}
