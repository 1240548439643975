package org.jiuquan.grassroots.audit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A filter over the audit trail; null parts match everything. Days are whole days in China Standard Time.
 *
 * @param actor  exact username
 * @param action an action code or its area ("export" matches every export)
 * @param limit  at most this many rows, newest first
 */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable LocalDate from,
                         @Nullable LocalDate to, int limit) {

    public static final int MAX_ROWS = 100_000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_ROWS) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_ROWS);
        }
    }
}
