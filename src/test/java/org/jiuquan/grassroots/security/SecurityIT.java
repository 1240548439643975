package org.jiuquan.grassroots.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.audit.Actor;
import org.jiuquan.grassroots.audit.AuditAction;
import org.jiuquan.grassroots.audit.AuditLog;
import org.jiuquan.grassroots.demodata.DatasetFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Sign-in, lockout, API tokens, masking of phone numbers and the audit trail, over HTTP as clients use them. */
@PostgisIntegrationTest
class SecurityIT {

    private static final String MASKED = "1[3-9][0-9]\\*{4}[0-9]{4}";
    private static final String FULL = "1[3-9][0-9]{9}";

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    AccountService accounts;
    @Autowired
    AccountRepository accountRepository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    /** Accounts the tests make, removed after each so that no other test finds more than the demo's. */
    @AfterEach
    void removeTheTestsAccounts() {
        for (String username : List.of("lock.test", "gis.client", "planner.two")) {
            jdbc.sql("DELETE FROM api_token WHERE user_id = (SELECT id FROM app_user WHERE username = ?)")
                    .param(username).update();
            jdbc.sql("DELETE FROM app_user WHERE username = ?").param(username).update();
        }
    }

    @Test
    void repeatedFailedSignInsSlowDownTheirSourceNotTheAccountNorItsToken() throws Exception {
        accounts.create("lock.test", "锁定测试", Role.VIEWER, "Lock-Test-2026!");
        Http qgis = new Http(port).withToken(tokens.issue("lock.test", "QGIS"));
        SignInClient guesser = new SignInClient(port, "127.0.0.7");
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.signIn("lock.test", "wrong-" + i)).endsWith("/login?error");
        }
        // The fourth failure makes this source wait; meanwhile even the right password is not checked.
        assertThat(guesser.signIn("lock.test", "wrong-3")).endsWith("/login?error");
        assertThat(guesser.signIn("lock.test", "Lock-Test-2026!")).matches(".*/login\\?error&wait=[0-9]+");
        assertThat(auditCount("sign_in.failure", "lock.test")).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'sign_in.failure' AND target = 'lock.test' "
                + "AND detail_key = 'audit.detail.sign-in.throttled' AND client_address = '127.0.0.7'").query(Long.class).single()).isEqualTo(1);

        // The account is not locked: its owner at another desk signs in, and its API token keeps working.
        assertThat(accountRepository.find("lock.test").orElseThrow().lockedAt(OffsetDateTime.now())).isFalse();
        assertThat(qgis.get("/ogc").statusCode()).isEqualTo(200);
        assertThat(new SignInClient(port, "127.0.0.8").signIn("lock.test", "Lock-Test-2026!")).doesNotContain("/login");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'sign_in.success' AND actor = 'lock.test'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSignInFormWithoutItsCsrfTokenIsRefusedAndSaysThePageExpired() throws Exception {
        SignInClient browser = new SignInClient(port, "127.0.0.9");
        assertThat(browser.signInWithoutToken("viewer", DemoAccounts.PASSWORD)).endsWith("/login?expired");
        assertThat(browser.get("/ogc").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'sign_in.failure' AND target = 'viewer' "
                + "AND detail_key = 'audit.detail.sign-in.no-csrf' AND client_address = '127.0.0.9'").query(Long.class).single()).isEqualTo(1);
        assertThat(browser.signIn("viewer", DemoAccounts.PASSWORD)).doesNotContain("/login");
        assertThat(browser.get("/ogc").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionsApiPostWithoutCsrfTokenGetsA403ThatSaysSo() throws Exception {
        SignInClient browser = new SignInClient(port, "127.0.0.10");
        assertThat(browser.signIn("editor", DemoAccounts.PASSWORD)).doesNotContain("/login");
        HttpResponse<String> zh = browser.post("/api/data/organisations/620902100201/status?status=normal&from=2017-01-01");
        assertThat(zh.statusCode()).isEqualTo(403);
        assertThat(zh.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(zh.body()).contains("CSRF").doesNotContain("角色");
        HttpResponse<String> en = browser.post("/api/data/organisations/620902100201/status?status=normal&from=2017-01-01",
                "Accept-Language", "en");
        assertThat(en.body()).contains("CSRF token").doesNotContain("role");
    }

    @Test
    void aWrongMethodGets405WithAllowAndAWrongBodyType415() {
        Http viewer = Http.as(port, tokens, "viewer");
        HttpResponse<byte[]> put = viewer.send("PUT", "/ogc/collections", "application/json", "{}".getBytes(), "Accept-Language", "en");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).contains("GET, HEAD");
        assertThat(put.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.parse(put).path("detail").asString()).contains("PUT", "GET");
        assertThat(viewer.send("DELETE", "/ogc/collections/villages/items/1", "", new byte[0]).statusCode()).isEqualTo(405);
        assertThat(viewer.get("/ogc/no-such-thing").statusCode()).isEqualTo(404);

        HttpResponse<byte[]> text = Http.as(port, tokens, "editor").post("/api/data/import", "text/plain", "a,b".getBytes());
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(Http.parse(text).path("detail").asString()).contains("text/plain", "application/zip");
    }

    @Test
    void anApiTokenWorksForTheOgcApiAndStopsWorkingWhenRevoked() {
        String token = tokens.issue("analyst", "QGIS");
        Http qgis = new Http(port).withToken(token);
        assertThat(qgis.get("/ogc/collections/villages/items?limit=1").statusCode()).isEqualTo(200);
        assertThat(qgis.get("/api/analysis/coverage-gaps?distance_km=5").statusCode()).isEqualTo(200);
        long id = tokens.all().stream().filter(t -> t.username().equals("analyst") && t.name().equals("QGIS"))
                .findFirst().orElseThrow().id();
        assertThat(tokens.all().stream().filter(t -> t.id() == id).findFirst().orElseThrow().lastUsedAt()).isNotNull();

        tokens.revoke(id);
        HttpResponse<byte[]> refused = qgis.get("/ogc/collections/villages/items?limit=1");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(Http.parse(refused).path("detail").asString()).contains("令牌");
        assertThat(auditCount("token.issue", "analyst")).isPositive();
        assertThat(auditCount("token.revoke", "analyst")).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'token.use' AND actor = 'analyst'")
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'token.rejected'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aTokenRevokedByAnotherInstanceStopsWorkingWithinTheCheckReuseSpan() {
        Http client = new Http(port).withToken(tokens.issue("analyst", "second instance"));
        assertThat(client.get("/ogc").statusCode()).isEqualTo(200);
        // As another instance sharing the database would: straight in the table, so this one's checks are not cleared.
        jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE name = 'second instance'").update();

        long deadline = System.nanoTime() + ApiTokenService.CHECK_REUSE.multipliedBy(3).toNanos();
        int status;
        do {
            status = client.get("/ogc").statusCode();
        } while (status == 200 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(401);
    }

    @Test
    void aDisabledUsersTokenStopsWorking() {
        accounts.create("gis.client", "GIS 客户端", Role.VIEWER, "Gis-Client-2026!");
        Http client = new Http(port).withToken(tokens.issue("gis.client", "QGIS"));
        assertThat(client.get("/ogc").statusCode()).isEqualTo(200);
        accounts.setEnabled("gis.client", false);
        assertThat(client.get("/ogc").statusCode()).isEqualTo(401);
        assertThat(auditCount("user.enable", "gis.client")).isEqualTo(1);
    }

    @Test
    void phoneNumbersAreMaskedForViewersAndAnalystsInTheApiAndExports() {
        String firstPhone = jdbc.sql("SELECT l.phone FROM contact_point c JOIN leader l ON l.id = c.leader_id "
                + "ORDER BY c.id LIMIT 1").query(String.class).single();
        String masked = firstPhone.substring(0, 3) + "****" + firstPhone.substring(7);
        for (String user : List.of("viewer", "analyst")) {
            String phone = Http.as(port, tokens, user).json("/ogc/collections/contact-points/items?limit=1")
                    .path("features").get(0).path("properties").path("leader_phone").asString();
            assertThat(phone).as(user).isEqualTo(masked).matches(MASKED);
        }
        for (String user : List.of("editor", "admin")) {
            String phone = Http.as(port, tokens, user).json("/ogc/collections/contact-points/items?limit=1")
                    .path("features").get(0).path("properties").path("leader_phone").asString();
            assertThat(phone).as(user).isEqualTo(firstPhone);
        }
        JsonNode gaps = Http.as(port, tokens, "analyst").json("/api/analysis/coverage-gaps?distance_km=5");
        assertThat(gaps.path("features").size()).isPositive();
        gaps.path("features").forEach(f ->
                assertThat(f.path("properties").path("nearest_leader_phone").asString()).matches(MASKED));

        String export = "/api/analysis/export?analysis=coverage-gaps&distance_km=5&format=csv";
        String analystCsv = new String(Http.as(port, tokens, "analyst").get(export).body(), StandardCharsets.UTF_8);
        String editorCsv = new String(Http.as(port, tokens, "editor").get(export).body(), StandardCharsets.UTF_8);
        assertThat(analystCsv).containsPattern(MASKED).doesNotContainPattern("\\b" + FULL + "\\b");
        assertThat(editorCsv).containsPattern("\\b" + FULL + "\\b").doesNotContainPattern(MASKED);
    }

    @Test
    void everyExportIsAudited() {
        long before = auditCount("export.table", null);
        Http.as(port, tokens, "analyst").get("/api/analysis/export?analysis=hot-spots&distance_km=5&format=xlsx");
        assertThat(auditCount("export.table", null)).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT actor || ' ' || target FROM audit_event WHERE action = 'export.table' "
                + "ORDER BY id DESC LIMIT 1").query(String.class).single()).isEqualTo("analyst analysis/hot-spots.xlsx");

        String csv = new String(Http.as(port, tokens, "admin").get("/api/admin/audit.csv?action=export").body(),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF编号,时间,用户,操作").contains("analysis/hot-spots.xlsx");
        assertThat(auditCount("export.audit", null)).isPositive();
        assertThat(Http.as(port, tokens, "admin").get("/api/admin/audit.csv?from=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void anEditorsStatusChangeIsAuditedAndABadOneChangesNothing() {
        Map<String, Object> village = jdbc.sql("""
                SELECT id, code, status, status_since FROM organisation WHERE status = 'normal' AND kind = 'village'
                ORDER BY code LIMIT 1""").query().singleRow();
        try {
            aStatusChangeIsAuditedAndABadOneChangesNothing((String) village.get("code"));
        } finally {
            // Put the village's history back as it was, for the tests that read statuses after this one.
            jdbc.sql("DELETE FROM organisation_status WHERE organisation_id = :id AND valid_from > :since")
                    .param("id", village.get("id")).param("since", village.get("status_since")).update();
            jdbc.sql("UPDATE organisation SET status = :status, status_since = :since WHERE id = :id")
                    .param("status", village.get("status")).param("since", village.get("status_since"))
                    .param("id", village.get("id")).update();
        }
    }

    private void aStatusChangeIsAuditedAndABadOneChangesNothing(String code) {
        // The last day of the dataset's last quarter: a change after it would show in no quarter, and is refused.
        String today = "2017-12-31";
        Http editor = Http.as(port, tokens, "editor");
        long history = jdbc.sql("SELECT count(*) FROM organisation_status").query(Long.class).single();

        HttpResponse<byte[]> bad = editor.post("/api/data/organisations/" + code + "/status?status=lost&from=" + today, "", new byte[0]);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.parse(bad).path("detail").asString()).contains("状态 “lost” 无效");
        HttpResponse<byte[]> analyst = Http.as(port, tokens, "analyst")
                .post("/api/data/organisations/" + code + "/status?status=normal&from=" + today, "", new byte[0]);
        assertThat(analyst.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM organisation_status").query(Long.class).single()).isEqualTo(history);

        HttpResponse<byte[]> ok = editor.post("/api/data/organisations/" + code + "/status?status=normal&from=" + today, "", new byte[0]);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM organisation_status").query(Long.class).single()).isEqualTo(history + 1);
        assertThat(jdbc.sql("SELECT actor || ' ' || target || ' ' || detail_key || ' ' || detail_args FROM audit_event "
                + "WHERE action = 'data.change' ORDER BY id DESC LIMIT 1").query(String.class).single())
                .isEqualTo("editor organisation/" + code + " audit.detail.status [{\"key\":\"status.normal\",\"args\":[]},"
                        + "{\"key\":\"status.normal\",\"args\":[]},\"" + today + "\"]");
    }

    @Test
    void anImportIsAuditedAndABadOneChangesNothing() throws IOException {
        Http editor = Http.as(port, tokens, "editor");
        long organisations = jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single();
        long refusedBefore = importsAudited("audit.detail.dataset.refused");
        long unchangedBefore = importsAudited("audit.detail.dataset.unchanged");

        HttpResponse<byte[]> notZip = editor.post("/api/data/import", "application/zip", "not a zip".getBytes());
        assertThat(notZip.statusCode()).isEqualTo(400);
        assertThat(Http.parse(notZip).path("detail").asString()).contains("未做任何更改");
        byte[] broken = zip(file -> file.equals(DatasetFiles.ORGANISATIONS)
                ? "id,code\n1,not-a-code\n".getBytes(StandardCharsets.UTF_8) : demoFile(file));
        assertThat(editor.post("/api/data/import", "application/zip", broken).statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM organisation").query(Long.class).single()).isEqualTo(organisations);

        HttpResponse<byte[]> same = editor.post("/api/data/import", "application/zip", zip(SecurityIT::demoFile));
        assertThat(same.statusCode()).as(new String(same.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(Http.parse(same).path("changed").asBoolean()).isFalse();
        assertThat(importsAudited("audit.detail.dataset.refused")).isEqualTo(refusedBefore + 2);
        assertThat(importsAudited("audit.detail.dataset.unchanged")).isEqualTo(unchangedBefore + 1);
    }

    private long importsAudited(String detailKey) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'data.import' AND actor = 'editor' "
                + "AND detail_key = :key").param("key", detailKey).query(Long.class).single();
    }

    @Test
    void theAuditTrailCanOnlyBeAppendedTo() {
        // Written as the app writes every row (chained), not by hand: a row outside the hash chain would break
        // the chain for every test that checks it afterwards (AuditChainIT, BackupRestoreIT).
        audit.record(new Actor("append.test", null), AuditAction.DATA_CHANGE, "append-only test");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone-else'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE target = 'append-only test'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void accountChangesAreCheckedAndAudited() {
        assertThatThrownBy(() -> accounts.create("weak.one", "弱密码", Role.VIEWER, "passwordpassword"))
                .isInstanceOf(AccountException.class).hasMessage("password.too-simple");
        assertThatThrownBy(() -> accounts.create("short.one", "短密码", Role.VIEWER, "Ab1!"))
                .hasMessage("password.too-short");
        assertThatThrownBy(() -> accounts.create("Bad Name", "名字", Role.VIEWER, "Good-Password-2026"))
                .hasMessage("account.bad-username");
        assertThat(accountRepository.find("weak.one")).isEmpty();

        accounts.create("planner.two", "规划二", Role.VIEWER, "Planner-Two-2026");
        accounts.changeRole("planner.two", Role.ANALYST);
        assertThat(accountRepository.find("planner.two").orElseThrow().role()).isEqualTo(Role.ANALYST);
        assertThat(jdbc.sql("SELECT detail_key || ' ' || detail_args FROM audit_event WHERE action = 'user.role' "
                + "AND target = 'planner.two'").query(String.class).single())
                .isEqualTo("audit.detail.user.role [{\"key\":\"role.viewer\",\"args\":[]},{\"key\":\"role.analyst\",\"args\":[]}]");
        assertThat(auditCount("user.create", "planner.two")).isEqualTo(1);
        // The only admin can be neither demoted nor disabled.
        assertThatThrownBy(() -> accounts.changeRole("admin", Role.VIEWER)).hasMessage("account.last-admin");
        assertThatThrownBy(() -> accounts.setEnabled("admin", false)).hasMessage("account.last-admin");
    }

    @Test
    void pagesAndApiCarryTheSecurityHeaders() {
        for (String path : List.of("/login", "/ogc")) {
            HttpResponse<byte[]> response = new Http(port).get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
            assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
        }
    }

    private long auditCount(String action, String target) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND (CAST(:target AS text) IS NULL OR target = :target)")
                .param("action", action).param("target", target).query(Long.class).single();
    }

    private static byte[] demoFile(String file) {
        try (var in = new ClassPathResource("geodata/" + file).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] zip(java.util.function.Function<String, byte[]> content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String file : DatasetFiles.ALL) {
                zip.putNextEntry(new ZipEntry("dataset/" + file));
                zip.write(content.apply(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
