package org.jiuquan.grassroots.indicators;

import org.jspecify.annotations.Nullable;

/** An indicator's definition; see V3__indicators.sql for what the aggregations mean. */
public record Indicator(String code, String nameZh, String nameEn, String unitZh, String unitEn,
                        boolean higherIsBetter, String aggregation, @Nullable String numerator,
                        @Nullable String denominator, int decimals, String category) {
}
