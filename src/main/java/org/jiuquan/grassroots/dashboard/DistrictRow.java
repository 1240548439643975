package org.jiuquan.grassroots.dashboard;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** One row of the district table: the mapped indicator's value, rank and change, and the filtered count. */
record DistrictRow(String code, String name, BigDecimal value, int rank, @Nullable BigDecimal change, long matching) {
}
