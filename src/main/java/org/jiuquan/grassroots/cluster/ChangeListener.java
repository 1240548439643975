package org.jiuquan.grassroots.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

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
 * Listens on one database connection of its own for the announcements the triggers make (V23:
 * {@code data_version}; V33: {@code accounts}) and publishes them as {@link DataChanged} and
 * {@link AccountsChanged}. Every instance sharing the database hears every change, whichever instance made it.
 * When the connection breaks (the database restarts), it reconnects every few seconds and then publishes
 * both events, because announcements made meanwhile are lost.
 */
@Component
class ChangeListener implements SmartLifecycle {

    static final String DATA_CHANNEL = "data_version";
    static final String ACCOUNTS_CHANNEL = "accounts";
    private static final Duration WAIT = Duration.ofSeconds(1);
    private static final Duration RECONNECT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(ChangeListener.class);

    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private volatile boolean running;
    private @Nullable Thread thread;

    ChangeListener(DataSource dataSource, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("database-change-listener").start(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean reconnected = false;
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + DATA_CHANNEL);
                statement.execute("LISTEN " + ACCOUNTS_CHANNEL);
                if (reconnected) {
                    log.info("Listening for database changes again; caches are cleared");
                    events.publishEvent(new DataChanged(-1));
                    events.publishEvent(new AccountsChanged());
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications((int) WAIT.toMillis());
                    for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                        publish(notification);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("Not listening for database changes ({}); retrying in {} s", e.getMessage(), RECONNECT.toSeconds());
                    reconnected = true;
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
            version = -1;
        }
        events.publishEvent(new DataChanged(version));
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
