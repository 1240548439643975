package org.jiuquan.grassroots.townships;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the townships' areas (table township_area, V55) built from the current data: before the layer is
 * served, a data version newer than the one the areas were built from rebuilds them, once, whichever app
 * instance asks first (an advisory lock keeps two instances from building at the same time).
 */
@Component
public class TownshipAreas {

    static final String CURRENT = """
            SELECT coalesce((SELECT data_version FROM township_area_built) = (SELECT version FROM data_version), false)""";
    /** Any fixed number: the lock only has to be the same in every instance. */
    static final String LOCK = "SELECT pg_advisory_xact_lock(55055)";
    static final String REFRESH = "SELECT refresh_township_areas()";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public TownshipAreas(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Rebuilds the areas if the data changed since they were built; a lookup otherwise. */
    public void ensureCurrent() {
        if (current()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            jdbc.sql(LOCK).query((rs, row) -> 1).list();
            if (!current()) {
                jdbc.sql(REFRESH).query((rs, row) -> 1).list();
            }
        });
    }

    private boolean current() {
        return Boolean.TRUE.equals(jdbc.sql(CURRENT).query(Boolean.class).single());
    }
}
