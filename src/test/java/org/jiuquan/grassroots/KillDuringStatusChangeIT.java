package org.jiuquan.grassroots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import org.jiuquan.grassroots.audit.AuditChain;
import org.jiuquan.grassroots.audit.AuditKey;
import org.jiuquan.grassroots.audit.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The app killed with SIGKILL (kill -9) in the middle of an editor's status change: the change is either
 * not there at all or wholly there (organisation, history and audit row), never half; the app then starts
 * again on the database its dead self left running. The app runs in a JVM of its own here, so it can be
 * killed; the test holds the audit chain's lock to stop the change between its writes.
 */
class KillDuringStatusChangeIT {

    /** The last day of the dataset's last quarter: the latest day a status change may be recorded from. */
    private static final String CHANGE_DAY = "2017-12-31";


    private static final String TOKEN = "jqt_kill-test-token-for-the-editor-0000000000";

    private final AppInItsOwnJvm app = new AppInItsOwnJvm();

    @AfterEach
    void stopEverything() throws Exception {
        app.close();
    }

    @Test
    void aStatusChangeCutByKillMinus9LeavesNothingHalfDoneAndTheAppComesBack() throws Exception {
        app.start();
        JdbcClient db = app.clusterClient();
        db.sql("INSERT INTO api_token (user_id, name, token_hash) SELECT id, 'kill test', :hash FROM app_user "
                + "WHERE username = 'editor'").param("hash", sha256(TOKEN)).update();
        String code = db.sql("SELECT code FROM organisation WHERE status = 'normal' AND kind = 'village' ORDER BY code LIMIT 1")
                .query(String.class).single();
        String before = state(db, code);

        // Hold the audit chain's lock: the change writes the organisation and its history, then waits.
        SingleConnectionDataSource lockHolder = app.connection();
        JdbcClient lock = JdbcClient.create(lockHolder);
        lock.sql("SELECT pg_advisory_lock(:key)").param("key", AuditLog.CHAIN_LOCK).query((rs, n) -> 1).list();
        CompletableFuture<HttpResponse<String>> change = changeStatus(code, "weak");
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").query(Long.class).single() > 0);

        app.killMinus9();
        assertThat(change).failsWithin(Duration.ofSeconds(10));
        lock.sql("SELECT pg_advisory_unlock(:key)").param("key", AuditLog.CHAIN_LOCK).query((rs, n) -> 1).list();
        lockHolder.destroy();
        app.awaitNoAppSessions(db);
        assertThat(state(db, code)).as("nothing of the cut change stays").isEqualTo(before);
        assertThat(new AuditChain(db, AuditKey.load(app.dataDir().resolve("audit-key"))).verify().intact()).isTrue();

        // The app starts again on the server its dead self left running, and the change goes through whole.
        app.start();
        HttpResponse<String> done = changeStatus(code, "weak").get();
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JdbcClient after = app.clusterClient();
        assertThat(state(after, code)).isEqualTo("weak " + CHANGE_DAY + " | history " + (historyCount(before) + 1)
                + " | audited 1");
    }

    /** The organisation's status, its history length and how many audited changes it had. */
    private static String state(JdbcClient db, String code) {
        return db.sql("""
                SELECT o.status || ' ' || o.status_since
                       || ' | history ' || (SELECT count(*) FROM organisation_status s WHERE s.organisation_id = o.id)
                       || ' | audited ' || (SELECT count(*) FROM audit_event a WHERE a.action = 'data.change'
                                                AND a.target = 'organisation/' || o.code)
                FROM organisation o WHERE o.code = :code""").param("code", code).query(String.class).single();
    }

    private static long historyCount(String state) {
        return Long.parseLong(state.replaceAll(".*\\| history (\\d+) \\|.*", "$1"));
    }

    private CompletableFuture<HttpResponse<String>> changeStatus(String code, String status) {
        return app.http().sendAsync(HttpRequest.newBuilder(app.uri("/api/data/organisations/"
                                + code + "/status?status=" + status + "&from=" + CHANGE_DAY))
                        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
