package org.jiuquan.grassroots.drilldown;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One township of a district for a quarter: its organisations, how many of them are weak or being rectified
 * at the quarter's end, and their mean fortress index (null when it has none).
 */
public record TownshipSummary(String code, String nameZh, long organisations, long villages, long gridBranches,
                              long weak, long rectifying, @Nullable BigDecimal fortressIndexMean) {

    /** Weak or being rectified: the organisations a planner looks for. */
    public long weakOpen() {
        return weak + rectifying;
    }
}
