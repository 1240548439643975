package org.jiuquan.grassroots.cluster;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jiuquan.grassroots.datachanges.DataChanged;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where read-only map traffic (OGC items and vector tiles) is answered: a PostgreSQL streaming replica when one
 * is configured ({@code JIUQUAN_DB_READ_URL}), up, and current; the primary otherwise. Writes never come here.
 *
 * <p>"Current" is measured in the app's own data version (V20, V23), which the replica replays like any row:
 * the replica serves only while it has replayed the primary's latest change, so a map never shows data older
 * than the last change (the lag bound is zero changes; WAL for audit rows and sessions does not count). A change
 * announced by the primary ({@link DataChanged}) sends reads to the primary at once, until the replica is seen
 * to have replayed it. Both are checked every half second; a replica that does not answer is left alone until
 * it answers again.
 */
@Component
public class ReadDatabase implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadDatabase.class);
    private static final String VERSION = "SELECT version FROM data_version";
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);
    /** The primary's version is not known (start, or announcements may have been missed). */
    private static final long UNKNOWN = Long.MAX_VALUE;

    private final JdbcClient primary;
    private final @Nullable HikariDataSource replicaSource;
    private final @Nullable JdbcClient replica;
    private final @Nullable ScheduledExecutorService checker;
    private final AtomicLong primaryVersion = new AtomicLong(UNKNOWN);
    private volatile long replicaVersion = -1;
    private volatile boolean replicaUp;

    ReadDatabase(JdbcClient primary, @Value("${jiuquan.db.read-url}") String url,
                 @Value("${jiuquan.db.read-user}") String user, @Value("${jiuquan.db.read-password}") String password) {
        this.primary = primary;
        if (url.isBlank()) {
            replicaSource = null;
            replica = null;
            checker = null;
            return;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setReadOnly(true);
        config.setPoolName("replica");
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(2000);
        // The replica may be down when the app starts: reads use the primary until it answers.
        config.setInitializationFailTimeout(-1);
        config.setConnectionInitSql("SET max_parallel_workers_per_gather = 0");
        replicaSource = new HikariDataSource(config);
        replica = JdbcClient.create(replicaSource);
        checker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("replica-check").factory());
        checker.scheduleWithFixedDelay(this::check, 0, CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Map reads go to the replica at {} while it has replayed the latest change", url);
    }

    /**
     * Runs a read-only piece of work on one database: the replica if it serves now, else the primary. When the
     * replica fails to give a connection (it went down since the last check: a connection refused or broken), the work runs again on the
     * primary and the replica is left alone until it answers a check.
     */
    public <T> T read(Function<JdbcClient, T> work) {
        if (replica == null || !replicaServes()) {
            return work.apply(primary);
        }
        try {
            return work.apply(replica);
        } catch (DataAccessResourceFailureException | TransientDataAccessResourceException e) {
            if (replicaUp) {
                log.warn("The replica does not answer ({}); map reads use the primary", e.getMessage());
            }
            replicaUp = false;
            return work.apply(primary);
        }
    }

    /** Whether reads go to the replica at this moment (false when none is configured). */
    public boolean replicaServes() {
        return replica != null && replicaUp && replicaVersion >= primaryVersion.get();
    }

    /** A change announced by the primary: the replica serves again only once it has replayed it. */
    @EventListener
    void dataChanged(DataChanged change) {
        if (change.version() < 0) {
            primaryVersion.set(UNKNOWN);
        } else {
            primaryVersion.accumulateAndGet(change.version(), (known, announced) -> known == UNKNOWN ? UNKNOWN : Math.max(known, announced));
        }
    }

    private void check() {
        long onPrimary;
        try {
            onPrimary = primary.sql(VERSION).query(Long.class).single();
        } catch (RuntimeException e) {
            return; // the primary is down: nothing to compare with (writes fail anyway)
        }
        // Versions only grow: an announcement heard since the query above is not undone by it.
        primaryVersion.accumulateAndGet(onPrimary, (known, read) -> known == UNKNOWN ? read : Math.max(known, read));
        try {
            replicaVersion = Objects.requireNonNull(replica).sql(VERSION).query(Long.class).single();
            if (!replicaUp) {
                log.info("The replica answers; map reads use it while it is current");
            }
            replicaUp = true;
        } catch (RuntimeException e) {
            if (replicaUp) {
                log.warn("The replica does not answer ({}); map reads use the primary", e.getMessage());
            }
            replicaUp = false;
        }
    }

    @Override
    public void destroy() {
        if (checker != null) {
            checker.shutdownNow();
        }
        if (replicaSource != null) {
            replicaSource.close();
        }
    }
}
