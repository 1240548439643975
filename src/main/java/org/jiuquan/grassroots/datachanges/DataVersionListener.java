package org.jiuquan.grassroots.datachanges;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens for the data_version notification that every change to the data sends (the V23 and V50
 * triggers), on one pooled connection of its own, and counts generations: the generation moves on with
 * each notification and each time listening (re)starts. While not listening (the database is away,
 * or before start) the generation is {@link #UNKNOWN}, and caches must not trust anything they hold.
 *
 * <p>The same connection hears {@code accounts} (V33: a user or an API token changed). Both are published as
 * application events ({@link DataChanged}, {@link AccountsChanged}), so every instance sharing the database
 * hears every change, whichever instance made it; after listening (re)starts both are published, because
 * announcements made meanwhile are lost.
 */
@Component
public class DataVersionListener implements SmartLifecycle {

    public static final long UNKNOWN = -1;
    static final String DATA_CHANNEL = "data_version";
    static final String ACCOUNTS_CHANNEL = "accounts";

    private static final Logger log = LoggerFactory.getLogger(DataVersionListener.class);
    private static final int POLL_MS = 500;
    private static final long RETRY_MS = 1000;

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final AtomicLong generation = new AtomicLong(UNKNOWN);
    private volatile boolean running;
    private @Nullable Thread thread;
    private long lastGeneration;

    DataVersionListener(DataSource dataSource, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    /** The current generation, or {@link #UNKNOWN} while changes cannot be heard. */
    public long generation() {
        return generation.get();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("data-version-listener").start(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        generation.set(UNKNOWN);
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
            try {
                // It notices within one poll; the pool must not close under it.
                listening.join(POLL_MS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + DATA_CHANNEL);
                statement.execute("LISTEN " + ACCOUNTS_CHANNEL);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                // Anything cached before now was read while nobody listened: a new generation drops it.
                generation.set(++lastGeneration);
                events.publishEvent(new DataChanged(DataChanged.UNKNOWN_VERSION));
                events.publishEvent(new AccountsChanged());
                while (running) {
                    PGNotification[] arrived = notifications.getNotifications(POLL_MS);
                    if (arrived != null && arrived.length > 0) {
                        generation.set(++lastGeneration);
                        for (PGNotification notification : arrived) {
                            publish(notification);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                generation.set(UNKNOWN);
                if (running) {
                    log.debug("Not hearing data changes ({}); caches are bypassed until the database answers",
                            e.getMessage());
                    pause();
                }
            }
        }
    }

    private void publish(PGNotification notification) {
        if (ACCOUNTS_CHANNEL.equals(notification.getName())) {
            events.publishEvent(new AccountsChanged());
            return;
        }
        long version;
        try {
            version = Long.parseLong(notification.getParameter());
        } catch (NumberFormatException e) {
            version = DataChanged.UNKNOWN_VERSION;
        }
        events.publishEvent(new DataChanged(version));
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
