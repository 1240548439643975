package org.jiuquan.grassroots.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;

import org.jiuquan.grassroots.AppInItsOwnJvm;
import org.jiuquan.grassroots.audit.AuditChain;
import org.jiuquan.grassroots.audit.AuditKey;
import org.jiuquan.grassroots.audit.AuditLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The app killed with SIGKILL (kill -9) while it applies a staged import: the live data (organisations, their
 * history, the dataset versions and their snapshots, the data version) is afterwards exactly as before, never
 * half applied; the app starts again on the database its dead self left running and the same staged import
 * then applies whole. The test holds the audit chain's lock, the apply's last step before its commit, so the
 * app is killed with every write of the apply done and none committed.
 */
class KillDuringImportApplyIT {

    private static final String TOKEN = "jqt_kill-import-test-token-for-the-editor-000";
    private static final String FILE = "organisations-utf8.csv";
    private static final String RENAMED = "620902100201";
    private static final String ADDED = "620902100299";

    /** Everything an apply writes to the live side, as counts and checksums of whole rows. */
    private static final String LIVE_STATE = """
            SELECT 'organisations ' || (SELECT count(*) || ':' || coalesce(md5(string_agg(o::text, ',' ORDER BY o.id)), '-')
                                        FROM organisation o)
                || ' | history ' || (SELECT count(*) || ':' || coalesce(md5(string_agg(s::text, ',' ORDER BY s::text)), '-')
                                     FROM organisation_status s)
                || ' | versions ' || (SELECT count(*) || ':' || coalesce(md5(string_agg(v::text, ',' ORDER BY v.n)), '-')
                                      FROM dataset_version v)
                || ' | snapshots ' || (SELECT count(*) FROM dataset_version_organisation)
                || ' | nearest ' || (SELECT count(*) FROM nearest_contact)
                || ' | data version ' || (SELECT version FROM data_version)""";
    /** The organisations the file does not touch, which an apply must leave as they are. */
    private static final String UNTOUCHED = """
            SELECT count(*) || ':' || md5(string_agg(o::text, ',' ORDER BY o.id)) FROM organisation o
            WHERE o.code IS NULL OR o.code NOT IN ('620902100201', '620902100299')""";
    private static final String VERSIONS_UP_TO = """
            SELECT count(*) || ':' || coalesce(md5(string_agg(v::text, ',' ORDER BY v.n)), '-')
            FROM dataset_version v WHERE v.n <= :n""";
    /** The apply's own session waits for the chain lock holding write locks on all it changes. */
    private static final String APPLY_WRITTEN_AND_WAITING = """
            SELECT count(DISTINCT CAST(l.relation AS regclass)) FROM pg_locks w JOIN pg_locks l ON l.pid = w.pid
            WHERE w.locktype = 'advisory' AND NOT w.granted AND l.granted AND l.mode = 'RowExclusiveLock'
              AND CAST(l.relation AS regclass) IN (CAST('organisation' AS regclass), CAST('dataset_version' AS regclass),
                                                   CAST('data_version' AS regclass), CAST('import_batch' AS regclass))""";

    private final AppInItsOwnJvm app = new AppInItsOwnJvm();

    @AfterEach
    void stopEverything() throws Exception {
        app.close();
    }

    @Test
    void anImportCutByKillMinus9IsNotAppliedAtAllAndAppliesWholeAfterARestart() throws Exception {
        app.start();
        JdbcClient db = app.clusterClient();
        db.sql("INSERT INTO api_token (user_id, name, token_hash) SELECT id, 'kill test', :hash FROM app_user "
                + "WHERE username = 'editor'").param("hash", sha256(TOKEN)).update();
        HttpResponse<String> staged = app.http().send(HttpRequest.newBuilder(app.uri("/api/data/imports"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", Multipart.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.body(FILE, StagedImportTest.fixture(FILE)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(staged.statusCode()).as(staged.body()).isEqualTo(201);
        String id = JsonMapper.shared().readTree(staged.body()).path("id").asString();
        String before = db.sql(LIVE_STATE).query(String.class).single();
        String untouched = db.sql(UNTOUCHED).query(String.class).single();
        int lastVersion = db.sql("SELECT coalesce(max(n), 0) FROM dataset_version").query(Integer.class).single();
        String versionsBefore = db.sql(VERSIONS_UP_TO).param("n", lastVersion).query(String.class).single();

        // Hold the audit chain's lock: the apply writes everything, then waits to audit and commit.
        SingleConnectionDataSource lockHolder = app.connection();
        JdbcClient lock = JdbcClient.create(lockHolder);
        lock.sql("SELECT pg_advisory_lock(:key)").param("key", AuditLog.CHAIN_LOCK).query((rs, n) -> 1).list();
        CompletableFuture<HttpResponse<String>> apply = apply(id);
        await().atMost(Duration.ofSeconds(60)).until(() -> db.sql(APPLY_WRITTEN_AND_WAITING).query(Long.class).single() == 4);

        app.killMinus9();
        assertThat(apply).failsWithin(Duration.ofSeconds(10));
        lock.sql("SELECT pg_advisory_unlock(:key)").param("key", AuditLog.CHAIN_LOCK).query((rs, n) -> 1).list();
        lockHolder.destroy();
        app.awaitNoAppSessions(db);
        assertThat(db.sql(LIVE_STATE).query(String.class).single()).as("nothing of the cut apply stays").isEqualTo(before);
        assertThat(batchState(db, id)).isEqualTo("staged");
        assertThat(new AuditChain(db, AuditKey.load(app.dataDir().resolve("audit-key"))).verify().intact()).isTrue();

        // The app starts again on the server its dead self left running, and the same import applies whole.
        app.start();
        HttpResponse<String> done = apply(id).get();
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonNode applied = JsonMapper.shared().readTree(done.body());
        assertThat(applied.path("added").asInt()).isEqualTo(1);
        assertThat(applied.path("changed").asInt()).isEqualTo(1);
        JdbcClient after = app.clusterClient();
        assertThat(after.sql("SELECT name_zh FROM organisation WHERE code = :code").param("code", RENAMED)
                .query(String.class).single()).isEqualTo("新西村（更名）");
        assertThat(after.sql("SELECT count(*) FROM organisation_status s JOIN organisation o ON o.id = s.organisation_id "
                + "WHERE o.code = :code").param("code", ADDED).query(Long.class).single()).isEqualTo(1);
        assertThat(after.sql(UNTOUCHED).query(String.class).single()).as("the rest as it was").isEqualTo(untouched);
        assertThat(after.sql(VERSIONS_UP_TO).param("n", lastVersion).query(String.class).single())
                .as("earlier versions kept").isEqualTo(versionsBefore);
        assertThat(after.sql("SELECT kind || ' ' || file_name || ' +' || added || ' ~' || changed FROM dataset_version "
                + "ORDER BY n DESC LIMIT 1").query(String.class).single()).isEqualTo("import " + FILE + " +1 ~1");
        assertThat(batchState(after, id)).isEqualTo("applied");
        assertThat(new AuditChain(after, AuditKey.load(app.dataDir().resolve("audit-key"))).verify().intact()).isTrue();
    }

    private CompletableFuture<HttpResponse<String>> apply(String id) {
        return app.http().sendAsync(HttpRequest.newBuilder(app.uri("/api/data/imports/" + id + "/apply"))
                        .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String batchState(JdbcClient db, String id) {
        return db.sql("SELECT state FROM import_batch WHERE id = CAST(:id AS uuid)").param("id", id)
                .query(String.class).single();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
