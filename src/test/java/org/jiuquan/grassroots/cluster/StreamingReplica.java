package org.jiuquan.grassroots.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jiuquan.grassroots.localdb.LocalPostgis;

/**
 * A hot standby of a test's primary, made as an operator would (docs/deploy.md): {@code pg_basebackup -R} over
 * the replication protocol, then started on its own port; it replays the primary's WAL as it streams in.
 */
final class StreamingReplica implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final String database;

    private StreamingReplica(Path dataDir, int port, String database) {
        this.dataDir = dataDir;
        this.port = port;
        this.database = database;
    }

    static StreamingReplica of(LocalPostgis primary, Path directory) throws IOException, InterruptedException {
        PostgresPrograms.own(directory);
        Path dataDir = directory.resolve("pgdata");
        PostgresPrograms.run(List.of(PostgresPrograms.program("pg_basebackup").toString(), "-h", "127.0.0.1",
                "-p", String.valueOf(primary.port()), "-U", primary.username(), "-D", dataDir.toString(),
                "-R", "-X", "stream", "--checkpoint=fast"), Map.of("PGPASSWORD", primary.password()));
        String database = primary.jdbcUrl().substring(primary.jdbcUrl().lastIndexOf('/') + 1);
        StreamingReplica replica = new StreamingReplica(dataDir, freePort(), database);
        replica.start();
        return replica;
    }

    void start() throws IOException, InterruptedException {
        PostgresPrograms.run(List.of(PostgresPrograms.program("pg_ctl").toString(), "start", "-D", dataDir.toString(),
                "-l", dataDir.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-c listen_addresses=127.0.0.1 -k '' -p " + port), Map.of());
    }

    /** Stops at once, as a crashed or unplugged machine would. */
    void kill() throws IOException, InterruptedException {
        PostgresPrograms.run(List.of(PostgresPrograms.program("pg_ctl").toString(), "stop", "-D", dataDir.toString(),
                "-m", "immediate", "-w"), Map.of());
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (IOException | InterruptedException | IllegalStateException e) {
            // already stopped
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
