package org.jiuquan.grassroots.localdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * The optional daily backup of the private cluster (JIUQUAN_BACKUP_DIR): a dump each day at the set time,
 * named by date and time, keeping the newest JIUQUAN_BACKUP_KEEP. A failed backup is logged and leaves the
 * older ones in place. (A configured database is backed up by whoever runs it, or with the backup command.)
 */
@Component
@Conditional(NoDatabaseConfigured.class)
class DailyBackup {

    static final String PREFIX = "jiuquan-";
    static final String SUFFIX = ".dump";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Logger log = LoggerFactory.getLogger(DailyBackup.class);

    private final LocalPostgis cluster;
    private final String directory;
    private final int keep;
    private final LocalTime at;
    private final String binDir;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "daily-backup");
        thread.setDaemon(true);
        return thread;
    });

    DailyBackup(LocalPostgis cluster, @Value("${jiuquan.backup.dir:}") String directory,
                @Value("${jiuquan.backup.keep:7}") int keep, @Value("${jiuquan.backup.time:02:30}") LocalTime at,
                @Value("${jiuquan.localdb.bin-dir:}") String binDir, Clock clock) {
        this.cluster = cluster;
        this.directory = directory;
        this.keep = Math.max(1, keep);
        this.at = at;
        this.binDir = binDir;
        this.clock = clock;
    }

    @PostConstruct
    void schedule() {
        if (directory.isBlank()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDateTime next = now.toLocalDate().atTime(at);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        scheduler.scheduleAtFixedRate(this::runQuietly, Duration.between(now, next).toMillis(),
                TimeUnit.DAYS.toMillis(1), TimeUnit.MILLISECONDS);
        log.info("Daily backup of the private cluster at {} into {}, keeping the newest {}", at, directory, keep);
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.error("Daily backup failed (older backups are kept): {}", e.getMessage());
        }
    }

    /** Takes one backup now and removes the oldest beyond the number to keep; returns the new file. */
    Path runOnce() {
        Path dir = Path.of(directory);
        Path file = dir.resolve(PREFIX + LocalDateTime.now(clock).format(NAME) + SUFFIX);
        long started = System.nanoTime();
        DatabaseDump.using(binDir.isBlank() ? null : Path.of(binDir)).backup(DatabaseDump.Target.of(cluster), file);
        log.info("Daily backup written: {} ({} bytes, {} ms)", file, file.toFile().length(), (System.nanoTime() - started) / 1_000_000);
        try (Stream<Path> files = Files.list(dir)) {
            // The names sort by time: everything after the newest `keep` goes.
            List<Path> backups = files.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                            && p.getFileName().toString().endsWith(SUFFIX))
                    .sorted(java.util.Comparator.comparing(Path::toString).reversed()).toList();
            for (Path old : backups.subList(Math.min(keep, backups.size()), backups.size())) {
                Files.deleteIfExists(old);
                log.info("Removed old backup {}", old);
            }
        } catch (IOException e) {
            log.warn("Could not remove old backups in {}: {}", dir, e.getMessage());
        }
        return file;
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
