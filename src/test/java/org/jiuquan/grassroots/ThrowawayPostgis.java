package org.jiuquan.grassroots;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the app's local PostGIS at a fresh temporary directory, removed when the test JVM exits (after
 * Spring has stopped the server).
 */
public class ThrowawayPostgis implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static Path directory;

    public static synchronized Path directory() {
        if (directory == null) {
            directory = newDirectory("jiuquan-it-");
        }
        return directory;
    }

    /** A fresh directory under the system temp dir, deleted at JVM exit once no server holds it. */
    public static Path newDirectory(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteWhenStopped(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("throwaway-postgis",
                Map.of("jiuquan.localdb.dir", directory().toString())));
    }

    private static void deleteWhenStopped(Path dir) {
        Path pid = dir.resolve("pgdata").resolve("postmaster.pid");
        try {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> !Files.exists(pid));
        } catch (ConditionTimeoutException e) {
            // Still running: delete what can be deleted anyway.
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover directory in the temp dir harms nothing.
        }
    }
}
