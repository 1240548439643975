package org.jiuquan.grassroots.localdb;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Backup and restore of the app's whole database (data, dataset versions, accounts, tokens, audit trail,
 * migration history) with PostgreSQL's own tools. A backup is one {@code pg_dump} in custom format: a
 * consistent snapshot taken while the app keeps running. A restore goes only into an empty database and
 * in one transaction, so it either brings back everything or changes nothing.
 */
public final class DatabaseDump {

    private static final long TIMEOUT_HOURS = 6;

    /** Where a database is and how to sign in to it. */
    public record Target(String host, int port, String database, String user, String password) {

        /** From a JDBC URL of the form jdbc:postgresql://host[:port]/database[?...]. */
        public static Target of(String jdbcUrl, String user, String password) {
            if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new LocalDatabaseException("不支持的数据库地址 / unsupported database URL (jdbc:postgresql://host:port/db): " + jdbcUrl);
            }
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            if (uri.getHost() == null || database.isEmpty()) {
                throw new LocalDatabaseException("数据库地址缺少主机或库名 / the database URL lacks a host or database: " + jdbcUrl);
            }
            return new Target(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, user, password);
        }

        public static Target of(LocalPostgis cluster) {
            return of(cluster.jdbcUrl(), cluster.username(), cluster.password());
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private final PostgresBinaries binaries;

    private DatabaseDump(PostgresBinaries binaries) {
        this.binaries = binaries;
    }

    /** The PostgreSQL client programs of this machine (or of {@code binDir}); pg_dump must not be older than the server. */
    public static DatabaseDump using(@Nullable Path binDir) {
        return new DatabaseDump(PostgresBinaries.locate(binDir));
    }

    /** Dumps the database into {@code file} (written beside it first, then moved, so a failure leaves no half file). */
    public void backup(Target database, Path file) {
        Path absolute = file.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        try {
            Files.createDirectories(absolute.getParent());
            run(database, List.of(binaries.program("pg_dump").toString(), "--format=custom", "--compress=6",
                    "--no-owner", "--no-privileges", "--file=" + partial, "--host=" + database.host(),
                    "--port=" + database.port(), "--username=" + database.user(), "--dbname=" + database.database()));
            Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LocalDatabaseException("备份失败 / backup failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // Nothing more to do: the message above says what failed.
            }
        }
    }

    /**
     * Restores {@code file} into {@code database}, which must hold no tables of its own yet (PostGIS may
     * be installed). One transaction: on any error nothing stays behind.
     */
    public void restore(Path file, Target database) {
        if (!Files.isReadable(file)) {
            throw new LocalDatabaseException("找不到备份文件 / backup file not found: " + file);
        }
        List<String> tables = userTables(database);
        if (!tables.isEmpty()) {
            throw new LocalDatabaseException("目标数据库不是空的，未做任何更改（已有表：" + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                    + "）。请恢复到新的空数据库或新的集群目录。 / The target database is not empty (tables: "
                    + String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                    + "); nothing was changed. Restore into a new, empty database or a new cluster directory.");
        }
        try {
            run(database, List.of(binaries.program("pg_restore").toString(), "--single-transaction", "--exit-on-error",
                    "--no-owner", "--no-privileges", "--no-comments", "--host=" + database.host(),
                    "--port=" + database.port(), "--username=" + database.user(), "--dbname=" + database.database(),
                    file.toAbsolutePath().toString()));
        } catch (IOException e) {
            throw new LocalDatabaseException("恢复失败，未做任何更改 / restore failed, nothing was changed: " + e.getMessage(), e);
        }
    }

    /** Tables of the database other than PostGIS's own. */
    static List<String> userTables(Target database) {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT schemaname || '.' || tablename FROM pg_tables
                     WHERE schemaname NOT IN ('pg_catalog', 'information_schema', 'tiger', 'tiger_data', 'topology')
                       AND NOT (schemaname = 'public' AND tablename = 'spatial_ref_sys')
                     ORDER BY 1""")) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            return tables;
        } catch (SQLException e) {
            throw new LocalDatabaseException("无法连接数据库 / cannot connect to the database " + database.jdbcUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    private static void run(Target database, List<String> command) throws IOException {
        Path output = Files.createTempFile("jiuquan-dump", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            builder.environment().put("PGPASSWORD", database.password());
            builder.environment().put("PGCONNECT_TIMEOUT", "10");
            Process process = builder.start();
            if (!process.waitFor(TIMEOUT_HOURS, TimeUnit.HOURS)) {
                process.destroyForcibly();
                throw new IOException(Path.of(command.get(0)).getFileName() + " did not finish within " + TIMEOUT_HOURS + " h");
            }
            if (process.exitValue() != 0) {
                throw new IOException(Path.of(command.get(0)).getFileName() + " exited with " + process.exitValue() + ": "
                        + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
