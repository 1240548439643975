package org.jiuquan.grassroots.demodata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/** A whole dataset in memory, as it goes into PostGIS. Every point is synthetic; the outlines are real. */
public record Dataset(
        String name,
        int scale,
        String checksum,
        List<District> districts,
        List<Organisation> organisations,
        List<StatusChange> statusChanges,
        List<Leader> leaders,
        List<ContactPoint> contactPoints,
        List<Indicator> indicators,
        List<IndicatorValue> indicatorValues) {

    public record District(String code, String nameZh, String nameEn, String seatNameZh, String seatNameEn,
                           @Nullable String brandZh, @Nullable String brandEn, MultiPolygon outline, Point seat) {
    }

    /** @param fortressComponents the six component scores of {@link FortressIndex}, or empty when not given */
    public record Organisation(long id, @Nullable String code, String kind, String nameZh, @Nullable String townshipZh,
                               String districtCode, BigDecimal fortressIndex, String status, LocalDate statusSince,
                               double lon, double lat, List<BigDecimal> fortressComponents) {

        Organisation withFortress(BigDecimal index, List<BigDecimal> components) {
            return new Organisation(id, code, kind, nameZh, townshipZh, districtCode, index, status, statusSince, lon,
                    lat, components);
        }

        Organisation withStatus(BigDecimal index, String newStatus, LocalDate since) {
            return new Organisation(id, code, kind, nameZh, townshipZh, districtCode, index, newStatus, since, lon,
                    lat, fortressComponents);
        }
    }

    public record StatusChange(long organisationId, LocalDate validFrom, String status) {
    }

    public record Leader(long id, String nameZh, String level, String titleZh, @Nullable String districtCode,
                         String phone) {
    }

    public record ContactPoint(long id, long leaderId, long organisationId, LocalDate establishedOn) {
    }

    public record Indicator(String code, String nameZh, String nameEn, String unitZh, String unitEn,
                            boolean higherIsBetter, String aggregation, @Nullable String numerator,
                            @Nullable String denominator, BigDecimal factor, int decimals, String category,
                            int sortOrder) {
    }

    public record IndicatorValue(String indicatorCode, String districtCode, String period, BigDecimal value) {
    }

    public static final List<String> PERIODS = List.of("2017Q1", "2017Q2", "2017Q3", "2017Q4");
}
