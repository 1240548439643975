package org.jiuquan.grassroots.availability;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks the connection pool, off any request thread, whether the database answers again, and tells
 * whoever waits for it. One small scheduler for the whole app; each waiting page adds two checks a second.
 */
@Component
class DatabaseProbe {

    static final long CHECK_EVERY_MS = 500;
    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-probe");
        thread.setDaemon(true);
        return thread;
    });

    DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean answers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Runs {@code back} once the database answers (checked twice a second); {@code back} returns false when
     * nobody is waiting any more (the page was closed), which also ends the checks.
     */
    void whenBack(java.util.function.BooleanSupplier back) {
        AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
        task.set(scheduler.scheduleWithFixedDelay(() -> {
            if (answers()) {
                try {
                    if (!back.getAsBoolean()) {
                        log.debug("The database is back, but the page that waited for it is closed");
                    }
                } catch (RuntimeException e) {
                    log.debug("A page waiting for the database could not be restored: {}", e.getMessage());
                }
                // Set long before the first check runs, which starts CHECK_EVERY_MS later.
                Objects.requireNonNull(task.get(), "task").cancel(false);
            }
        }, CHECK_EVERY_MS, CHECK_EVERY_MS, TimeUnit.MILLISECONDS));
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
