package org.jiuquan.grassroots.operations;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;

import org.jiuquan.grassroots.audit.AuditChain;
import org.jiuquan.grassroots.audit.AuditKey;
import org.jiuquan.grassroots.localdb.DatabaseDump;
import org.jiuquan.grassroots.localdb.LocalPostgis;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The commands: {@code backup FILE}, {@code restore FILE}, {@code verify-audit}. Without JIUQUAN_DB_URL
 * they work on the private cluster (JIUQUAN_LOCALDB_DIR): started for the command and stopped after it,
 * or used as it is while the app runs on it.
 */
public final class Operations {

    static final Set<String> COMMANDS = Set.of("backup", "restore", "verify-audit");

    private final Function<String, @Nullable String> settings;
    private final PrintStream out;
    private final PrintStream err;

    Operations(Function<String, @Nullable String> settings, PrintStream out, PrintStream err) {
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    /** Whether the arguments ask for a command rather than the web app. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the command with the environment's settings; returns the process exit code. */
    public static int run(String[] args) {
        return new Operations(System::getenv, System.out, System.err).execute(args);
    }

    int execute(String[] args) {
        try {
            return switch (args[0]) {
                case "backup" -> backup(file(args));
                case "restore" -> restore(file(args));
                case "verify-audit" -> verifyAudit();
                default -> usage();
            };
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private int backup(@Nullable Path file) {
        if (file == null) {
            return usage();
        }
        long started = System.nanoTime();
        onDatabase(target -> {
            DatabaseDump.using(binDir()).backup(target, file);
            return null;
        });
        out.printf("备份完成 / backup written: %s (%,d bytes, %.1f s)%n", file.toAbsolutePath(),
                file.toFile().length(), (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private int restore(@Nullable Path file) {
        if (file == null) {
            return usage();
        }
        long started = System.nanoTime();
        onDatabase(target -> {
            DatabaseDump.using(binDir()).restore(file, target);
            return null;
        });
        out.printf("恢复完成 / restore complete from %s (%.1f s)%n", file.toAbsolutePath(), (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private int verifyAudit() {
        AuditKey key = AuditKey.load(AuditKey.file(setting("JIUQUAN_AUDIT_KEY_FILE"), setting("JIUQUAN_LOCALDB_DIR")));
        AuditChain.Report report = onDatabase(target -> {
            SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), target.jdbcUrl(),
                    target.user(), target.password());
            return new AuditChain(JdbcClient.create(dataSource), key).verify();
        });
        if (report.legacyRows() > 0) {
            out.printf("%d 条记录早于哈希链，无法校验 / %d rows predate the hash chain and cannot be checked%n",
                    report.legacyRows(), report.legacyRows());
        }
        if (report.intact()) {
            out.printf("审计链完整 / audit chain intact: %d rows, last link %d, hash %s%n", report.checkedRows(),
                    report.headSeq(), report.headHash());
            return 0;
        }
        AuditChain.BrokenRow row = report.firstBroken().orElseThrow();
        out.printf("审计链断开 / audit chain BROKEN at row id %d (link %s): %s; %d rows before it check out%n",
                row.id(), row.chainSeq() == null ? "-" : row.chainSeq().toString(), describe(row.reason()), report.checkedRows());
        return 2;
    }

    private static String describe(AuditChain.Break reason) {
        return switch (reason) {
            case CONTENT_CHANGED -> "内容被修改 / its content was changed";
            case PREDECESSOR_MISSING -> "前面的记录被删除或链接被改动 / rows before it were deleted or its link altered";
            case OUTSIDE_CHAIN -> "记录被移出链 / it was taken out of the chain";
        };
    }

    /** Runs {@code work} on the configured database, or on the private cluster (started for it if not running). */
    private <T> T onDatabase(Function<DatabaseDump.Target, T> work) {
        String url = setting("JIUQUAN_DB_URL");
        if (!url.isBlank()) {
            return work.apply(DatabaseDump.Target.of(url, setting("JIUQUAN_DB_USER"), setting("JIUQUAN_DB_PASSWORD")));
        }
        String dir = setting("JIUQUAN_LOCALDB_DIR");
        LocalPostgis cluster = LocalPostgis.in(dir.isBlank() ? LocalPostgis.defaultBaseDir() : Path.of(dir), binDir()).start();
        try {
            return work.apply(DatabaseDump.Target.of(cluster));
        } finally {
            if (!cluster.adopted()) {
                cluster.close();
            }
        }
    }

    private @Nullable Path binDir() {
        String dir = setting("JIUQUAN_PG_BIN_DIR");
        return dir.isBlank() ? null : Path.of(dir);
    }

    private String setting(String name) {
        String value = settings.apply(name);
        return value == null ? "" : value;
    }

    private static @Nullable Path file(String[] args) {
        return args.length == 2 ? Path.of(args[1]) : null;
    }

    private int usage() {
        out.println("""
                用法 / usage (java -jar grassroots-coverage.jar COMMAND, or bash .ci/mvn spring-boot:run -Dspring-boot.run.arguments="COMMAND"):
                  backup FILE     数据库备份到文件 / dump the app's database to FILE (consistent, while the app runs)
                  restore FILE    从备份恢复到空数据库 / restore FILE into an empty database or a new cluster directory
                  verify-audit    校验审计链 / check the audit trail's hash chain""");
        return 64;
    }
}
