package org.jiuquan.grassroots.indicators;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** A value of one indicator for one district, or for the whole city when districtCode is null. */
public record IndicatorValue(String indicatorCode, @Nullable String districtCode, String period, BigDecimal value) {
}
