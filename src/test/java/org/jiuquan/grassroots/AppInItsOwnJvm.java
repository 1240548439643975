package org.jiuquan.grassroots;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.jiuquan.grassroots.localdb.LocalPostgis;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The app in a JVM of its own, on the test's classpath, with its private cluster in a directory of its own:
 * a test can kill it with SIGKILL (kill -9) and start it again on the database its dead self left running.
 */
public final class AppInItsOwnJvm implements AutoCloseable {

    private final Path dataDir = ThrowawayPostgis.newDirectory("jiuquan-kill-");
    private final HttpClient http = HttpClient.newHttpClient();
    private Process app;
    private int port;

    public Path dataDir() {
        return dataDir;
    }

    /** Starts the app and waits until it answers its health check. */
    public void start() throws Exception {
        port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Application.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()));
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("JIUQUAN_LOCALDB_DIR", dataDir.toString());
        app = builder.start();
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!app.isAlive()) {
                throw new AssertionError("the app stopped: " + Files.readString(dataDir.resolve("app.log")));
            }
            try {
                return http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** SIGKILL: no shutdown hook, no rollback by the app, its connections simply drop. */
    public void killMinus9() throws InterruptedException {
        app.destroyForcibly().waitFor();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpClient http() {
        return http;
    }

    public JdbcClient clusterClient() throws IOException {
        return JdbcClient.create((DataSource) connection());
    }

    /** One connection to the app's cluster, found as the app finds it: port in postmaster.pid, password beside it. */
    public SingleConnectionDataSource connection() throws IOException {
        List<String> pid = Files.readAllLines(dataDir.resolve("pgdata").resolve("postmaster.pid"));
        String password = Files.readString(dataDir.resolve("password"), StandardCharsets.UTF_8).strip();
        return new SingleConnectionDataSource("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/jiuquan",
                "postgres", password, true);
    }

    /** Waits until the dead app's sessions are gone (their server processes notice the closed connections). */
    public void awaitNoAppSessions(JdbcClient db) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = 'jiuquan' AND backend_type = 'client backend' AND pid <> pg_backend_pid()")
                .query(Long.class).single() == 0);
    }

    /** Stops the app, then whatever it left running on its cluster (adopted, then stopped). */
    @Override
    public void close() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor();
        }
        LocalPostgis.in(dataDir, null).start().close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
