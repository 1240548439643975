package org.jiuquan.grassroots.localdb;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Finds the PostgreSQL server programs and the PostGIS extension on this machine.
 * Debian keeps them under /usr/lib/postgresql/VERSION/bin and /usr/share/postgresql/VERSION/extension;
 * a configured directory wins.
 */
record PostgresBinaries(Path binDir, Path extensionDir) {

    static final String INSTALL_HINT =
            "apt-get install postgresql-15 postgresql-15-postgis-3";

    Path program(String name) {
        return binDir.resolve(name);
    }

    /** Looks in {@code configured} first, then in Debian's versioned directories, newest first. */
    static PostgresBinaries locate(@Nullable Path configured) {
        List<Path> candidates = configured != null ? List.of(configured) : debianBinDirs();
        Path binDir = candidates.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                .findFirst()
                .orElseThrow(() -> new LocalDatabaseException(
                        "未找到 PostgreSQL 服务器程序 (initdb, pg_ctl) / PostgreSQL server programs not found: "
                                + INSTALL_HINT));
        Path extensionDir = extensionDirFor(binDir)
                .filter(dir -> Files.exists(dir.resolve("postgis.control")))
                .orElseThrow(() -> new LocalDatabaseException(
                        "未找到 PostGIS 扩展 / PostGIS extension not found for " + binDir + ": " + INSTALL_HINT));
        return new PostgresBinaries(binDir, extensionDir);
    }

    private static List<Path> debianBinDirs() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions
                    .sorted(Comparator.comparing(PostgresBinaries::majorVersion).reversed())
                    .map(version -> version.resolve("bin"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int majorVersion(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Debian: /usr/lib/postgresql/15/bin goes with /usr/share/postgresql/15/extension. */
    private static Optional<Path> extensionDirFor(Path binDir) {
        Path versionDir = binDir.toAbsolutePath().getParent();
        if (versionDir == null || versionDir.getFileName() == null) {
            return Optional.empty();
        }
        String version = versionDir.getFileName().toString();
        return Stream.of(
                        Path.of("/usr/share/postgresql", version, "extension"),
                        versionDir.resolve("share/extension"),
                        versionDir.resolve("share/postgresql/extension"))
                .filter(Files::isDirectory)
                .findFirst();
    }
}
