package org.jiuquan.grassroots.imports;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One organisation row as it goes into the staging table. Kind and district follow from the 12-digit
 * code; a null field keeps the live value when the code already exists. x/y are the file's coordinates,
 * lon/lat the same point in WGS 84 once converted.
 */
record StagedRow(int rowNo, @Nullable String sheet, String code, String kind, String districtCode,
                 @Nullable String name, @Nullable String township, @Nullable BigDecimal fortressIndex,
                 @Nullable String status, @Nullable LocalDate statusSince, @Nullable Double x, @Nullable Double y,
                 @Nullable Double lon, @Nullable Double lat) {

    StagedRow at(@Nullable Double newLon, @Nullable Double newLat) {
        return new StagedRow(rowNo, sheet, code, kind, districtCode, name, township, fortressIndex, status,
                statusSince, x, y, newLon, newLat);
    }

    boolean hasPoint() {
        return x != null && y != null;
    }
}
