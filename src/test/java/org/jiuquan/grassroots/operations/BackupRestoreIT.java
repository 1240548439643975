package org.jiuquan.grassroots.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.ThrowawayPostgis;
import org.jiuquan.grassroots.localdb.DatabaseDump;
import org.jiuquan.grassroots.localdb.LocalPostgis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The operator's commands, run as they would be from a shell (same environment variables): a backup of
 * the running app's private cluster, a restore into a fresh cluster, and the same checksum for every table
 * on both sides; the audit chain still checks out after the restore; a restore never goes over data.
 */
@PostgisIntegrationTest
class BackupRestoreIT {

    @Autowired
    LocalPostgis running;

    @Test
    void aBackupRestoredIntoAFreshClusterHasEveryTableIdentical() throws Exception {
        Path backup = ThrowawayPostgis.newDirectory("jiuquan-backup-").resolve("jiuquan.dump");
        Map<String, String> appEnvironment = Map.of("JIUQUAN_LOCALDB_DIR", ThrowawayPostgis.directory().toString());
        Result backedUp = command(appEnvironment, "backup", backup.toString());
        assertThat(backedUp.exitCode()).as(backedUp.output()).isZero();
        assertThat(backup).isRegularFile();
        assertThat(running.adopted()).isFalse();

        Path freshDir = ThrowawayPostgis.newDirectory("jiuquan-restored-");
        Map<String, String> freshEnvironment = Map.of("JIUQUAN_LOCALDB_DIR", freshDir.toString(),
                "JIUQUAN_AUDIT_KEY_FILE", ThrowawayPostgis.directory().resolve("audit-key").toString());
        Result restored = command(freshEnvironment, "restore", backup.toString());
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        System.out.println("BackupRestoreIT: " + backedUp.output().strip() + " | " + restored.output().strip());

        // The restored cluster was stopped after the command; bring it up to compare.
        try (LocalPostgis copy = LocalPostgis.in(freshDir, null).start()) {
            Map<String, String> original = checksums(DatabaseDump.Target.of(running));
            Map<String, String> restoredSums = checksums(DatabaseDump.Target.of(copy));
            assertThat(original).containsKeys("public.organisation", "public.app_user", "public.audit_event",
                    "public.flyway_schema_history");
            // Rows the app wrote after the backup (audit of this very test run) may differ in the audit trail only.
            original.remove("public.audit_event");
            restoredSums.remove("public.audit_event");
            assertThat(restoredSums).isEqualTo(original);

            Result verified = command(freshEnvironment, "verify-audit");
            assertThat(verified.exitCode()).as(verified.output()).isZero();
            assertThat(verified.output()).contains("audit chain intact");

            // A second restore over the now-filled cluster is refused, and changes nothing.
            Result again = command(freshEnvironment, "restore", backup.toString());
            assertThat(again.exitCode()).isEqualTo(1);
            assertThat(again.errors()).contains("not empty", "不是空的");
            assertThat(checksums(DatabaseDump.Target.of(copy))).containsAllEntriesOf(restoredSums);
        }
    }

    @Test
    void aMissingBackupFileIsNamedAndNothingIsTouched() {
        Result missing = command(Map.of("JIUQUAN_LOCALDB_DIR", ThrowawayPostgis.directory().toString()),
                "restore", "/nonexistent/jiuquan.dump");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errors()).contains("/nonexistent/jiuquan.dump", "not found");
    }

    /** Every table's row count and an MD5 over its rows in a fixed order. */
    static Map<String, String> checksums(DatabaseDump.Target database) throws Exception {
        Map<String, String> sums = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT schemaname || '.' || tablename FROM pg_tables "
                    + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT count(*) || ' ' || md5(coalesce(string_agg(t::text, "
                        + "E'\\n' ORDER BY t::text), '')) FROM " + table + " t")) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
            }
        }
        return sums;
    }

    record Result(int exitCode, String output, String errors) {
    }

    private static Result command(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Operations(environment::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
