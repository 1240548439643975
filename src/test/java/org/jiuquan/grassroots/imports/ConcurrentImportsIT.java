package org.jiuquan.grassroots.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Two editors apply two imports staged against the same data at the same moment: one goes through whole,
 * the other waits for it and is then refused with a plain 409 (the data changed since its preview); the
 * live data is one file applied whole, never a mix. The test holds the data version's row lock, which
 * every apply takes first, until both applies wait for it, so both really are in flight together.
 */
@PostgisIntegrationTest
class ConcurrentImportsIT extends StagedImportTest {

    private static final String FILE_A = "organisations-utf8.csv";
    private static final String FILE_B = "renames.csv";
    /** Renames the organisation file A renames too, and one that A leaves alone; adds nothing. */
    private static final byte[] B = "代码,名称\n620902100201,新西村（另一份）\n620902100202,滚坝村（另一份）\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final String CODES = "('620902100201', '620902100202', '620902100299')";
    /** The organisations the two files touch, by code and name. */
    private static final String TOUCHED = "SELECT coalesce(string_agg(code || '=' || name_zh, ', ' ORDER BY code), '') "
            + "FROM organisation WHERE code IN " + CODES;
    private static final String UNTOUCHED = "SELECT count(*) || ':' || md5(string_agg(o::text, ',' ORDER BY o.id)) "
            + "FROM organisation o WHERE o.code IS NULL OR o.code NOT IN " + CODES;
    private static final String WAITING_FOR_DATA_VERSION = "SELECT count(*) FROM pg_stat_activity "
            + "WHERE wait_event_type = 'Lock' AND query = '" + VersionRepository.LOCK_DATA_VERSION + "'";

    @Autowired
    DataSource dataSource;

    final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    String liveData() {
        return ORGANISATIONS;
    }

    /** Runs before the fixture's check that the live data is as it was: no request is still in flight. */
    @AfterEach
    void noRequestInFlight() {
        requests.close();
    }

    @Test
    void twoImportsAppliedAtOnceGiveOneFileWholeAndAPlainRefusalForTheOther() throws Exception {
        String touchedBefore = jdbc.sql(TOUCHED).query(String.class).single();
        String untouched = jdbc.sql(UNTOUCHED).query(String.class).single();
        int lastVersion = jdbc.sql("SELECT coalesce(max(n), 0) FROM dataset_version").query(Integer.class).single();
        String a = stage(FILE_A, fixture(FILE_A));
        String b = stage(FILE_B, B);

        CompletableFuture<HttpResponse<byte[]>> applyA;
        CompletableFuture<HttpResponse<byte[]>> applyB;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute(VersionRepository.LOCK_DATA_VERSION);
            }
            applyA = CompletableFuture.supplyAsync(() -> apply(a), requests);
            applyB = CompletableFuture.supplyAsync(() -> apply(b), requests);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    jdbc.sql(WAITING_FOR_DATA_VERSION).query(Long.class).single() == 2);
            holder.rollback();
        }
        HttpResponse<byte[]> responseA = applyA.get();
        HttpResponse<byte[]> responseB = applyB.get();
        assertThat(List.of(responseA.statusCode(), responseB.statusCode())).as("one applied, one refused")
                .containsExactlyInAnyOrder(200, 409);
        boolean aWon = responseA.statusCode() == 200;
        String winner = aWon ? a : b;
        String loser = aWon ? b : a;
        HttpResponse<byte[]> refused = aWon ? responseB : responseA;

        String refusal = problem(refused);
        assertThat(refusal).contains("预览之后数据已被修改").contains("未应用").contains("重新上传");
        assertThat(refusal).doesNotContainIgnoringCase("exception").doesNotContainIgnoringCase("sql")
                .doesNotContain("data_version", "lock", "stale", "import.");
        HttpResponse<byte[]> inEnglish = editor.send("POST", "/api/data/imports/" + loser + "/apply", "", new byte[0],
                "Accept-Language", "en");
        assertThat(inEnglish.statusCode()).isEqualTo(409);
        assertThat(problem(inEnglish)).contains("The data changed after this preview")
                .contains("nothing was applied");

        Map<String, String> whole = Map.of(
                a, "620902100201=新西村（更名）, 620902100202=" + name(touchedBefore, "620902100202")
                        + ", 620902100299=新建村",
                b, "620902100201=新西村（另一份）, 620902100202=滚坝村（另一份）");
        assertThat(jdbc.sql(TOUCHED).query(String.class).single()).as("the winner's file whole, nothing of the other")
                .isEqualTo(whole.get(winner));
        assertThat(jdbc.sql(UNTOUCHED).query(String.class).single()).isEqualTo(untouched);
        assertThat(jdbc.sql("SELECT string_agg(kind || ' ' || file_name, ', ' ORDER BY n) FROM dataset_version "
                        + "WHERE n > ? AND kind = 'import'").param(lastVersion).query(String.class).single())
                .isEqualTo("import " + (aWon ? FILE_A : FILE_B));
        assertThat(state(winner)).isEqualTo("applied");
        assertThat(state(loser)).as("refused, still there to cancel or upload again").isEqualTo("staged");

        // Leave the data as it was: the version kept just before the winner's apply comes back.
        int applied = Http.parse(aWon ? responseA : responseB).path("version").asInt();
        assertThat(editor.post("/api/data/versions/" + (applied - 1) + "/restore", "", new byte[0]).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql(TOUCHED).query(String.class).single()).isEqualTo(touchedBefore);
        assertThat(editor.post("/api/data/imports/" + loser + "/cancel", "", new byte[0]).statusCode()).isEqualTo(204);
    }

    private String stage(String file, byte[] bytes) {
        JsonNode preview = stage(file, bytes, "");
        assertThat(preview.path("can_apply").asBoolean()).as(preview.toString()).isTrue();
        return preview.path("id").asString();
    }

    private HttpResponse<byte[]> apply(String id) {
        return editor.post(IMPORTS + "/" + id + "/apply", "", new byte[0]);
    }

    private String state(String id) {
        return jdbc.sql("SELECT state FROM import_batch WHERE id = CAST(? AS uuid)").param(id).query(String.class).single();
    }

    private static String name(String touched, String code) {
        return touched.replaceAll(".*" + code + "=([^,]*).*", "$1");
    }
}
