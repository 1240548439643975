package org.jiuquan.grassroots.indicators;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A district's value of one indicator in a period, its rank among the seven (1 is best, by the
 * indicator's own sense of better), and the change since the previous quarter (null in the first).
 */
public record DistrictRanking(String indicatorCode, String districtCode, BigDecimal value, int rank,
                              @Nullable BigDecimal change) {
}
