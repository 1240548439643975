package org.jiuquan.grassroots.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jiuquan.grassroots.Http;
import org.jiuquan.grassroots.PostgisIntegrationTest;
import org.jiuquan.grassroots.datachanges.DataVersionListener;
import org.jiuquan.grassroots.security.ApiTokenService;
import org.jiuquan.grassroots.vocabulary.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The analysis map's requests: a repeated request for the same run sends the bytes written the first time (or a
 * 304 to a browser that holds them), and a change to the data sends the new result. Each test uses its own
 * distance, so no test sees another's kept results.
 */
@PostgisIntegrationTest
class AnalysisResponsesIT {

    @Value("${local.server.port}")
    int port;
    @Autowired
    ApiTokenService tokens;
    @Autowired
    WrittenRuns written;
    @Autowired
    DataVersionListener changes;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void changesAreHeard() {
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.generation() != DataVersionListener.UNKNOWN);
    }

    @Test
    void aRepeatedRequestWritesNothingAndARevalidationIsA304() {
        Http analyst = Http.as(port, tokens, "analyst");
        for (String path : new String[] {"/api/analysis/hot-spots?distance_km=4.75",
                "/api/analysis/coverage-gaps?distance_km=4.75",
                "/api/analysis/weak-clusters?period=2017Q4&distance_km=4.75&min_count=3"}) {
            // (tried again if the data changed meanwhile: the app's own background work announces changes too)
            await().atMost(Duration.ofSeconds(60)).until(() -> repeatedOnUnchangedData(analyst, path));
        }
    }

    /** False if the data changed during the requests; otherwise checks them. */
    private boolean repeatedOnUnchangedData(Http analyst, String path) {
        long generation = changes.generation();
        // given a first request, which runs the analysis and writes its GeoJSON
        HttpResponse<byte[]> first = analyst.get(path);
        assertThat(first.statusCode()).as(path).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).as("a strong ETag").startsWith("\"");
        assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("no-cache").doesNotContain("no-store");
        long writes = written.writes();

        // when the same request comes again, and again from a browser that holds the bytes
        HttpResponse<byte[]> again = analyst.get(path);
        HttpResponse<byte[]> revalidated = analyst.get(path, "If-None-Match", etag);
        if (changes.generation() != generation) {
            return false;
        }

        // then the same bytes are sent without writing them again, and the browser gets a 304 with no body
        assertThat(again.body()).as(path).isEqualTo(first.body());
        assertThat(again.headers().firstValue("ETag")).contains(etag);
        assertThat(revalidated.statusCode()).as(path).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        assertThat(written.writes()).as(path).isEqualTo(writes);
        return true;
    }

    @Test
    void aChangeToTheDataSendsTheNewResultNotTheKeptOne() {
        Http analyst = Http.as(port, tokens, "analyst");
        String path = "/api/analysis/hot-spots?distance_km=3.25";
        HttpResponse<byte[]> before = analyst.get(path);
        String etag = before.headers().firstValue("ETag").orElseThrow();
        String code = jdbc.sql("SELECT code FROM organisation WHERE " + OrganisationKind.branchSql("kind")
                + " ORDER BY code LIMIT 1").query(String.class).single();
        String name = jdbc.sql("SELECT name_zh FROM organisation WHERE code = ?").param(code).query(String.class).single();
        try {
            // when an organisation is renamed (announced as every change is)
            rename(code, name + "（新）");

            // then a browser revalidating its bytes gets the new result, with a new ETag
            HttpResponse<byte[]> after = analyst.get(path, "If-None-Match", etag);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
            assertThat(new String(after.body(), StandardCharsets.UTF_8)).contains(name + "（新）");
            assertThat(new String(before.body(), StandardCharsets.UTF_8)).doesNotContain(name + "（新）");
        } finally {
            rename(code, name);
        }
    }

    private void rename(String code, String name) {
        long generation = changes.generation();
        jdbc.sql("UPDATE organisation SET name_zh = ? WHERE code = ?").param(name).param(code).update();
        jdbc.sql("SELECT pg_notify('data_version', CAST((SELECT version FROM data_version) AS text))")
                .query((rs, n) -> 1).list();
        await().atMost(Duration.ofSeconds(30)).until(() -> changes.generation() != generation);
    }
}
