package org.jiuquan.grassroots.townships;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jiuquan.grassroots.datachanges.DataChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the townships' areas (table township_area, V55) fitting the data, off the request path: triggers
 * (V60) log which districts' areas a change made stale (an organisation added, removed or moved; a boundary
 * loaded; never a status change), and after every data change this rebuilds those districts one at a time
 * on a thread of its own. Requests read township_area as it is: the previous areas until a district's new
 * ones are committed. An advisory lock keeps two app instances from building the same thing at once; the
 * one that does not get it hears the other's commit (it moves the data version) and finds nothing left.
 */
@Component
public class TownshipAreas implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TownshipAreas.class);

    static final String PENDING = "SELECT EXISTS (SELECT 1 FROM township_area_change)";
    /** Any fixed number: the lock only has to be the same in every instance. */
    static final String TRY_LOCK = "SELECT pg_try_advisory_xact_lock(55055)";
    /**
     * Rebuilds the first stale district with the change rows seen now (V60); no row when none is stale.
     * Changes recorded while it builds are later rows, left for the next round.
     */
    static final String REBUILD_NEXT = """
            SELECT c.district_code, refresh_township_areas(c.district_code, c.ids)
            FROM (SELECT district_code, array_agg(id) AS ids FROM township_area_change
                  WHERE district_code = (SELECT min(district_code) FROM township_area_change)
                  GROUP BY district_code) c""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("township-areas").factory());
    /** A round is queued and has not started: further changes need no other round. */
    private final AtomicBoolean queued = new AtomicBoolean();

    public TownshipAreas(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Any data change, heard from this instance or another (NOTIFY data_version), may have made areas stale. */
    @EventListener
    void dataChanged(DataChanged change) {
        rebuildInBackground();
    }

    /** Queues a round of rebuilding unless one is already waiting to start; returns at once. */
    public void rebuildInBackground() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                rebuildStale();
            });
        }
    }

    /** Whether every district's areas fit the data (no change is waiting to be rebuilt). */
    public boolean current() {
        return !Boolean.TRUE.equals(jdbc.sql(PENDING).query(Boolean.class).single());
    }

    /** Rebuilds the stale districts one transaction each, until none is left or another instance holds the lock. */
    void rebuildStale() {
        try {
            while (true) {
                Boolean rebuilt = transaction.execute(status -> {
                    if (!Boolean.TRUE.equals(jdbc.sql(TRY_LOCK).query(Boolean.class).single())) {
                        return false;
                    }
                    List<String> districts = jdbc.sql(REBUILD_NEXT).query((rs, row) -> rs.getString(1)).list();
                    if (!districts.isEmpty()) {
                        log.debug("Rebuilt the township areas of district {}", districts.getFirst());
                    }
                    return !districts.isEmpty();
                });
                if (!Boolean.TRUE.equals(rebuilt)) {
                    return;
                }
            }
        } catch (DataAccessException | TransactionException | IllegalStateException e) {
            // A dataset load may delete the district under the rebuild, or the database may be away (or closing
            // at shut-down, when the rollback itself fails): the next data change, or the next start, starts
            // another round, and the previous areas stay meanwhile.
            log.warn("Township areas not rebuilt this time: {}", e.getMessage());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
