package org.jiuquan.grassroots.localdb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private PostgreSQL + PostGIS cluster in a directory of ours, on a free loopback port.
 *
 * <p>Layout of {@code baseDir}: {@code password} (the superuser's, readable by us only) and {@code pgdata/}
 * (the cluster, mode 700). When we run as root the cluster belongs to the {@code postgres} system user,
 * because initdb and postgres refuse to run as root.
 *
 * <p>After a crash two things can be left behind, and both are handled on the next start: a
 * {@code postmaster.pid} whose process is gone (removed), and a server that outlived us (adopted: we
 * connect to it and stop it on shutdown like our own).
 */
public final class LocalPostgis implements AutoCloseable {

    static final String DATABASE = "jiuquan";
    static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(LocalPostgis.class);
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path baseDir;
    private final Path dataDir;
    private final PostgresBinaries binaries;
    private final boolean runAsPostgresUser;
    private int port;
    private @Nullable String password;
    private boolean running;
    private boolean adopted;

    private LocalPostgis(Path baseDir, PostgresBinaries binaries) {
        this.baseDir = baseDir.toAbsolutePath();
        this.dataDir = this.baseDir.resolve("pgdata");
        this.binaries = binaries;
        this.runAsPostgresUser = "root".equals(System.getProperty("user.name"));
    }

    /** Checks the binaries at once, so a missing install fails before anything is written. */
    public static LocalPostgis in(Path baseDir, @Nullable Path configuredBinDir) {
        return new LocalPostgis(baseDir, PostgresBinaries.locate(configuredBinDir));
    }

    /** Default home of the cluster: the user's data directory, or /var/lib for root (postgres cannot enter /root). */
    public static Path defaultBaseDir() {
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/var/lib/jiuquan-grassroots");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path dataHome = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return dataHome.resolve("jiuquan-grassroots");
    }

    /** Initialises the cluster if needed, starts or adopts the server, and makes sure the database has PostGIS. */
    public synchronized LocalPostgis start() {
        if (running) {
            return this;
        }
        try {
            prepareBaseDir();
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                initialiseCluster();
            }
            password = Files.readString(baseDir.resolve("password"), StandardCharsets.UTF_8).strip();
            Optional<Integer> survivor = portOfLiveServer();
            if (survivor.isPresent()) {
                port = survivor.get();
                adopted = true;
                log.info("Adopting the PostGIS server left running on port {} ({})", port, dataDir);
            } else {
                adopted = false;
                removeStalePidFile();
                // After a stop, come back on the same port, so pooled clients reconnect by themselves.
                port = port != 0 && portIsFree(port) ? port : freeLoopbackPort();
                startServer();
            }
            running = true;
            createDatabaseWithPostgis();
            log.info("Local PostGIS ready at {}", jdbcUrl());
            return this;
        } catch (IOException | SQLException e) {
            throw new LocalDatabaseException("本地 PostGIS 启动失败 / local PostGIS failed to start: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        if (password == null) {
            throw new IllegalStateException("the local cluster has not been started");
        }
        return password;
    }

    /** Whether start() found the server already running (left by a crash, or run by the app while a command runs). */
    public boolean adopted() {
        return adopted;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server (fast shutdown: open sessions are ended, data is flushed). */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            run(List.of(binaries.program("pg_ctl").toString(), "stop", "-D", dataDir.toString(), "-m", "fast", "-w"));
            log.info("Local PostGIS stopped");
        } catch (IOException | LocalDatabaseException e) {
            log.warn("Could not stop the local PostGIS server cleanly: {}", e.getMessage());
        }
    }

    /**
     * Stops the server the way a crash or a pulled plug would (immediate shutdown: no checkpoint, open
     * sessions cut; the next start recovers from the WAL). For outage drills and tests; {@link #start()}
     * brings it back on the same port.
     */
    public synchronized void stopImmediately() {
        running = false;
        try {
            run(List.of(binaries.program("pg_ctl").toString(), "stop", "-D", dataDir.toString(), "-m", "immediate", "-w"));
            log.warn("Local PostGIS stopped (immediate)");
        } catch (IOException e) {
            throw new LocalDatabaseException("pg_ctl stop failed: " + e.getMessage(), e);
        }
    }

    private static boolean portIsFree(int candidate) {
        try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void prepareBaseDir() throws IOException {
        Files.createDirectories(baseDir);
        if (runAsPostgresUser) {
            // The postgres user must be able to pass through our directory to reach pgdata.
            Files.setPosixFilePermissions(baseDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private void initialiseCluster() throws IOException {
        log.info("Creating a private PostGIS cluster in {}", dataDir);
        Path passwordFile = baseDir.resolve("password");
        String newPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Files.writeString(passwordFile, newPassword + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));

        // A half-made cluster from an interrupted initdb is worthless: start again from nothing.
        deleteRecursively(dataDir);
        Path pwfile = Files.createTempFile("jiuquan-pw", ".txt");
        try {
            Files.writeString(pwfile, newPassword + "\n", StandardCharsets.UTF_8);
            if (runAsPostgresUser) {
                run(List.of("chown", SUPERUSER, pwfile.toString()));
                Files.createDirectories(dataDir);
                run(List.of("chown", SUPERUSER + ":", dataDir.toString()));
            }
            run(List.of(binaries.program("initdb").toString(), "-D", dataDir.toString(),
                    "-U", SUPERUSER, "--pwfile=" + pwfile, "--auth=scram-sha-256",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"));
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /** The port of a server still running on our data directory (one that outlived a crashed app), if any. */
    private Optional<Integer> portOfLiveServer() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.size() < 4) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).strip());
            int filePort = Integer.parseInt(lines.get(3).strip());
            boolean isPostgres = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .flatMap(process -> process.info().command())
                    .map(command -> command.endsWith("postgres") || command.endsWith("postmaster"))
                    .orElse(false);
            return isPostgres ? Optional.of(filePort) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void removeStalePidFile() throws IOException {
        if (Files.deleteIfExists(dataDir.resolve("postmaster.pid"))) {
            log.warn("Removed a stale postmaster.pid left by a crash in {}", dataDir);
        }
    }

    private void startServer() throws IOException {
        Path logFile = dataDir.resolve("server.log");
        // No Unix socket: every client, pg_ctl's readiness check included, uses TCP on loopback.
        String options = "-c listen_addresses=127.0.0.1 -k '' -p " + port
                // Tile queries must not pick parallel plans: worker start-up dominates small queries.
                + " -c max_parallel_workers_per_gather=0";
        run(List.of(binaries.program("pg_ctl").toString(), "start", "-D", dataDir.toString(),
                "-l", logFile.toString(), "-o", options, "-w", "-t", "60"));
    }

    private void createDatabaseWithPostgis() throws SQLException {
        String adminUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(adminUrl, SUPERUSER, password());
             Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
            }
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), SUPERUSER, password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Runs a PostgreSQL program, as the postgres user when we are root; fails with its output. */
    private void run(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (runAsPostgresUser && !command.get(0).equals("chown")) {
            full.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("jiuquan-pg", ".log");
        try {
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LocalDatabaseException(command.get(0) + " did not finish within "
                        + COMMAND_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                String text = Files.readString(output, StandardCharsets.UTF_8).strip();
                throw new LocalDatabaseException(Path.of(command.get(0)).getFileName() + " failed ("
                        + process.exitValue() + "): " + text);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalDatabaseException("interrupted while running " + command.get(0), e);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
