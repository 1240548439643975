package org.jiuquan.grassroots.localdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jiuquan.grassroots.ThrowawayPostgis;
import org.junit.jupiter.api.Test;

/** The dev service itself, without Spring: a cluster that starts, stops, and survives a crash. */
class LocalPostgisIT {

    @Test
    void startsAPrivateClusterWithPostgisAndStopsIt() throws Exception {
        Path dir = ThrowawayPostgis.newDirectory("jiuquan-localdb-");
        LocalPostgis postgis = LocalPostgis.in(dir, null).start();
        try {
            assertThat(postgisVersion(postgis)).startsWith("3.");
            assertThat(postgis.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
        } finally {
            postgis.close();
        }
        assertThat(postgis.dataDir().resolve("postmaster.pid")).doesNotExist();
        assertThatThrownBy(() -> postgisVersion(postgis)).isInstanceOf(SQLException.class);
    }

    @Test
    void recoversFromAStalePidFileLeftByACrash() throws Exception {
        Path dir = ThrowawayPostgis.newDirectory("jiuquan-localdb-");
        LocalPostgis.in(dir, null).start().close();
        // A crash leaves postmaster.pid behind, naming a process that no longer exists.
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path pidFile = dir.resolve("pgdata").resolve("postmaster.pid");
        Files.writeString(pidFile, gone.pid() + "\n" + dir.resolve("pgdata") + "\n1700000000\n54321\n\n127.0.0.1\n"
                + "  5432001         0\nready\n", StandardCharsets.UTF_8);
        chownToPostgresIfRoot(pidFile);

        LocalPostgis restarted = LocalPostgis.in(dir, null).start();
        try {
            assertThat(postgisVersion(restarted)).startsWith("3.");
            assertThat(restarted.port()).isNotEqualTo(54321);
        } finally {
            restarted.close();
        }
    }

    @Test
    void adoptsAServerThatOutlivedACrashedApp() throws Exception {
        Path dir = ThrowawayPostgis.newDirectory("jiuquan-localdb-");
        // The app dies without stopping its server: the server keeps running.
        LocalPostgis crashed = LocalPostgis.in(dir, null).start();
        int port = crashed.port();

        LocalPostgis next = LocalPostgis.in(dir, null).start();
        try {
            assertThat(next.port()).isEqualTo(port);
            assertThat(postgisVersion(next)).startsWith("3.");
        } finally {
            next.close();
        }
        assertThat(dir.resolve("pgdata").resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void missingPostgresqlStopsAtOnceNamingWhatToInstall() {
        Path empty = ThrowawayPostgis.newDirectory("jiuquan-nobin-");
        assertThatThrownBy(() -> LocalPostgis.in(empty.resolve("cluster"), empty))
                .isInstanceOf(LocalDatabaseException.class)
                .hasMessageContaining("apt-get install postgresql-15 postgresql-15-postgis-3")
                .hasMessageNotContaining("\n");
        assertThat(empty.resolve("cluster")).doesNotExist();
    }

    private static String postgisVersion(LocalPostgis postgis) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgis.jdbcUrl(), postgis.username(), postgis.password());
             ResultSet rs = c.createStatement().executeQuery("SELECT postgis_lib_version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void chownToPostgresIfRoot(Path file) throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            new ProcessBuilder("chown", "postgres", file.toString()).inheritIO().start().waitFor();
        }
    }
}
