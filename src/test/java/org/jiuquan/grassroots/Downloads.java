package org.jiuquan.grassroots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.openqa.selenium.support.ui.FluentWait;

/**
 * The files a test browser saved into its download directory ({@link Browser#downloadingTo}). Each call
 * takes the one finished file out of the directory, so the next click's file is never confused with it.
 */
public final class Downloads {

    private final Path directory;

    public Downloads(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Waits until the browser has finished writing a file, returns its bytes and removes it. */
    public Download next() {
        Path file = new FluentWait<>(directory).withTimeout(Duration.ofSeconds(60))
                .pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "no finished download in " + directory)
                .until(dir -> finished(dir).orElse(null));
        try {
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return new Download(file.getFileName().toString(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> finished(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".crdownload"))
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> {
                        try {
                            return Files.size(f) > 0;
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file as it arrived: the name the browser gave it and its bytes. */
    public record Download(String name, byte[] bytes) {
    }
}
