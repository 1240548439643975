package org.jiuquan.grassroots.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs PostgreSQL's programs for a test, as the postgres user when the tests run as root (as LocalPostgis does). */
final class PostgresPrograms {

    private static final boolean AS_POSTGRES = "root".equals(System.getProperty("user.name"));

    private PostgresPrograms() {
    }

    static Path program(String name) throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.max(Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString())))
                    .orElseThrow().resolve("bin").resolve(name);
        }
    }

    /** A directory the server's user owns. */
    static void own(Path directory) throws IOException, InterruptedException {
        if (AS_POSTGRES) {
            run(List.of("chown", "postgres:", directory.toString()), Map.of());
        }
    }

    static void run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (AS_POSTGRES && !command.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("jiuquan-pg", ".log");
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + Files.readString(output, StandardCharsets.UTF_8));
        }
        Files.deleteIfExists(output);
    }
}
