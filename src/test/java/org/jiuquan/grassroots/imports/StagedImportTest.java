package org.jiuquan.grassroots.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * What the tests of staged imports share: an editor signed in with an API token of its own, the upload,
 * apply and restore calls as an editor's client makes them, and a check that every test leaves the live
 * data as it found it (the fingerprint the subclass names), so that no test depends on another's leftovers.
 */
abstract class StagedImportTest {

    /** What the live organisations look like, to prove a preview changed nothing. */
    static final String ORGANISATIONS = """
            SELECT count(*) || ':' || md5(string_agg(code || name_zh || coalesce(township_zh, '') || fortress_index
                || status || ST_AsText(geom), ',' ORDER BY code))
            FROM organisation WHERE code IS NOT NULL""";

    /** What the live leaders, contact points, values and status histories look like. */
    static final String RECORDS = """
            SELECT (SELECT count(*) || md5(string_agg(id || name_zh || level || title_zh || coalesce(district_code, '')
                        || phone, ',' ORDER BY id)) FROM leader)
                || (SELECT count(*) || md5(string_agg(leader_id || '-' || organisation_id || '-' || established_on, ','
                        ORDER BY leader_id, organisation_id)) FROM contact_point)
                || (SELECT count(*) || md5(string_agg(indicator_code || district_code || period || value, ','
                        ORDER BY indicator_code, district_code, period)) FROM indicator_value)
                || (SELECT count(*) || md5(string_agg(organisation_id || '-' || valid_from || status, ','
                        ORDER BY organisation_id, valid_from)) FROM organisation_status)
                || (SELECT md5(string_agg(code || status || status_since, ',' ORDER BY code))
                    FROM organisation WHERE code IS NOT NULL)""";

    static final String IMPORTS = "/api/data/imports";

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcClient jdbc;

    Http editor;
    String before;

    /** The SQL whose single answer describes the live data the test must leave as it found it. */
    abstract String liveData();

    @BeforeEach
    void signInAsEditor() {
        editor = Http.as(port, tokens, "editor");
        before = fingerprint();
    }

    @AfterEach
    void liveDataIsAsBefore() {
        assertThat(fingerprint()).as("each test leaves the live data as it found it").isEqualTo(before);
    }

    String fingerprint() {
        return jdbc.sql(liveData()).query(String.class).single();
    }

    /** Uploads a file as the editor to {@code /api/data/imports} with the given query ("" or "?..."). */
    HttpResponse<byte[]> upload(String file, byte[] bytes, String query) {
        return Multipart.upload(editor, IMPORTS + query, file, bytes);
    }

    /** Uploads a file that must be staged (201); returns its preview. */
    JsonNode stage(String file, byte[] bytes, String query) {
        return staged(upload(file, bytes, query));
    }

    static JsonNode staged(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(201);
        return Http.parse(response);
    }

    HttpResponse<byte[]> apply(Http as, JsonNode preview) {
        return as.post(IMPORTS + "/" + preview.path("id").asString() + "/apply", "", new byte[0]);
    }

    /** Applies a preview and checks the live data moved; returns the version it made. */
    int apply(JsonNode preview) {
        HttpResponse<byte[]> applied = apply(editor, preview);
        assertThat(applied.statusCode()).as(new String(applied.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(fingerprint()).as("apply changes the live data").isNotEqualTo(before);
        return Http.parse(applied).path("version").asInt();
    }

    /** Restores a version and checks the live data is as at the test's start. */
    void restore(int version) {
        HttpResponse<byte[]> restored = editor.post("/api/data/versions/" + version + "/restore", "", new byte[0]);
        assertThat(restored.statusCode()).as(new String(restored.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(fingerprint()).as("the version before brings the data back").isEqualTo(before);
    }

    /**
     * An editor account limited to one district, made by the test (a name no other test uses) and removed
     * by {@link #removeAccount}; returns a client signed in as it.
     */
    Http districtEditor(String username, String displayName, String district) {
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, role, password_hash)
                VALUES (?, ?, 'editor', '{bcrypt}not-for-signing-in')
                ON CONFLICT (username) DO NOTHING""").param(username).param(displayName).update();
        Http admin = Http.as(port, tokens, "admin");
        assertThat(admin.post("/api/admin/users/" + username + "/district?district=" + district, "", new byte[0])
                .statusCode()).isEqualTo(200);
        return Http.as(port, tokens, username);
    }

    /** Removes an account a test made, and its tokens, so that tests counting accounts find only the demo ones. */
    void removeAccount(String username) {
        jdbc.sql("DELETE FROM api_token WHERE user_id = (SELECT id FROM app_user WHERE username = ?)").param(username)
                .update();
        jdbc.sql("DELETE FROM app_user WHERE username = ?").param(username).update();
    }

    /** A file of src/test/resources/imports. */
    static byte[] fixture(String file) {
        try (InputStream in = StagedImportTest.class.getResourceAsStream("/imports/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The detail of a problem+json answer. */
    static String problem(HttpResponse<byte[]> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        return Http.parse(response).path("detail").asString();
    }

    /** A preview's errors as "row code", in the order given. */
    static List<String> errorsByRow(JsonNode preview) {
        List<String> found = new ArrayList<>();
        preview.path("errors").forEach(e -> found.add(e.path("row").asInt() + " " + e.path("code").asString()));
        return found;
    }

    /** One district's counts in a preview. */
    static JsonNode district(JsonNode preview, String code) {
        for (JsonNode d : preview.path("districts")) {
            if (d.path("code").asString().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no district " + code + " in " + preview);
    }
}
